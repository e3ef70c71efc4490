import { stringify } from 'csv-stringify/sync';
import { localDateTimeText } from '../../shared/local-time';
import type { TaxRate } from '../../shared/tax';
import { majorUnits } from '../day/csv';
import type { JournalEntry } from './journal';

/**
 * The accountant's CSV files (accountant.export, and day.export's journal of a Z report):
 * UTF-8 with a byte order mark, comma separated, a header row of stable column names, fields
 * quoted only when they need it, lines ending in LF, amounts in major units with a dot beside
 * their ISO 4217 currency (as electron/day/csv.ts). The README lists the same columns; change
 * both together, and only by adding columns at the end.
 */

const BOM = '\uFEFF';

/**
 * The journal: one row per receipt and tax rate (a receipt of one plan has one rate, so one row;
 * its amounts are that rate's part). Amounts are signed: a correction giving money back is
 * negative, so the column sums are what the till took and the tax it owes.
 */
export const journalColumns = [
  'receipt_number', // numbered per till, without gaps
  'issued_at_utc',
  'issued_at_local', // in the shop's time zone, YYYY-MM-DD HH:MM:SS
  'till', // the till's name as printed
  'clerk',
  'sale_id', // the sale's number in the journal of sales
  'carrier',
  'plan',
  'quantity', // 1 a sale, -1 a correction giving the money back, 0 one changing nothing
  'unit_price', // the plan's price, tax included
  'total', // what this row charges, tax included (quantity × unit price, or this rate's part)
  'tax_rate_percent', // "11", "5.5", "0"; empty when the sale's tax was not recorded
  'amount_before_tax', // empty when the tax was not recorded
  'tax', // empty when the tax was not recorded
  'currency',
  'payment_method', // cash, card or other
  'status', // succeeded, failed-refunded or pending-verification, as the receipt says
  'corrects_receipt', // the receipt this one corrects, by number
  'customer', // the customer's number, masked as on the receipt
  'till_id', // the till's id: receipt numbers are unique per till
] as const;

/** A rate as the files write it: percent with a dot, no sign ("5.5"). */
export const ratePercent = (rate: TaxRate | null) => (rate === null ? '' : String(rate / 100));

export function journalCsv(entries: readonly JournalEntry[], timeZone: string): string {
  const rows = entries.map((entry) => {
    const { receipt } = entry;
    const { currency } = receipt.price;
    const money = (amount: number | null) => (amount === null ? '' : majorUnits(amount, currency));
    return [
      receipt.number,
      receipt.issuedAt,
      localDateTimeText(new Date(receipt.issuedAt), timeZone),
      receipt.tillName ?? receipt.deviceId,
      receipt.clerk,
      entry.saleId,
      receipt.carrier,
      receipt.plan,
      entry.quantity,
      money(receipt.price.amount),
      money(entry.total),
      ratePercent(entry.rate),
      money(entry.base),
      money(entry.tax),
      currency,
      receipt.payment.method,
      receipt.status,
      entry.corrects ?? '',
      receipt.customer,
      receipt.deviceId,
    ];
  });
  return BOM + stringify(rows, { header: true, columns: [...journalColumns] });
}

/**
 * The summary: the journal's rows added up by plan (`by_plan`, key the plan as printed), by tax
 * rate (`by_tax_rate`, key the rate in percent, `not_recorded` for sales made before rates were)
 * and by payment method (`by_payment`), then the whole (`total`, key `all`), then by till
 * (`by_till`, key the till's name as printed). `receipts` counts distinct receipts (a number per
 * till); amounts before tax and tax are empty where any row had its tax unrecorded.
 */
export const summaryColumns = [
  'section',
  'key',
  'receipts',
  'total',
  'amount_before_tax',
  'tax',
  'currency',
] as const;

interface Sum {
  /** Each receipt as its till and number. */
  receipts: Set<string>;
  total: number;
  base: number | null;
  tax: number | null;
  currency: string;
}

export function summaryCsv(entries: readonly JournalEntry[], currency: string): string {
  const sections: [string, (entry: JournalEntry) => string][] = [
    ['by_plan', (entry) => entry.receipt.plan],
    ['by_tax_rate', (entry) => (entry.rate === null ? 'not_recorded' : ratePercent(entry.rate))],
    ['by_payment', (entry) => entry.receipt.payment.method],
    ['total', () => 'all'],
    ['by_till', (entry) => entry.receipt.tillName ?? entry.receipt.deviceId],
  ];
  const money = (amount: number | null, of: string) =>
    amount === null ? '' : majorUnits(amount, of);
  const rows = sections.flatMap(([section, keyOf]) => {
    const sums = new Map<string, Sum>();
    for (const entry of entries) {
      const key = keyOf(entry);
      const sum = sums.get(key) ?? {
        receipts: new Set<string>(),
        total: 0,
        base: 0,
        tax: 0,
        currency: entry.receipt.price.currency,
      };
      sum.receipts.add(`${entry.receipt.deviceId} ${entry.receipt.number}`);
      sum.total += entry.total;
      sum.base = sum.base === null || entry.base === null ? null : sum.base + entry.base;
      sum.tax = sum.tax === null || entry.tax === null ? null : sum.tax + entry.tax;
      sums.set(key, sum);
    }
    if (section === 'total' && sums.size === 0) {
      sums.set('all', { receipts: new Set(), total: 0, base: 0, tax: 0, currency });
    }
    return [...sums].map(([key, sum]) => [
      section,
      key,
      sum.receipts.size,
      money(sum.total, sum.currency),
      money(sum.base, sum.currency),
      money(sum.tax, sum.currency),
      sum.currency,
    ]);
  });
  return BOM + stringify(rows, { header: true, columns: [...summaryColumns] });
}
