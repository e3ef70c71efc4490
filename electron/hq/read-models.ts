import type { PoolClient } from 'pg';
import type { FactPayload } from '../../shared/head-office';
import { localDate } from '../../shared/local-time';
import { type Flag, tillKey } from './chain-arrivals';
import { repeatedRefund, reusedSale } from './chain-checks';

/**
 * The read models the facts of one batch update, in the ingest's transaction, a few statements
 * per batch whatever its size: the sales and refunds by shop, the day totals (counted as the
 * shop's Z report counts them: paid sales on the day they were sold, refunds on the day they were
 * paid, each in the shop's own zone) and the dealer SIMs' last known floats. Only facts stored for the first time come here, so nothing is
 * counted twice.
 */

export interface ReadModelContext {
  client: PoolClient;
  shopId: string;
  /** The shop's time zone: its days are its own. */
  zone: string;
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
  margin: number;
  refunds: number;
  refunded: number;
}

/** Day totals added up in memory over a batch, written in one statement. */
export function createDayTotals() {
  const rows = new Map<string, DayKey & DayAmounts>();
  return {
    add(key: DayKey, add: Partial<DayAmounts>) {
      const id = JSON.stringify([key.localDay, key.tillId ?? '', key.clerkId, key.planId]);
      const row = rows.get(id) ?? {
        ...key,
        sales: 0,
        amount: 0,
        dealerCost: 0,
        margin: 0,
        refunds: 0,
        refunded: 0,
      };
      row.sales += add.sales ?? 0;
      row.amount += add.amount ?? 0;
      row.dealerCost += add.dealerCost ?? 0;
      row.margin += add.margin ?? 0;
      row.refunds += add.refunds ?? 0;
      row.refunded += add.refunded ?? 0;
      rows.set(id, row);
    },
    async write(context: ReadModelContext) {
      if (rows.size === 0) return;
      await context.client.query(
        `INSERT INTO day_totals (shop_id, local_day, till_id, clerk_id, clerk_name, carrier_id,
           plan_id, plan_name, currency, sales, amount, dealer_cost, margin, refunds, refunded)
         SELECT $1, d.local_day, d.till_id, d.clerk_id, d.clerk_name, d.carrier_id, d.plan_id,
           d.plan_name, d.currency, d.sales, d.amount, d.dealer_cost, d.margin, d.refunds,
           d.refunded
         FROM jsonb_to_recordset($2::jsonb) AS d (local_day date, till_id text, clerk_id integer,
           clerk_name text, carrier_id text, plan_id text, plan_name text, currency text,
           sales integer, amount bigint, dealer_cost bigint, margin bigint, refunds integer,
           refunded bigint)
         ON CONFLICT (local_day, shop_id, till_id, clerk_id, plan_id) DO UPDATE SET
           sales = day_totals.sales + EXCLUDED.sales,
           amount = day_totals.amount + EXCLUDED.amount,
           dealer_cost = day_totals.dealer_cost + EXCLUDED.dealer_cost,
           margin = day_totals.margin + EXCLUDED.margin,
           refunds = day_totals.refunds + EXCLUDED.refunds,
           refunded = day_totals.refunded + EXCLUDED.refunded`,
        [
          context.shopId,
          JSON.stringify(
            [...rows.values()].map((row) => ({
              local_day: row.localDay,
              till_id: row.tillId ?? '',
              clerk_id: row.clerkId,
              clerk_name: row.clerkName,
              carrier_id: row.carrierId,
              plan_id: row.planId,
              plan_name: row.planName,
              currency: row.currency,
              sales: row.sales,
              amount: row.amount,
              dealer_cost: row.dealerCost,
              margin: row.margin,
              refunds: row.refunds,
              refunded: row.refunded,
            })),
          ),
        ],
      );
    },
  };
}

export type DayTotals = ReturnType<typeof createDayTotals>;

/** A sale as the head office holds it: what its day totals and its next fact need. */
interface HeldSale extends DayKey {
  status: string;
  /** When it was made: a sale keeps it for life. */
  soldAt: string;
  updatedAt: number;
  price: number;
  dealerCost: number;
  /** Its refund is stored: a failed sale with one was paid. */
  refunded: boolean;
}

/**
 * What a sale adds to its day, as the shop's Z report counts it: a paid sale is in the takings
 * whatever became of it (its refund is counted apart, on its own day); the carrier's cost and the
 * margin count only top-ups done. A sale that reached `unknown` or `succeeded` was paid; a failed
 * one was if its money went back (a sale failed before payment has no refund).
 */
