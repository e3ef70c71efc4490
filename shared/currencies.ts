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

/** An amount of money: integer minor units of its currency, never a fraction. */
export const moneySchema = z
  .object({ amount: z.number().int().nonnegative().safe(), currency: currencyCodeSchema })
  .strict();

export type Money = z.output<typeof moneySchema>;
