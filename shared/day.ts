import { z } from 'zod';
import { drawerModeSchema, tillSchema } from './counters';
import {
  amountInputSchema,
  moneySchema,
  positiveMoneyInputSchema,
  signedMoneyInputSchema,
  signedMoneySchema,
} from './currencies';
import { perpetualTotalsSchema } from './period';
import { saleStatuses } from './sale';
import { saleCauseSchema } from './sale-cause';
import { taxLineSchema } from './tax';

const count = z.number().int().nonnegative();

const instant = z.string();

/** Why cash moved or a count differs: said by a person, shown on the Z report. */
export const reasonSchema = z
  .string()
  .trim()
  .min(3)
  .max(200)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]+$/, { error: 'One line of text, no control characters' });

export const cashMovementInputSchema = z
  .object({
    kind: z.enum(['in', 'out']),
    amount: positiveMoneyInputSchema,
    reason: reasonSchema,
  })
  .strict();

const pieces = z.number().int().nonnegative().max(1_000_000);

/** One line of the cash count as the close sends it: how many of one coin or note. */
export const countedLineInputSchema = z
  .object({ denomination: positiveMoneyInputSchema, count: pieces })
  .strict();

/**
 * One line of the cash count as a Z report keeps it (in minor units of the report's currency):
 * the shape the issued, hashed Z reports already hold.
 */
export const countedLineSchema = z
  .object({ denomination: amountInputSchema.positive(), count: pieces })
  .strict();

/** A dealer SIM's balance entered by hand, when the carrier cannot be asked. */
export const dealerBalanceInputSchema = z
  .object({ modemId: z.string().min(1).max(32), amount: signedMoneyInputSchema })
  .strict();

/** A manager's name and PIN typed at the counter, for a clerk's screen to close the day. */
export const managerApprovalSchema = z
  .object({ name: z.string().trim().min(1).max(40), pin: z.string().regex(/^[0-9]{4,8}$/) })
  .strict();

/**
 * Another till's drawer, named by its till's id: a manager at the hub counts and closes the
 * drawer of a counter that is gone (revoked, or dead) with its shift open. Left out, the caller's.
 */
export const drawerTillIdSchema = z.string().min(8).max(64).optional();

/** A dealer SIM's balance read at the opening or the close, in minor units of the report's currency. */
const dealerReadingSchema = z.object({
  amount: z.number().int(),
  source: z.enum(['ussd', 'manual']),
  at: instant,
});

/** One dealer SIM's day, as a Z report keeps it (amounts in minor units of its currency). */
const dealerLineSchema = z.object({
  modemId: z.string(),
  carrierId: z.string(),
  opening: dealerReadingSchema.nullable(),
  closing: dealerReadingSchema.nullable(),
  /** What left the dealer balance: opening minus closing (null until both are read). */
  movement: z.number().int().nullable(),
  /** The dealer cost of the top-ups that succeeded through this SIM once its opening was read. */
  expected: z.number().int(),
  difference: z.number().int().nullable(),
  /** Sales that could explain a difference: still unknown, or resolved by hand. */
  explaining: z.array(z.number().int()),
  /**
   * Top-ups through this SIM sold before its opening balance was read: already out of that
   * balance, so not in `expected` (absent from Z reports issued before issue 13).
   */
  beforeOpening: count.optional(),
});

/** The cash counted at the close, as a Z report keeps it (the counted lines, the difference in minor units). */
const closingCountSchema = z.object({
  counted: z.array(countedLineSchema),
  total: moneySchema,
  difference: z.number().int(),
  reason: z.string().nullable(),
});

export const shiftSchema = z.object({
  id: z.number().int(),
  openedAt: instant,
  openedBy: z.string(),
  float: moneySchema,
  closedAt: instant.nullable(),
  closedBy: z.string().nullable(),
});

/**
 * What a day report says: the X report (any time, changes nothing) and the Z report's body, in
 * the shape an issued Z report is stored and hashed in (so its dealer lines and its count keep
 * minor units). The API sends it as `dayReportViewSchema`, every amount as money.
 */
