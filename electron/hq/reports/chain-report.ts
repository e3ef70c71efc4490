import type { Pool } from 'pg';
import type { ChainReport } from '../../../shared/api/hq-contract/reports';
import type { CarrierProfile } from '../../../shared/carrier';
import type { CurrencyCode } from '../../../shared/currencies';
import { carrierNames } from '../catalog/changes';
import type { ReportPeriod } from './period';

/** The ways the report cuts the chain's totals, each a breakdown of the answer. */
const dimensions = ['total', 'shop', 'plan', 'carrier', 'clerk', 'day'] as const;
type Dimension = (typeof dimensions)[number];

/** One grouped row of `day_totals`: the sums of one key of one dimension, in one currency. */
export interface TotalsRow {
  dimension: Dimension;
  key: string;
  label: string;
  currency: string;
  sales: number;
  amount: number;
  dealer_cost: number;
  margin: number;
  refunds: number;
  refunded: number;
}

type Totals = ChainReport['totals'][number];

/**
 * The figures of one row, as the shops' Z reports give them. The margin is what the top-ups done
 * brought over what they cost the shops at the carriers; the net is the takings (every paid sale)
 * after the refunds paid in the same period.
 */
export function totalsOf(row: TotalsRow): Totals {
  const currency = row.currency as CurrencyCode;
  const money = (amount: number) => ({ amount, currency });
  return {
    sales: row.sales,
    amount: money(row.amount),
    dealerCost: money(row.dealer_cost),
    margin: money(row.margin),
    refunds: row.refunds,
    refunded: money(row.refunded),
    net: money(row.amount - row.refunded),
  };
}

/**
 * The report from its grouped rows: the chain's totals (one per currency), the breakdowns with
 * the biggest takings first, and the days in calendar order for the chart.
 */
export function assembleChainReport(period: string, rows: readonly TotalsRow[]): ChainReport {
  const of = (dimension: Dimension) => rows.filter((row) => row.dimension === dimension);
  const breakdown = (dimension: Dimension) =>
    of(dimension)
      .sort(
        (a, b) =>
          b.amount - a.amount || a.label.localeCompare(b.label) || a.key.localeCompare(b.key),
      )
      .map((row) => ({ key: row.key, label: row.label, totals: totalsOf(row) }));
  return {
    period,
    totals: of('total')
      .sort((a, b) => a.currency.localeCompare(b.currency))
      .map(totalsOf),
    byShop: breakdown('shop'),
    byPlan: breakdown('plan'),
    byCarrier: breakdown('carrier'),
    byClerk: breakdown('clerk'),
    byDay: of('day')
      .sort((a, b) => a.key.localeCompare(b.key) || a.currency.localeCompare(b.currency))
      .map((row) => ({ key: row.key, label: row.key, totals: totalsOf(row) })),
  };
}

/**
 * Every cut in one pass over the period's `day_totals` (its key starts with the local day, so a
 * month of the chain reads a range of it). A clerk is a shop's own: the key names both, and the
 * label says whose shop. Every cut is also by currency: a chain may sell in more than one.
 */
const groupedTotals = `
  SELECT
    CASE
      WHEN GROUPING(t.shop_id) = 0 AND GROUPING(t.clerk_id) = 0 THEN 'clerk'
      WHEN GROUPING(t.shop_id) = 0 THEN 'shop'
      WHEN GROUPING(t.plan_id) = 0 THEN 'plan'
      WHEN GROUPING(t.carrier_id) = 0 THEN 'carrier'
      WHEN GROUPING(t.local_day) = 0 THEN 'day'
      ELSE 'total'
    END AS dimension,
    CASE
      WHEN GROUPING(t.shop_id) = 0 AND GROUPING(t.clerk_id) = 0
        THEN t.shop_id::text || '/' || t.clerk_id::text
      WHEN GROUPING(t.shop_id) = 0 THEN t.shop_id::text
      WHEN GROUPING(t.plan_id) = 0 THEN t.plan_id
      WHEN GROUPING(t.carrier_id) = 0 THEN t.carrier_id
      WHEN GROUPING(t.local_day) = 0 THEN t.local_day::text
      ELSE ''
    END AS key,
    CASE
      WHEN GROUPING(t.shop_id) = 0 AND GROUPING(t.clerk_id) = 0
        THEN max(t.clerk_name) || ' · ' || max(s.name)
      WHEN GROUPING(t.shop_id) = 0 THEN max(s.name)
      WHEN GROUPING(t.plan_id) = 0 THEN max(t.plan_name)
      WHEN GROUPING(t.carrier_id) = 0 THEN t.carrier_id
      WHEN GROUPING(t.local_day) = 0 THEN t.local_day::text
      ELSE ''
    END AS label,
    t.currency,
    sum(t.sales)::int AS sales,
    sum(t.amount)::float8 AS amount,
    sum(t.dealer_cost)::float8 AS dealer_cost,
    sum(t.margin)::float8 AS margin,
    sum(t.refunds)::int AS refunds,
    sum(t.refunded)::float8 AS refunded
  FROM day_totals t JOIN shops s ON s.id = t.shop_id
  WHERE t.local_day >= $1::date AND t.local_day < $2::date
  GROUP BY GROUPING SETS (
    (t.currency),
    (t.currency, t.shop_id),
    (t.currency, t.plan_id),
    (t.currency, t.carrier_id),
    (t.currency, t.shop_id, t.clerk_id),
    (t.currency, t.local_day)
  )`;

/** The chain's books over a day or a month (reports.getDay, reports.getMonth), carriers by name. */
export async function chainReport(
  pool: Pool,
  range: ReportPeriod,
  shipped: readonly CarrierProfile[],
): Promise<ChainReport> {
  const [{ rows }, names] = await Promise.all([
    pool.query<TotalsRow>(groupedTotals, [range.from, range.until]),
    carrierNames(pool, shipped),
  ]);
  const named = rows.map((row) =>
    row.dimension === 'carrier' ? { ...row, label: names.get(row.key) ?? row.key } : row,
  );
  const report = assembleChainReport(range.period, named);
  // A day's chart would be one bar: only a month is given day by day.
  return range.month ? report : { ...report, byDay: [] };
}
