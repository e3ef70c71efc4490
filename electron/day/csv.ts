import { stringify } from 'csv-stringify/sync';
import { type CurrencyCode, currencies } from '../../shared/currencies';
import type { ZReport } from '../../shared/day';
import { localDateTimeText } from '../../shared/local-time';

/**
 * The accountant's CSV files, two per Z report (day.export format "csv"):
 * - `z-NNNN-sales.csv` (NNNN: the Z number on four digits): every sale made in the Z report's
 *   window (after the previous close, up to this one), whatever its status, one row each;
 * - `z-NNNN-summary.csv`: the Z report itself, one row per figure.
 *
 * Both are UTF-8 with a byte order mark (so spreadsheet programs read accents and Chinese right),
 * comma separated, a header row of stable column names, fields quoted only when they need it,
 * lines ending in LF. Amounts are in major units with a dot and no grouping ("1500" XPF, "12.50"
 * EUR), always beside their ISO 4217 currency; an empty field means there is none. Times are given in UTC as
 * stored (ISO 8601, `…_utc`) and in the shop's time zone as `YYYY-MM-DD HH:MM:SS` (`…_local`).
 * The README lists the same columns; change both together, and only by adding columns.
 */

const BOM = '\uFEFF';

export function majorUnits(amount: number, currency: string): string {
  const digits = currencies[currency as CurrencyCode]?.minorDigits ?? 0;
  if (digits === 0) return String(amount);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const scale = 10 ** digits;
  return `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(digits, '0')}`;
}

const localDateTime = (instant: string, timeZone: string) =>
  localDateTimeText(new Date(instant), timeZone);

/** The sales file's columns, in order. */
export const saleColumns = [
  'sale_id', // the sale's number in the journal
  'created_at_utc', // when it was sold
  'created_at_local',
  'status', // draft, paid, sending, succeeded, failed (and refunded) or unknown
  'msisdn', // the customer's number, as sold
  'carrier_id',
  'plan_id',
  'plan_name',
  'data_mb', // the plan's data, in MB
  'validity_days',
  'price', // what the customer paid
  'dealer_cost', // what the top-up costs the shop at the carrier
  'currency',
  'payment_method', // cash, card or other
  'tendered', // cash handed over (cash only)
  'change', // cash given back (cash only)
  'payment_reference', // card slip or transfer reference
  'clerk', // the user who sold it
  'modem_id', // the modem (dealer SIM) that sent the top-up
  'carrier_reference', // the carrier's reference of the top-up
  'receipt_number', // the sale's latest receipt on this till
  'refund_amount', // given back when the top-up failed
  'refund_at_utc',
] as const;

export type SaleCsvRow = Record<(typeof saleColumns)[number], string | number | null>;

export function salesCsv(rows: readonly SaleCsvRow[]): string {
  return BOM + stringify(rows as SaleCsvRow[], { header: true, columns: [...saleColumns] });
}

/** The summary file's columns: what a row is (`section`, `key`, `label`), a count, an amount. */
const summaryColumns = ['section', 'key', 'label', 'count', 'amount', 'currency'] as const;

/**
 * The Z report as rows: one section per table of the report, in the report's order. Sections
 * (key; label): `z` (number, issued_at_local, hash, prev_hash), `shift` (opened_at_local,
 * opened_by, closed_by), `totals` (gross with the sales count, refunds, net, dealer_cost, margin),
 * `by_plan` (plan id; plan name), `by_payment` and `refunds_by_payment` (method), `by_clerk`,
 * `by_modem` (modem id, empty for sales sent by none), `by_status`, `cash_in` and `cash_out`
 * (who; why), `cash` (float, cash_sales, cash_refunds, cash_in, cash_out, expected), `count` (each
 * denomination in major units with the pieces counted, then total, then difference; the reason),
 * `dealer` (`<modem>.opening` and `.closing`; ussd or manual, `.expected`, `.difference`; the
 * sales that could explain it, by id), `unknown` (sale id; number and plan; price).
 */
