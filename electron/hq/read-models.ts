import type { PoolClient } from 'pg';
import type { FactPayload } from '../../shared/head-office';
import { localDate } from '../../shared/local-time';

/**
 * The read models a newly stored fact updates, in the ingest's transaction: the sales and refunds
 * by shop, the day totals (succeeded sales on the day they were sold, refunds on the day they
 * were paid, each in the shop's own zone) and the dealer SIMs' last known floats. Only a fact
 * stored for the first time comes here, so nothing is counted twice.
 */

export interface ReadModelContext {
  client: PoolClient;
  shopId: string;
  /** The shop's time zone: its days are its own. */
  zone: string;
  at: Date;
}

interface DayKey {
  localDay: string;
  tillId: string | null;
  clerkId: number;
  clerkName: string;
  carrierId: string;
  planId: string;
  planName: string;
  currency: string;
}

interface DayAmounts {
  sales: number;
  amount: number;
  dealerCost: number;
  refunds: number;
  refunded: number;
}

async function addToDay(context: ReadModelContext, key: DayKey, add: DayAmounts) {
  await context.client.query(
    `INSERT INTO day_totals (shop_id, local_day, till_id, clerk_id, clerk_name, carrier_id, plan_id,
       plan_name, currency, sales, amount, dealer_cost, refunds, refunded)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (local_day, shop_id, till_id, clerk_id, plan_id) DO UPDATE SET
       sales = day_totals.sales + EXCLUDED.sales,
       amount = day_totals.amount + EXCLUDED.amount,
       dealer_cost = day_totals.dealer_cost + EXCLUDED.dealer_cost,
       refunds = day_totals.refunds + EXCLUDED.refunds,
       refunded = day_totals.refunded + EXCLUDED.refunded`,
    [
      context.shopId,
      key.localDay,
      key.tillId ?? '',
      key.clerkId,
      key.clerkName,
      key.carrierId,
      key.planId,
      key.planName,
      key.currency,
      add.sales,
      add.amount,
      add.dealerCost,
      add.refunds,
      add.refunded,
    ],
  );
}

interface SaleRow {
  status: string;
  updated_at: Date;
  local_day: string;
  till_id: string | null;
  clerk_id: number;
  clerk_name: string;
  carrier_id: string;
  plan_id: string;
  plan_name: string;
  currency: string;
  price: string;
  dealer_cost: string;
}

const dayKeyOfRow = (row: SaleRow): DayKey => ({
  localDay: row.local_day,
  tillId: row.till_id,
  clerkId: row.clerk_id,
  clerkName: row.clerk_name,
  carrierId: row.carrier_id,
  planId: row.plan_id,
  planName: row.plan_name,
  currency: row.currency,
});

/**
 * Whether a sale's fact replaces what the head office holds: a final status (succeeded, failed)
 * is never taken back to `unknown`, and of two facts the later one wins.
 */
export function saleFactWins(
  held: { status: string; updatedAt: Date } | null,
  arriving: { status: string; at: Date },
): boolean {
  if (held === null || held.status === 'unknown') return true;
  return arriving.status !== 'unknown' && arriving.at.getTime() >= held.updatedAt.getTime();
}

export async function applySale(context: ReadModelContext, sale: FactPayload<'sale'>) {
  const { client, shopId } = context;
  const found = await client.query<SaleRow>(
    `SELECT status, updated_at, local_day::text AS local_day, till_id, clerk_id, clerk_name,
       carrier_id, plan_id, plan_name, currency, price, dealer_cost
     FROM sales WHERE shop_id = $1 AND sale_id = $2`,
    [shopId, sale.saleId],
  );
  const held = found.rows[0] ?? null;
  const at = new Date(sale.at);
  if (
    !saleFactWins(held && { status: held.status, updatedAt: held.updated_at }, {
      status: sale.status,
      at,
    })
  ) {
    return;
  }
  const localDay = localDate(new Date(sale.soldAt), context.zone);
  await client.query(
    `INSERT INTO sales (shop_id, sale_id, till_id, status, clerk_id, clerk_name, carrier_id, plan_id,
       plan_name, price, dealer_cost, tax_rate, currency, payment_method, modem_id, sold_at,
       local_day, updated_at, resolved_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
     ON CONFLICT (shop_id, sale_id) DO UPDATE SET
       till_id = EXCLUDED.till_id, status = EXCLUDED.status, clerk_id = EXCLUDED.clerk_id,
       clerk_name = EXCLUDED.clerk_name, carrier_id = EXCLUDED.carrier_id,
       plan_id = EXCLUDED.plan_id, plan_name = EXCLUDED.plan_name, price = EXCLUDED.price,
       dealer_cost = EXCLUDED.dealer_cost, tax_rate = EXCLUDED.tax_rate,
       currency = EXCLUDED.currency, payment_method = EXCLUDED.payment_method,
       modem_id = EXCLUDED.modem_id, sold_at = EXCLUDED.sold_at, local_day = EXCLUDED.local_day,
       updated_at = EXCLUDED.updated_at, resolved_by = EXCLUDED.resolved_by`,
    [
      shopId,
      sale.saleId,
      sale.tillId,
      sale.status,
      sale.clerkId,
      sale.clerkName,
      sale.carrierId,
      sale.planId,
      sale.planName,
      sale.price,
      sale.dealerCost,
      sale.taxRate,
      sale.currency,
      sale.paymentMethod,
      sale.modemId,
      sale.soldAt,
      localDay,
      at,
      sale.resolvedBy,
    ],
  );
  // Only succeeded sales count: a sale entering that status adds itself, one leaving it (never
  // expected, but a shop's word is the truth) takes itself out.
  if (held?.status === 'succeeded' && sale.status !== 'succeeded') {
    await addToDay(context, dayKeyOfRow(held), {
      sales: -1,
      amount: -Number(held.price),
      dealerCost: -Number(held.dealer_cost),
      refunds: 0,
      refunded: 0,
    });
  }
  if (held?.status !== 'succeeded' && sale.status === 'succeeded') {
    await addToDay(
      context,
      { ...sale, localDay },
      { sales: 1, amount: sale.price, dealerCost: sale.dealerCost, refunds: 0, refunded: 0 },
    );
  }
}

