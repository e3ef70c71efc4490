import { z } from 'zod';
import {
  amountInputSchema,
  moneySchema,
  positiveMoneyInputSchema,
  signedMoneyInputSchema,
  signedMoneySchema,
} from './currencies';
import { saleStatuses } from './sale';

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

const dealerReadingSchema = z.object({
  amount: z.number().int(),
  source: z.enum(['ussd', 'manual']),
  at: instant,
});

export const shiftSchema = z.object({
  id: z.number().int(),
  openedAt: instant,
  openedBy: z.string(),
  float: moneySchema,
  closedAt: instant.nullable(),
  closedBy: z.string().nullable(),
});

/** What a day report says: the X report (any time, changes nothing) and the Z report's body. */
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
  dealer: z.array(
    z.object({
      modemId: z.string(),
      carrierId: z.string(),
      opening: dealerReadingSchema.nullable(),
      closing: dealerReadingSchema.nullable(),
      /** What left the dealer balance: opening minus closing (null until both are read). */
      movement: z.number().int().nullable(),
      /** The dealer cost of the top-ups that succeeded through this SIM. */
      expected: z.number().int(),
      difference: z.number().int().nullable(),
      /** Sales that could explain a difference: still unknown, or resolved by hand. */
      explaining: z.array(z.number().int()),
    }),
  ),
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
  /** The close: present on a Z report only. */
  count: z
    .object({
      counted: z.array(countedLineSchema),
      total: moneySchema,
      difference: z.number().int(),
      reason: z.string().nullable(),
    })
    .nullable(),
});

export type DayReport = z.output<typeof dayReportSchema>;

export const zReportSchema = z.object({
  number: z.number().int(),
  deviceId: z.string(),
  issuedAt: instant,
  report: dayReportSchema,
  hash: z.string(),
  prevHash: z.string(),
});

export type ZReport = z.output<typeof zReportSchema>;