export const dayReportSchema = z.object({
  shift: shiftSchema,
  /** The window: from the previous close (or the first sale) to this close (or now). */
  from: instant.nullable(),
  to: instant,
  currency: z.string(),
  totals: z.object({
    sales: count,
    gross: moneySchema,
    refunds: moneySchema,
    net: signedMoneySchema,
    dealerCost: moneySchema,
    margin: signedMoneySchema,
  }),
  byPlan: z.array(
    z.object({
      planId: z.string(),
      planName: z.string(),
      sales: count,
      amount: moneySchema,
      dealerCost: moneySchema,
      margin: signedMoneySchema,
    }),
  ),
  byPayment: z.array(
    z.object({
      method: z.enum(['cash', 'card', 'other']),
      sales: count,
      amount: moneySchema,
      refunds: moneySchema,
    }),
  ),
  byClerk: z.array(z.object({ clerk: z.string(), sales: count, amount: moneySchema })),
  byModem: z.array(
    z.object({
      modemId: z.string().nullable(),
      sales: count,
      amount: moneySchema,
      dealerCost: moneySchema,
    }),
  ),
  byStatus: z.array(z.object({ status: z.enum(saleStatuses), sales: count, amount: moneySchema })),
  /** Local hours of the shop's zone, for the chart. */
  byHour: z.array(z.object({ hour: z.number().int(), sales: count, amount: moneySchema })),
  refunds: z.array(
    z.object({
      saleId: z.number().int(),
      amount: moneySchema,
      method: z.enum(['cash', 'card', 'other']),
      at: instant,
      reason: z.string(),
      /** Why its sale failed; absent from Z reports closed before causes were recorded. */
      cause: saleCauseSchema.optional(),
    }),
  ),
  cashMovements: z.array(
    z.object({
      kind: z.enum(['in', 'out']),
      amount: moneySchema,
      reason: z.string(),
      actor: z.string(),
      at: instant,
    }),
  ),
  cash: z.object({
    float: moneySchema,
    cashSales: moneySchema,
    cashRefunds: moneySchema,
    cashIn: moneySchema,
    cashOut: moneySchema,
    expected: signedMoneySchema,
  }),
  dealer: z.array(dealerLineSchema),
  /** Unknown sales, of this day or carried from before, until a manager resolves them. */
  unknownSales: z.array(
    z.object({
      id: z.number().int(),
      msisdn: z.string(),
      planName: z.string(),
      price: moneySchema,
      createdAt: instant,
    }),
  ),
  /** Sales made while no shift was open (counted here: the cash is in the drawer). */
  soldBeforeOpening: count,
  /**
   * The net takings' tax by rate, lowest first (issue 14): each sale's and each refund's taken
   * out with taxOfTotal, so this is the sum of the day's receipts'. Absent from Z reports closed
   * before; a sale made before rates were kept is in `taxNotRecorded`, not here.
   */
  taxes: z.array(taxLineSchema).optional(),
  /** The net takings before tax of the sales whose rate is known: the taxes' bases summed. */
  beforeTax: signedMoneySchema.optional(),
  /** The net takings of sales whose tax rate was not recorded (sold before rates were kept). */
  taxNotRecorded: signedMoneySchema.optional(),
  /**
   * The tills whose sales this report counts, each from its own last count (`from`), with what a
   * manager compares them by: one line for a till's drawer, every till for the shop's one drawer.
   * Absent from Z reports issued before counters.
   */
  tills: z
    .array(
      z.object({
        till: z.object({ id: z.string(), name: z.string() }),
        from: instant.nullable(),
        sales: count,
        gross: moneySchema,
        refunds: moneySchema,
        net: signedMoneySchema,
        /** Cash taken less cash refunded: what this till put in the drawer. */
        cash: signedMoneySchema,
        margin: signedMoneySchema,
      }),
    )
    .optional(),
  /** Whose cash this report counts: its till's drawer or the shop's one drawer. */
  drawer: z.enum(['till', 'shop']).optional(),
  /** The close: present on a Z report only. */
  count: closingCountSchema.nullable(),
});

export type DayReport = z.output<typeof dayReportSchema>;