export function zSummaryCsv(z: ZReport, timeZone: string): string {
  const { report } = z;
  const c = report.currency;
  const m = (amount: number) => majorUnits(amount, c);
  const rows: (string | number | null)[][] = [
    ['z', 'number', String(z.number), null, null, null],
    ['z', 'issued_at_local', localDateTime(z.issuedAt, timeZone), null, null, null],
    ['z', 'hash', z.hash, null, null, null],
    ['z', 'prev_hash', z.prevHash, null, null, null],
    ['shift', 'opened_at_local', localDateTime(report.shift.openedAt, timeZone), null, null, null],
    ['shift', 'opened_by', report.shift.openedBy, null, null, null],
    ['shift', 'closed_by', report.shift.closedBy, null, null, null],
    ['totals', 'gross', null, report.totals.sales, m(report.totals.gross.amount), c],
    ['totals', 'refunds', null, null, m(report.totals.refunds.amount), c],
    ['totals', 'net', null, null, m(report.totals.net.amount), c],
    ['totals', 'dealer_cost', null, null, m(report.totals.dealerCost.amount), c],
    ['totals', 'margin', null, null, m(report.totals.margin.amount), c],
    ...report.byPlan.map((p) => ['by_plan', p.planId, p.planName, p.sales, m(p.amount.amount), c]),
    ...report.byPayment.map((p) => ['by_payment', p.method, null, p.sales, m(p.amount.amount), c]),
    ...report.byPayment.map((p) => [
      'refunds_by_payment',
      p.method,
      null,
      null,
      m(p.refunds.amount),
      c,
    ]),
    ...report.byClerk.map((p) => ['by_clerk', p.clerk, null, p.sales, m(p.amount.amount), c]),
    ...report.byModem.map((p) => [
      'by_modem',
      p.modemId ?? '',
      null,
      p.sales,
      m(p.amount.amount),
      c,
    ]),
    ...report.byStatus.map((p) => ['by_status', p.status, null, p.sales, m(p.amount.amount), c]),
    ...report.cashMovements.map((p) => [
      `cash_${p.kind}`,
      p.actor,
      p.reason,
      null,
      m(p.amount.amount),
      c,
    ]),
    ['cash', 'float', null, null, m(report.cash.float.amount), c],
    ['cash', 'cash_sales', null, null, m(report.cash.cashSales.amount), c],
    ['cash', 'cash_refunds', null, null, m(report.cash.cashRefunds.amount), c],
    ['cash', 'cash_in', null, null, m(report.cash.cashIn.amount), c],
    ['cash', 'cash_out', null, null, m(report.cash.cashOut.amount), c],
    ['cash', 'expected', null, null, m(report.cash.expected.amount), c],
    ...(report.count
      ? [
          ...report.count.counted.map((line) => [
            'count',
            m(line.denomination),
            null,
            line.count,
            m(line.denomination * line.count),
            c,
          ]),
          ['count', 'total', null, null, m(report.count.total.amount), c],
          ['count', 'difference', report.count.reason, null, m(report.count.difference), c],
        ]
      : []),
    ...report.dealer.flatMap((d) => [
      [
        'dealer',
        `${d.modemId}.opening`,
        d.opening?.source ?? null,
        null,
        d.opening ? m(d.opening.amount) : null,
        c,
      ],
      [
        'dealer',
        `${d.modemId}.closing`,
        d.closing?.source ?? null,
        null,
        d.closing ? m(d.closing.amount) : null,
        c,
      ],
      ['dealer', `${d.modemId}.expected`, null, null, m(d.expected), c],
      [
        'dealer',
        `${d.modemId}.difference`,
        d.explaining.join(' '),
        null,
        d.difference === null ? null : m(d.difference),
        c,
      ],
    ]),
    ...report.unknownSales.map((s) => [
      'unknown',
      String(s.id),
      `${s.msisdn} ${s.planName}`,
      null,
      m(s.price.amount),
      c,
    ]),
  ];
  return BOM + stringify(rows, { header: true, columns: [...summaryColumns] });
}
