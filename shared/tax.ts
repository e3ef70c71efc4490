import { z } from 'zod';

/**
 * Taxes on what the shop sells. Prices are tax-included as sold; the tax is taken out of each
 * receipt's total (rounded per receipt, never per day), so that a Z report's tax is the sum of its
 * receipts' and the amount before tax plus the tax is always the total. In New Caledonia the tax
 * is the TGC (taxe générale sur la consommation), with several rates.
 */

/** The tax's name as receipts and reports print it. */
export const taxName = 'TGC';

/**
 * A rate in hundredths of a percent (basis points): 1100 is 11 %, 0 is no tax (allowed: an exempt
 * plan). Integers only, so that no rate is ever a binary fraction.
 */
export const taxRateSchema = z.number().int().min(0).max(10_000);
export type TaxRate = z.output<typeof taxRateSchema>;

/** One rate's share of a total: the amount before tax and the tax, in minor units. */
export const taxLineSchema = z
  .object({
    rate: taxRateSchema,
    /** Before tax; negative on a correction that gives money back. */
    base: z.number().int().safe(),
    tax: z.number().int().safe(),
  })
  .strict();
export type TaxLine = z.output<typeof taxLineSchema>;