export const zReportSchema = z.object({
  number: z.number().int(),
  deviceId: z.string(),
  issuedAt: instant,
  report: dayReportSchema,
  /** All sales since the till's first day, this Z's included; absent from Zs issued before issue 14. */
  perpetual: perpetualTotalsSchema.optional(),
  hash: z.string(),
  prevHash: z.string(),
});

export type ZReport = z.output<typeof zReportSchema>;

const dealerReadingViewSchema = dealerReadingSchema.extend({ amount: signedMoneySchema });

/**
 * The people's words for what a day report keeps as ids, looked up when it is shown or printed
 * (an issued Z report keeps its ids: its hash covers them).
 */
export const reportNamesSchema = z.object({
  /** The receipt number of each sale the report names (unknown, refunded, explaining), if it has one. */
  receipts: z.record(z.string(), z.number().int()),
  /** The name of each carrier of the report's dealer SIMs. */
  carriers: z.record(z.string(), z.string()),
  /** The till's name as the shop profile has it now (a Z report keeps only its device id). */
  till: z.string(),
});

export type ReportNames = z.output<typeof reportNamesSchema>;

/** A day report as the API sends it: the report as issued, every amount as money. */
export const dayReportViewSchema = dayReportSchema.extend({
  dealer: z.array(
    dealerLineSchema.extend({
      opening: dealerReadingViewSchema.nullable(),
      closing: dealerReadingViewSchema.nullable(),
      movement: signedMoneySchema.nullable(),
      expected: moneySchema,
      difference: signedMoneySchema.nullable(),
    }),
  ),
  count: closingCountSchema
    .extend({
      counted: z.array(countedLineSchema.extend({ denomination: moneySchema })),
      difference: signedMoneySchema,
    })
    .nullable(),
  names: reportNamesSchema,
});

export type DayReportView = z.output<typeof dayReportViewSchema>;

export const zReportViewSchema = zReportSchema.extend({ report: dayReportViewSchema });

export type ZReportView = z.output<typeof zReportViewSchema>;

/**
 * A day report as the API sends it. Issued Z reports stay as they were hashed (the chain keeps
 * verifying, old and new alike), and take their money shape here, on the way out.
 */
export function dayReportView(report: DayReport, names: ReportNames): DayReportView {
  const { currency } = report.totals.gross;
  const money = (amount: number) => ({ amount, currency });
  const reading = (read: DayReport['dealer'][number]['opening']) =>
    read && { ...read, amount: money(read.amount) };
  return {
    ...report,
    dealer: report.dealer.map((line) => ({
      ...line,
      opening: reading(line.opening),
      closing: reading(line.closing),
      movement: line.movement === null ? null : money(line.movement),
      expected: money(line.expected),
      difference: line.difference === null ? null : money(line.difference),
    })),
    count: report.count && {
      ...report.count,
      counted: report.count.counted.map((line) => ({
        ...line,
        denomination: money(line.denomination),
      })),
      difference: money(report.count.difference),
    },
    names,
  };
}

export const zReportView = (z: ZReport, names: ReportNames): ZReportView => ({
  ...z,
  report: dayReportView(z.report, names),
});

/** What one Z report adds to the shop's day: its totals and the cash counted at its close. */
const zFiguresSchema = z.object({
  sales: count,
  gross: moneySchema,
  refunds: moneySchema,
  net: signedMoneySchema,
  counted: moneySchema,
});

/**
 * The shop's day on the hub: every till's Z reports issued that day (the shop's zone), summed,
 * and the drawers still open. With one drawer for the shop, the hub's till's Zs hold every till.
 */
export const shopDayTotalSchema = z.object({
  date: z.iso.date(),
  drawers: drawerModeSchema,
  tills: z.array(
    z.object({
      till: tillSchema,
      /** When the shift still open at its drawer was opened; null once it is closed. */
      openSince: instant.nullable(),
      reports: z.array(zFiguresSchema.extend({ number: z.number().int(), issuedAt: instant })),
      totals: zFiguresSchema,
    }),
  ),
  totals: zFiguresSchema,
});

export type ShopDayTotal = z.output<typeof shopDayTotalSchema>;