export async function applyRefund(context: ReadModelContext, refund: FactPayload<'refund'>) {
  const { client, shopId } = context;
  const localDay = localDate(new Date(refund.at), context.zone);
  const stored = await client.query(
    `INSERT INTO refunds (shop_id, sale_id, till_id, amount, currency, method, reason, at, local_day)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
    [
      shopId,
      refund.saleId,
      refund.tillId,
      refund.amount,
      refund.currency,
      refund.method,
      refund.reason,
      refund.at,
      localDay,
    ],
  );
  if (stored.rowCount === 0) return;
  // Counted under the sale's clerk and plan (the sale's fact comes first from the shop's outbox).
  const sale = await client.query<SaleRow>(
    `SELECT status, updated_at, local_day::text AS local_day, till_id, clerk_id, clerk_name,
       carrier_id, plan_id, plan_name, currency, price, dealer_cost
     FROM sales WHERE shop_id = $1 AND sale_id = $2`,
    [shopId, refund.saleId],
  );
  const of = sale.rows[0];
  const key: DayKey = of
    ? { ...dayKeyOfRow(of), localDay, tillId: refund.tillId }
    : {
        localDay,
        tillId: refund.tillId,
        clerkId: 0,
        clerkName: '',
        carrierId: '',
        planId: '',
        planName: '',
        currency: refund.currency,
      };
  await addToDay(context, key, {
    sales: 0,
    amount: 0,
    dealerCost: 0,
    refunds: 1,
    refunded: refund.amount,
  });
}

export async function applyDealerBalance(
  context: ReadModelContext,
  balance: FactPayload<'dealerBalance'>,
) {
  await context.client.query(
    `INSERT INTO dealer_floats (shop_id, modem_id, carrier_id, amount, currency, alert_below, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (shop_id, modem_id) DO UPDATE SET carrier_id = EXCLUDED.carrier_id,
       amount = EXCLUDED.amount, currency = EXCLUDED.currency,
       alert_below = EXCLUDED.alert_below, at = EXCLUDED.at
     WHERE dealer_floats.at <= EXCLUDED.at`,
    [
      context.shopId,
      balance.modemId,
      balance.carrierId,
      balance.amount,
      balance.currency,
      balance.alertBelow,
      balance.at,
    ],
  );
}

export async function storeReceipt(
  context: ReadModelContext & { factId: string },
  receipt: FactPayload<'receipt'>,
  till: string,
) {
  await context.client.query(
    `INSERT INTO receipts (shop_id, till_id, number, sale_id, hash, prev_hash, content, issued_at, fact_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
    [
      context.shopId,
      till,
      receipt.number,
      receipt.saleId,
      receipt.hash,
      receipt.prevHash,
      receipt.content,
      receipt.issuedAt,
      context.factId,
    ],
  );
}

export async function storeZReport(
  context: ReadModelContext & { factId: string },
  report: FactPayload<'zReport'>,
  till: string,
) {
  await context.client.query(
    `INSERT INTO z_reports (shop_id, till_id, number, shift_id, hash, prev_hash, content, issued_at,
       local_day, fact_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
    [
      context.shopId,
      till,
      report.number,
      report.shiftId,
      report.hash,
      report.prevHash,
      report.content,
      report.issuedAt,
      localDate(new Date(report.issuedAt), context.zone),
      context.factId,
    ],
  );
}
