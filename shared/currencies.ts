import { z } from 'zod';

/**
 * Currencies a shop can keep its books in, with the number of minor-unit digits (ISO 4217).
 * Amounts are always stored as integers in minor units: XPF has none, so 1000 means 1000 F.
 */
export const currencies = {
  XPF: { minorDigits: 0 },
  EUR: { minorDigits: 2 },
  USD: { minorDigits: 2 },
  AUD: { minorDigits: 2 },
  NZD: { minorDigits: 2 },
  JPY: { minorDigits: 0 },
  CNY: { minorDigits: 2 },
} as const;

export type CurrencyCode = keyof typeof currencies;

export const currencyCodes = Object.keys(currencies) as [CurrencyCode, ...CurrencyCode[]];

export const currencyCodeSchema = z.enum(currencyCodes);

/**
 * The largest amount one entry of the books takes (a price, a float, cash tendered or moved, a
 * dealer balance), in minor units. A minor unit of every currency above is worth about a cent or
 * less, so one ceiling serves them all: 10^10 is some 100 million euros' worth, far beyond a
 * shop's till, and a day can add up some 900,000 entries at the ceiling before a sum leaves the
 * safe-integer range that the books and the Z chain's hash hold.
 */
export const amountCeiling = 10_000_000_000;

const belowCeiling = { params: { reason: 'amount_too_large', limit: amountCeiling } };

/** An amount typed at the counter or written in a profile: integer minor units, 0 to the ceiling. */
export const amountInputSchema = z
  .number()
  .refine((amount) => amount <= amountCeiling, belowCeiling)
  .int()
  .nonnegative();

/** An amount that may be below zero (a dealer balance in debt), within the ceiling either way. */
export const signedAmountInputSchema = z
  .number()
  .refine((amount) => Math.abs(amount) <= amountCeiling, belowCeiling)
  .int();

/**
 * Money sent into the API: integer minor units and the currency they are in, the same shape as
 * the money the API answers with. The one schema of every amount a caller sends (a float, cash
 * moved or tendered, a counted denomination); the currency must be the shop's, which the core
 * checks where the shop is known (electron/api/money-inputs.ts).
 */
export const moneyInputSchema = moneyInputOf(amountInputSchema);

/** Money sent in that must be more than nothing (cash put in or taken out, a coin or note). */
export const positiveMoneyInputSchema = moneyInputOf(amountInputSchema.positive());

/** Money sent in that may be below zero (a dealer balance in debt). */
export const signedMoneyInputSchema = moneyInputOf(signedAmountInputSchema);

export type MoneyInput = z.output<typeof moneyInputSchema>;

function moneyInputOf(amount: z.ZodNumber) {
  return z.object({ amount, currency: currencyCodeSchema }).strict();
}

/** An amount of money: integer minor units of its currency, never a fraction. */
export const moneySchema = z
  .object({ amount: z.number().int().nonnegative().safe(), currency: currencyCodeSchema })
  .strict();

export type Money = z.output<typeof moneySchema>;

/** Money that can fall below zero: a net after refunds, a margin, a difference, a dealer balance in debt. */
export const signedMoneySchema = z
  .object({ amount: z.number().int().safe(), currency: currencyCodeSchema })
  .strict();