export function saleCounts(sale: {
  status: string;
  price: number;
  dealerCost: number;
  refunded: boolean;
}): Partial<DayAmounts> {
  const paid = sale.status !== 'failed' || sale.refunded;
  if (!paid) return {};
  const done = sale.status === 'succeeded';
  return {
    sales: 1,
    amount: sale.price,
    dealerCost: done ? sale.dealerCost : 0,
    margin: done ? sale.price - sale.dealerCost : 0,
  };
}

const negated = (amounts: Partial<DayAmounts>): Partial<DayAmounts> =>
  Object.fromEntries(Object.entries(amounts).map(([key, value]) => [key, -value]));

/**
 * Whether a sale's fact replaces what the head office holds: a final status (succeeded, failed)
 * is never taken back to `unknown`, and of two facts the later one wins.
 */
export function saleFactWins(
  held: { status: string; updatedAt: number } | null,
  arriving: { status: string; at: number },
): boolean {
  if (held === null || held.status === 'unknown') return true;
  return arriving.status !== 'unknown' && arriving.at >= held.updatedAt;
}

const saleColumns = `sale_id, status, sold_at, updated_at, local_day::text AS local_day, till_id,
  clerk_id, clerk_name, carrier_id, plan_id, plan_name, currency, price, dealer_cost, refunded`;

interface SaleRow {
  sale_id: string;
  status: string;
  sold_at: Date;
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
  refunded: boolean;
}

const heldOf = (row: SaleRow): HeldSale => ({
  status: row.status,
  soldAt: row.sold_at.toISOString(),
  updatedAt: row.updated_at.getTime(),
  localDay: row.local_day,
  tillId: row.till_id,
  clerkId: row.clerk_id,
  clerkName: row.clerk_name,
  carrierId: row.carrier_id,
  planId: row.plan_id,
  planName: row.plan_name,
  currency: row.currency,
  price: Number(row.price),
  dealerCost: Number(row.dealer_cost),
  refunded: row.refunded,
});

async function heldSales(context: ReadModelContext, saleIds: readonly number[]) {
  const found = await context.client.query<SaleRow>(
    `SELECT ${saleColumns} FROM sales s WHERE shop_id = $1 AND sale_id = ANY($2::bigint[])`,
    [context.shopId, [...new Set(saleIds)]],
  );
  return new Map(found.rows.map((row) => [Number(row.sale_id), heldOf(row)]));
}

/**
 * The batch's sale facts in the shop's order: each one that wins over what is held replaces it,
 * and the day totals take out what the held one counted and add what the arriving one counts.
 * Another sale under a held id (a shop restored from an old backup numbers its new sales from
 * where the backup stood) always replaces it, unrefunded, and is a finding; the held sale's
 * takings stay on its day, as that day's Z report counted them, beside its refund. Returns the
 * findings, each with its fact.
 */
