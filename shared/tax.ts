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

/**
 * The tax included in a tax-included total at `rate`: total × rate / (10 000 + rate), rounded
 * to the nearest minor unit, halves away from zero; the amount before tax is the rest, so the two
 * always add up to the total. A negative total (a correction giving money back) is the exact
 * mirror of the positive one, so a sale and its cancellation cancel out to the unit.
 */
export function taxOfTotal(total: number, rate: TaxRate): TaxLine {
  if (!Number.isSafeInteger(total)) throw new RangeError(`A total is a safe integer, not ${total}`);
  if (!taxRateSchema.safeParse(rate).success) throw new RangeError(`Not a tax rate: ${rate}`);
  const size = BigInt(Math.abs(total));
  const numerator = size * BigInt(rate) * 2n;
  const denominator = BigInt(10_000 + rate) * 2n;
  // round(x) = floor((2·n + d) / 2d) for n/d ≥ 0: halves go up, i.e. away from zero.
  const rounded = Number((numerator + denominator / 2n) / denominator);
  const tax = total < 0 ? -rounded : rounded;
  return { rate, base: total - tax, tax: tax === 0 ? 0 : tax };
}

/** Tax lines summed by rate, lowest rate first: a Z report's or a closure's from its receipts'. */
export function sumTaxLines(lines: Iterable<TaxLine>): TaxLine[] {
  const byRate = new Map<number, TaxLine>();
  for (const line of lines) {
    const sum = byRate.get(line.rate) ?? { rate: line.rate, base: 0, tax: 0 };
    byRate.set(line.rate, { rate: line.rate, base: sum.base + line.base, tax: sum.tax + line.tax });
  }
  return [...byRate.values()].sort((a, b) => a.rate - b.rate);
}

/** A rate as printed: "11 %" in French, "11%" in English and Chinese, "5,5 %" / "5.5%". */
export function formatTaxRate(rate: TaxRate, language: string): string {
  const percent = new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(rate / 100);
  return language === 'fr' ? `${percent}\u00a0%` : `${percent}%`;
}

/**
 * A rate typed as a percentage, as a manager types it ("11", "5,5", "5.5 %"), in basis points;
 * null when it is not a percentage from 0 to 100 with at most two decimals.
 */
export function parseTaxRatePercent(typed: string): TaxRate | null {
  const match = /^([0-9]{1,3})(?:[.,]([0-9]{1,2}))?$/.exec(typed.replace(/\s|%/g, ''));
  if (!match) return null;
  const rate = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return rate <= 10_000 ? rate : null;
}

/** A rate as a percentage to edit, without its sign: "11", "5,5" in French, "5.5" in English. */
export function taxRatePercentText(rate: TaxRate, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2, useGrouping: false }).format(
    rate / 100,
  );
}
