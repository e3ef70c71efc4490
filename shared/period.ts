import { z } from 'zod';
import { moneySchema, signedMoneySchema } from './currencies';
import { paymentMethods } from './sale';
import { taxLineSchema } from './tax';

/**
 * Month and year closures: each sums up the Z reports of its period, is numbered per kind, chained
 * by its hash to the previous closure of its kind, and never changes once written. A period is
 * named in the shop's calendar: `2026-11` for a month, `2026` for a year.
 */
export const periodKinds = ['month', 'year'] as const;
export type PeriodKind = (typeof periodKinds)[number];

// Years from 2000: a till's books start in this century, and a year below 100 would be read as
// 1900 + it by the calendar arithmetic (Date.UTC).
const monthName = z.string().regex(/^2[0-9]{3}-(0[1-9]|1[0-2])$/, { error: 'A month is YYYY-MM' });
const yearName = z.string().regex(/^2[0-9]{3}$/, { error: 'A year is YYYY' });

/** Which period: a month (`2026-11`) or a year (`2026`) of the shop's calendar. */
export const periodShape = { kind: z.enum(periodKinds), period: z.string().max(7) };

/** A period named as its kind writes it; for the contract's inputs built on `periodShape`. */
export function checkPeriod(value: { kind: PeriodKind; period: string }, context: z.RefinementCtx) {
  const name = value.kind === 'month' ? monthName : yearName;
  const parsed = name.safeParse(value.period);
  if (!parsed.success) {
    context.addIssue({
      code: 'custom',
      path: ['period'],
      message: value.kind === 'month' ? 'A month is YYYY-MM' : 'A year is YYYY',
      params: { reason: 'period_format' },
    });
  }
}

export const periodSchema = z.object(periodShape).strict().superRefine(checkPeriod);
export type Period = z.output<typeof periodSchema>;

/** `2026-11` is a month, `2026` a year: how the command line and file names write a period. */
export function parsePeriod(text: string): Period | null {
  const kind = /^[0-9]{4}$/.test(text) ? 'year' : 'month';
  const parsed = periodSchema.safeParse({ kind, period: text });
  return parsed.success ? parsed.data : null;
}

const count = z.number().int().nonnegative();

/** All sales since the till's first day, never reset: every Z and every closure carries them. */
export const perpetualTotalsSchema = z
  .object({
    /** Net takings (sales less refunds) of every Z so far, this one included. */
    grandTotal: signedMoneySchema,
    /** Receipts issued so far, this Z's included. */
    count,
  })
  .strict();
export type PerpetualTotals = z.output<typeof perpetualTotalsSchema>;

/** A closed period as written: what its Z reports add up to, and its place in its chain. */
const zNumbersSchema = z.object({
  first: z.number().int().nullable(),
  last: z.number().int().nullable(),
  count,
});

const closureTotalsSchema = z.object({
  sales: count,
  gross: moneySchema,
  refunds: moneySchema,
  net: signedMoneySchema,
});

export const periodClosureSchema = z.object({
  kind: z.enum(periodKinds),
  period: z.string(),
  /** 1, 2, 3… per kind and till, without gaps. */
  number: z.number().int().positive(),
  deviceId: z.string(),
  tillName: z.string(),
  closedAt: z.string(),
  /** The manager who closed it, by name. */
  closedBy: z.string(),
  /** The period's bounds as instants (UTC), from the shop's calendar in its zone. */
  from: z.string(),
  to: z.string(),
  /** The Z reports of its own till's chain it sums up, by number (none for a period without sales). */
  zReports: zNumbersSchema,
  /**
   * Every till's Zs it sums up, each till's chain apart (absent from closures made before
   * counters): the totals are theirs summed.
   */
  tills: z
    .array(
      z.object({
        till: z.object({ id: z.string(), name: z.string() }),
        zReports: zNumbersSchema,
        totals: closureTotalsSchema,
      }),
    )
    .optional(),
  totals: closureTotalsSchema,
  /** Tax by rate, the sum of its receipts'. */
  taxes: z.array(taxLineSchema),
  /** Net takings of sales whose tax rate was never recorded (sold before rates were kept). */
  untaxed: signedMoneySchema.optional(),
  byPayment: z.array(
    z.object({ method: z.enum(paymentMethods), sales: count, amount: moneySchema }),
  ),
  perpetual: perpetualTotalsSchema,
  hash: z.string(),
  prevHash: z.string(),
});
export type PeriodClosure = z.output<typeof periodClosureSchema>;