export async function applySales(
  context: ReadModelContext,
  sales: readonly { factId: string; sale: FactPayload<'sale'> }[],
  days: DayTotals,
): Promise<Flag[]> {
  if (sales.length === 0) return [];
  const held = await heldSales(
    context,
    sales.map(({ sale }) => sale.saleId),
  );
  const replaced = new Map<number, FactPayload<'sale'> & { localDay: string; refunded: boolean }>();
  const flags: Flag[] = [];
  for (const { factId, sale } of sales) {
    const before = held.get(sale.saleId) ?? null;
    const at = Date.parse(sale.at);
    const reused = reusedSale(before, sale);
    if (reused) flags.push({ chain: 'sales', till: tillKey(sale.tillId), finding: reused, factId });
    else if (!saleFactWins(before, { status: sale.status, at })) continue;
    const localDay = localDate(new Date(sale.soldAt), context.zone);
    const refunded = reused ? false : (before?.refunded ?? false);
    if (before && !reused) days.add(before, negated(saleCounts(before)));
    days.add({ ...sale, localDay }, saleCounts({ ...sale, refunded }));
    held.set(sale.saleId, { ...sale, localDay, updatedAt: at, refunded });
    replaced.set(sale.saleId, { ...sale, localDay, refunded });
  }
  if (replaced.size === 0) return flags;
  await context.client.query(
    `INSERT INTO sales (shop_id, sale_id, till_id, status, clerk_id, clerk_name, carrier_id,
       plan_id, plan_name, price, dealer_cost, tax_rate, currency, payment_method, modem_id,
       sold_at, local_day, updated_at, resolved_by, refunded)
     SELECT $1, s.sale_id, s.till_id, s.status, s.clerk_id, s.clerk_name, s.carrier_id, s.plan_id,
       s.plan_name, s.price, s.dealer_cost, s.tax_rate, s.currency, s.payment_method, s.modem_id,
       s.sold_at, s.local_day, s.updated_at, s.resolved_by, s.refunded
     FROM jsonb_to_recordset($2::jsonb) AS s (sale_id bigint, till_id text, status text,
       clerk_id integer, clerk_name text, carrier_id text, plan_id text, plan_name text,
       price bigint, dealer_cost bigint, tax_rate integer, currency text, payment_method text,
       modem_id text, sold_at timestamptz, local_day date, updated_at timestamptz,
       resolved_by text, refunded boolean)
     ON CONFLICT (shop_id, sale_id) DO UPDATE SET
       till_id = EXCLUDED.till_id, status = EXCLUDED.status, clerk_id = EXCLUDED.clerk_id,
       clerk_name = EXCLUDED.clerk_name, carrier_id = EXCLUDED.carrier_id,
       plan_id = EXCLUDED.plan_id, plan_name = EXCLUDED.plan_name, price = EXCLUDED.price,
       dealer_cost = EXCLUDED.dealer_cost, tax_rate = EXCLUDED.tax_rate,
       currency = EXCLUDED.currency, payment_method = EXCLUDED.payment_method,
       modem_id = EXCLUDED.modem_id, sold_at = EXCLUDED.sold_at, local_day = EXCLUDED.local_day,
       updated_at = EXCLUDED.updated_at, resolved_by = EXCLUDED.resolved_by,
       refunded = EXCLUDED.refunded`,
    [
      context.shopId,
      JSON.stringify(
        [...replaced.values()].map((sale) => ({
          sale_id: sale.saleId,
          till_id: sale.tillId,
          status: sale.status,
          clerk_id: sale.clerkId,
          clerk_name: sale.clerkName,
          carrier_id: sale.carrierId,
          plan_id: sale.planId,
          plan_name: sale.planName,
          price: sale.price,
          dealer_cost: sale.dealerCost,
          tax_rate: sale.taxRate,
          currency: sale.currency,
          payment_method: sale.paymentMethod,
          modem_id: sale.modemId,
          sold_at: sale.soldAt,
          local_day: sale.localDay,
          updated_at: sale.at,
          resolved_by: sale.resolvedBy,
          refunded: sale.refunded,
        })),
      ),
    ],
  );
  return flags;
}

/**
 * The batch's refunds, one per refund fact (two sales under one id, a shop restored from an old
 * backup, are refunded twice), counted on the day they were paid under the clerk and plan of the
 * sale held (the sale's fact comes before its refund in the shop's outbox). A failed sale's
 * refund also says it was paid: its takings join its own day then, once. A second refund of the
 * same sale counts too, as the shop's Z counted the money paid back, and is a finding. Returns
 * the findings, each with its fact.
 */
export async function applyRefunds(
  context: ReadModelContext,
  refunds: readonly { factId: string; refund: FactPayload<'refund'> }[],
  days: DayTotals,
): Promise<Flag[]> {
  if (refunds.length === 0) return [];
  const stored = await context.client.query<{ fact_id: string }>(
    `INSERT INTO refunds (shop_id, fact_id, sale_id, till_id, amount, currency, method, reason, at,
       local_day)
     SELECT $1, r.fact_id, r.sale_id, r.till_id, r.amount, r.currency, r.method, r.reason, r.at,
       r.local_day
     FROM jsonb_to_recordset($2::jsonb) AS r (fact_id uuid, sale_id bigint, till_id text,
       amount bigint, currency text, method text, reason text, at timestamptz, local_day date)
     ON CONFLICT DO NOTHING RETURNING fact_id`,
    [
      context.shopId,
      JSON.stringify(
        refunds.map(({ factId, refund }) => ({
          fact_id: factId,
          sale_id: refund.saleId,
          till_id: refund.tillId,
          amount: refund.amount,
          currency: refund.currency,
          method: refund.method,
          reason: refund.reason,
          at: refund.at,
          local_day: localDate(new Date(refund.at), context.zone),
        })),
      ),
    ],
  );
  const counted = new Set(stored.rows.map((row) => row.fact_id));
  const sales = await heldSales(
    context,
    refunds.filter(({ factId }) => counted.has(factId)).map(({ refund }) => refund.saleId),
  );
  const paid: number[] = [];
  const flags: Flag[] = [];
  for (const { factId, refund } of refunds) {
    if (!counted.delete(factId)) continue;
    const localDay = localDate(new Date(refund.at), context.zone);
    const sale = sales.get(refund.saleId);
    const repeated = repeatedRefund(sale ?? null, refund);
    if (repeated) {
      flags.push({ chain: 'sales', till: tillKey(refund.tillId), finding: repeated, factId });
    }
    const key: DayKey = sale
      ? { ...sale, localDay, tillId: refund.tillId }
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
    days.add(key, { refunds: 1, refunded: refund.amount });
    if (sale && !sale.refunded) {
      if (sale.status === 'failed') days.add(sale, saleCounts({ ...sale, refunded: true }));
      sale.refunded = true;
      paid.push(refund.saleId);
    }
  }
  if (paid.length > 0) {
    await context.client.query(
      'UPDATE sales SET refunded = true WHERE shop_id = $1 AND sale_id = ANY($2::bigint[])',
      [context.shopId, paid],
    );
  }
  return flags;
}

