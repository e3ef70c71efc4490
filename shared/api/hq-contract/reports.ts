import { z } from 'zod';
import { moneySchema, signedMoneySchema } from '../../currencies';
import { hqProcedure } from './procedure';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const month = z.string().regex(/^\d{4}-\d{2}$/);

/** Totals in one currency (a chain may sell in more than one). */
export const chainTotalsSchema = z.object({
  sales: z.number().int(),
  amount: moneySchema,
  dealerCost: moneySchema,
  margin: signedMoneySchema,
  refunds: z.number().int(),
  refunded: moneySchema,
  net: signedMoneySchema,
});

const breakdown = z.array(
  z.object({ key: z.string(), label: z.string(), totals: chainTotalsSchema }),
);

/** The chain's books over a period, each shop's day as the shop's own zone counts it. */
export const chainReportSchema = z.object({
  period: z.string(),
  totals: z.array(chainTotalsSchema),
  byShop: breakdown,
  byPlan: breakdown,
  byCarrier: breakdown,
  byClerk: breakdown,
  /** Day by day (a month) for the chart. */
  byDay: breakdown,
});

export type ChainReport = z.output<typeof chainReportSchema>;

/** What a shop's Z report says, as the shop issued it: its totals and its cash count. */
export const zFiguresSchema = z.object({
  sales: z.number().int(),
  gross: moneySchema,
  refunds: moneySchema,
  net: signedMoneySchema,
  dealerCost: moneySchema,
  /** The cash counted at its close against what the drawer should have held; null if not counted. */
  cash: z
    .object({ counted: moneySchema, expected: signedMoneySchema, difference: signedMoneySchema })
    .nullable(),
});

export type ZFigures = z.output<typeof zFiguresSchema>;

export const reports = {
  'reports.getDay': hqProcedure(
    'staff',
    'The chain’s day: sales, margin and refunds by shop, plan, carrier and clerk.',
    z.object({ day }).strict(),
    chainReportSchema,
  ),
  'reports.getMonth': hqProcedure(
    'staff',
    'The chain’s month: the same, and day by day.',
    z.object({ month }).strict(),
    chainReportSchema,
  ),
  'reports.export': hqProcedure(
    'staff',
    'A day or a month of the chain as CSV (one line per shop, till, clerk and plan).',
    z.object({ period: z.union([day, month]) }).strict(),
    z.object({ fileName: z.string(), csv: z.string() }),
  ),
  'floats.list': hqProcedure(
    'staff',
    'Every dealer SIM of the chain with its last known float, and those below their alert.',
    z.object({}).strict(),
    z.object({
      floats: z.array(
        z.object({
          shopId: z.string(),
          shopName: z.string(),
          modemId: z.string(),
          carrierId: z.string(),
          /** The carrier's name in the head office's catalog, its id when the catalog has none. */
          carrierName: z.string(),
          balance: signedMoneySchema,
          alertBelow: moneySchema.nullable(),
          low: z.boolean(),
          at: z.string(),
        }),
      ),
    }),
  ),
  'pending.list': hqProcedure(
    'staff',
    'The sales still pending verification (`unknown`) in each shop, oldest first, with their age.',
    z.object({}).strict(),
    z.object({
      sales: z.array(
        z.object({
          shopId: z.string(),
          shopName: z.string(),
          saleId: z.number().int(),
          tillId: z.string().nullable(),
          carrierId: z.string(),
          /** The carrier's name in the head office's catalog, its id when the catalog has none. */
          carrierName: z.string(),
          planName: z.string(),
          price: moneySchema,
          clerkName: z.string(),
          soldAt: z.string(),
          ageMinutes: z.number().int(),
        }),
      ),
    }),
  ),
  'zReports.list': hqProcedure(
    'staff',
    'A shop’s Z reports as they arrived, newest first, with each one’s totals, and the head ' +
      'office’s own count of each of those days of the shop, till by till.',
    z.object({ shopId: z.uuid(), month: month.nullable() }).strict(),
    z.object({
      zReports: z.array(
        z.object({
          tillId: z.string(),
          number: z.number().int(),
          day: z.string(),
          issuedAt: z.string(),
          hash: z.string(),
          content: z.record(z.string(), z.unknown()),
          /** Null when its content carries no totals the head office can read. */
          figures: zFiguresSchema.nullable(),
          /** When the shift it closes was opened; null when its content does not say. */
          shiftOpenedAt: z.string().nullable(),
        }),
      ),
      /**
       * The shop's books as the head office counted them, till by till ('' the hub's), for each
       * day a Z report was issued: the tills that sold that day.
       */
      days: z.array(
        z.object({
          day,
          tills: z.array(z.object({ tillId: z.string(), totals: z.array(chainTotalsSchema) })),
        }),
      ),
    }),
  ),
};
