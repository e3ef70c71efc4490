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
    'A shop’s Z reports as they arrived, newest first, with each one’s totals.',
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
        }),
      ),
    }),
  ),
};