/** Each dealer SIM's newest balance of the batch, kept when newer than the one held. */
export async function applyDealerBalances(
  context: ReadModelContext,
  balances: readonly FactPayload<'dealerBalance'>[],
) {
  const newest = new Map<string, FactPayload<'dealerBalance'>>();
  for (const balance of balances) {
    const held = newest.get(balance.modemId);
    if (!held || Date.parse(held.at) <= Date.parse(balance.at))
      newest.set(balance.modemId, balance);
  }
  if (newest.size === 0) return;
  await context.client.query(
    `INSERT INTO dealer_floats (shop_id, modem_id, carrier_id, amount, currency, alert_below, at)
     SELECT $1, f.modem_id, f.carrier_id, f.amount, f.currency, f.alert_below, f.at
     FROM jsonb_to_recordset($2::jsonb) AS f (modem_id text, carrier_id text, amount bigint,
       currency text, alert_below bigint, at timestamptz)
     ON CONFLICT (shop_id, modem_id) DO UPDATE SET carrier_id = EXCLUDED.carrier_id,
       amount = EXCLUDED.amount, currency = EXCLUDED.currency,
       alert_below = EXCLUDED.alert_below, at = EXCLUDED.at
     WHERE dealer_floats.at <= EXCLUDED.at`,
    [
      context.shopId,
      JSON.stringify(
        [...newest.values()].map((balance) => ({
          modem_id: balance.modemId,
          carrier_id: balance.carrierId,
          amount: balance.amount,
          currency: balance.currency,
          alert_below: balance.alertBelow,
          at: balance.at,
        })),
      ),
    ],
  );
}

export interface StoredChained {
  till: string;
  factId: string;
}

/** The batch's receipts (a number held already keeps its first receipt). */
export async function storeReceipts(
  context: ReadModelContext,
  receipts: readonly (StoredChained & { receipt: FactPayload<'receipt'> })[],
) {
  if (receipts.length === 0) return;
  await context.client.query(
    `INSERT INTO receipts (shop_id, till_id, number, sale_id, hash, prev_hash, content, issued_at, fact_id)
     SELECT $1, r.till_id, r.number, r.sale_id, r.hash, r.prev_hash, r.content, r.issued_at, r.fact_id
     FROM jsonb_to_recordset($2::jsonb) AS r (till_id text, number integer, sale_id bigint,
       hash text, prev_hash text, content jsonb, issued_at timestamptz, fact_id uuid)
     ON CONFLICT DO NOTHING`,
    [
      context.shopId,
      JSON.stringify(
        receipts.map(({ till, factId, receipt }) => ({
          till_id: till,
          number: receipt.number,
          sale_id: receipt.saleId,
          hash: receipt.hash,
          prev_hash: receipt.prevHash,
          content: receipt.content,
          issued_at: receipt.issuedAt,
          fact_id: factId,
        })),
      ),
    ],
  );
}

/** The batch's Z reports, each on the shop's day it was issued. */
export async function storeZReports(
  context: ReadModelContext,
  reports: readonly (StoredChained & { report: FactPayload<'zReport'> })[],
) {
  if (reports.length === 0) return;
  await context.client.query(
    `INSERT INTO z_reports (shop_id, till_id, number, shift_id, hash, prev_hash, content, issued_at,
       local_day, fact_id)
     SELECT $1, z.till_id, z.number, z.shift_id, z.hash, z.prev_hash, z.content, z.issued_at,
       z.local_day, z.fact_id
     FROM jsonb_to_recordset($2::jsonb) AS z (till_id text, number integer, shift_id bigint,
       hash text, prev_hash text, content jsonb, issued_at timestamptz, local_day date,
       fact_id uuid)
     ON CONFLICT DO NOTHING`,
    [
      context.shopId,
      JSON.stringify(
        reports.map(({ till, factId, report }) => ({
          till_id: till,
          number: report.number,
          shift_id: report.shiftId,
          hash: report.hash,
          prev_hash: report.prevHash,
          content: report.content,
          issued_at: report.issuedAt,
          local_day: localDate(new Date(report.issuedAt), context.zone),
          fact_id: factId,
        })),
      ),
    ],
  );
}
