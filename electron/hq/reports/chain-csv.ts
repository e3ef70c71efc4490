import { stringify } from 'csv-stringify/sync';
import type { Pool } from 'pg';
import { majorUnits } from '../../day/csv';
import type { ReportPeriod } from './period';

/**
 * The chain's CSV (reports.export): one line per local day, shop, till, clerk and plan, as the
 * head office's `day_totals` keep them. UTF-8 with a byte order mark, comma separated, a header
 * of stable column names, LF line ends, amounts in major units beside their currency, as the
 * shop's own exports write them (electron/day/csv.ts). The hub's own till has an empty till_id.
 */
export const chainCsvColumns = [
  'day', // the shop's local day
  'shop',
  'shop_id',
  'till_id',
  'clerk',
  'carrier_id',
  'plan_id',
  'plan_name',
  'sales', // succeeded sales sold that day
  'amount', // what they took
  'dealer_cost', // what their top-ups cost at the carrier
  'margin', // what the top-ups done brought over their dealer cost
  'refunds', // refunds paid that day
  'refunded',
  'net', // amount - refunded
  'currency',
] as const;

interface CsvRow {
  day: string;
  shop: string;
  shop_id: string;
  till_id: string;
  clerk: string;
  carrier_id: string;
  plan_id: string;
  plan_name: string;
  sales: number;
  amount: number;
  dealer_cost: number;
  margin: number;
  refunds: number;
  refunded: number;
  currency: string;
}

export function chainCsv(rows: readonly CsvRow[]): string {
  const records = rows.map((row) => {
    const money = (amount: number) => majorUnits(amount, row.currency);
    return {
      ...row,
      amount: money(row.amount),
      dealer_cost: money(row.dealer_cost),
      margin: money(row.margin),
      refunded: money(row.refunded),
      net: money(row.amount - row.refunded),
    };
  });
  return `\uFEFF${stringify(records, { header: true, columns: [...chainCsvColumns] })}`;
}

/** The period's lines, in day, shop, till, clerk and plan order. */
export async function chainExport(
  pool: Pool,
  range: ReportPeriod,
): Promise<{ fileName: string; csv: string }> {
  const { rows } = await pool.query<CsvRow>(
    `SELECT t.local_day::text AS day, s.name AS shop, t.shop_id::text AS shop_id, t.till_id,
       t.clerk_name AS clerk, t.carrier_id, t.plan_id, t.plan_name, t.sales,
       t.amount::float8 AS amount, t.dealer_cost::float8 AS dealer_cost,
       t.margin::float8 AS margin, t.refunds,
       t.refunded::float8 AS refunded, t.currency
     FROM day_totals t JOIN shops s ON s.id = t.shop_id
     WHERE t.local_day >= $1::date AND t.local_day < $2::date
     ORDER BY t.local_day, s.name, t.till_id, t.clerk_name, t.plan_id`,
    [range.from, range.until],
  );
  return { fileName: `chain-${range.period}.csv`, csv: chainCsv(rows) };
}
