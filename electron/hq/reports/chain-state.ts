import type { Pool } from 'pg';
import { ApiError } from '../../../shared/api/errors';
import type { HqProcedureOutput } from '../../../shared/api/hq-contract';
import type { CarrierProfile } from '../../../shared/carrier';
import type { CurrencyCode } from '../../../shared/currencies';
import { carrierNames } from '../catalog/changes';
import { type TotalsRow, totalsOf } from './chain-report';
import { shiftOpenedAtOf, zFiguresOf } from './z-figures';

type Floats = HqProcedureOutput<'floats.list'>['floats'];
type PendingSales = HqProcedureOutput<'pending.list'>['sales'];
type ZReports = HqProcedureOutput<'zReports.list'>;

/**
 * Every dealer SIM's last known float across the chain, those below their shop's alert first
 * (then by shop and SIM), so the ones to top up are at the top.
 */
export async function chainFloats(pool: Pool, shipped: readonly CarrierProfile[]): Promise<Floats> {
  const names = await carrierNames(pool, shipped);
  const { rows } = await pool.query<{
    shop_id: string;
    shop_name: string;
    modem_id: string;
    carrier_id: string;
    amount: number;
    currency: CurrencyCode;
    alert_below: number | null;
    low: boolean;
    at: Date;
  }>(
    `SELECT f.shop_id, s.name AS shop_name, f.modem_id, f.carrier_id, f.amount::float8 AS amount,
       f.currency, f.alert_below::float8 AS alert_below,
       coalesce(f.amount < f.alert_below, false) AS low, f.at
     FROM dealer_floats f JOIN shops s ON s.id = f.shop_id
     ORDER BY low DESC, s.name, f.modem_id`,
  );
  return rows.map((row) => ({
    shopId: row.shop_id,
    shopName: row.shop_name,
    modemId: row.modem_id,
    carrierId: row.carrier_id,
    carrierName: names.get(row.carrier_id) ?? row.carrier_id,
    balance: { amount: row.amount, currency: row.currency },
    // A threshold below zero alerts on a debt: the contract's threshold is an amount to keep.
    alertBelow:
      row.alert_below === null
        ? null
        : { amount: Math.max(0, row.alert_below), currency: row.currency },
    low: row.low,
    at: row.at.toISOString(),
  }));
}

/** The chain's sales still pending verification, oldest first, with their age at `now`. */
export async function pendingSales(
  pool: Pool,
  now: Date,
  shipped: readonly CarrierProfile[],
): Promise<PendingSales> {
  const names = await carrierNames(pool, shipped);
  const { rows } = await pool.query<{
    shop_id: string;
    shop_name: string;
    sale_id: string;
    till_id: string | null;
    carrier_id: string;
    plan_name: string;
    price: number;
    currency: CurrencyCode;
    clerk_name: string;
    sold_at: Date;
  }>(
    `SELECT p.shop_id, s.name AS shop_name, p.sale_id, p.till_id, p.carrier_id, p.plan_name,
       p.price::float8 AS price, p.currency, p.clerk_name, p.sold_at
     FROM sales p JOIN shops s ON s.id = p.shop_id
     WHERE p.status = 'unknown'
     ORDER BY p.sold_at, s.name, p.sale_id`,
  );
  return rows.map((row) => ({
    shopId: row.shop_id,
    shopName: row.shop_name,
    saleId: Number(row.sale_id),
    tillId: row.till_id,
    carrierId: row.carrier_id,
    carrierName: names.get(row.carrier_id) ?? row.carrier_id,
    planName: row.plan_name,
    price: { amount: row.price, currency: row.currency },
    clerkName: row.clerk_name,
    soldAt: row.sold_at.toISOString(),
    // A shop's clock ahead of the head office's does not make an age below zero.
    ageMinutes: Math.max(0, Math.floor((now.getTime() - row.sold_at.getTime()) / 60_000)),
  }));
}

/**
 * A shop's Z reports, newest first (by the day they close, then number), all or those of one
 * month of the shop's calendar, each with its figures and when its shift opened; and the head
 * office's own totals of each till of the shop for each of those days, so a Z can be set beside
 * its till's day. An unknown shop is
 * not found rather than an empty list.
 */
export async function shopZReports(
  pool: Pool,
  shopId: string,
  month: { from: string; until: string } | null,
): Promise<ZReports> {
  const shop = await pool.query('SELECT 1 FROM shops WHERE id = $1', [shopId]);
  if (shop.rowCount === 0) throw new ApiError('not_found', `No shop ${shopId}`);
  const { rows } = await pool.query<{
    till_id: string;
    number: number;
    day: string;
    issued_at: Date;
    hash: string;
    content: Record<string, unknown>;
  }>(
    `SELECT till_id, number, local_day::text AS day, issued_at, hash, content
     FROM z_reports
     WHERE shop_id = $1
       AND ($2::date IS NULL OR (local_day >= $2::date AND local_day < $3::date))
     ORDER BY local_day DESC, issued_at DESC, till_id, number DESC`,
    [shopId, month?.from ?? null, month?.until ?? null],
  );
  const days = [...new Set(rows.map((row) => row.day))];
  // Per till ('' the hub's): a Z counts one till, so it is beside that till's day only.
  const totals = await pool.query<TotalsRow & { till_id: string }>(
    `SELECT 'day' AS dimension, local_day::text AS key, local_day::text AS label, till_id,
       currency, sum(sales)::int AS sales, sum(amount)::float8 AS amount,
       sum(dealer_cost)::float8 AS dealer_cost, sum(margin)::float8 AS margin,
       sum(refunds)::int AS refunds, sum(refunded)::float8 AS refunded
     FROM day_totals
     WHERE shop_id = $1 AND local_day = ANY ($2::date[])
     GROUP BY local_day, till_id, currency
     ORDER BY local_day DESC, till_id, currency`,
    [shopId, days],
  );
  return {
    zReports: rows.map((row) => ({
      tillId: row.till_id,
      number: row.number,
      day: row.day,
      issuedAt: row.issued_at.toISOString(),
      hash: row.hash,
      content: row.content,
      figures: zFiguresOf(row.content),
      shiftOpenedAt: shiftOpenedAtOf(row.content),
    })),
    days: days.map((day) => {
      const ofDay = totals.rows.filter((row) => row.key === day);
      return {
        day,
        tills: [...new Set(ofDay.map((row) => row.till_id))].map((tillId) => ({
          tillId,
          totals: ofDay.filter((row) => row.till_id === tillId).map(totalsOf),
        })),
      };
    }),
  };
}
