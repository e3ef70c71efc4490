import type { CurrencyCode } from '../../shared/currencies';
import { countedLineSchema } from '../../shared/day';
import { denominations, largestCoin } from '../../shared/denominations';

/** What the count sheet holds: the pieces typed for each denomination ("" for none). */
export type TypedCount = Readonly<Record<number, string>>;

export interface CountReading {
  /** The lines the close sends: each denomination with at least one piece, smallest first. */
  lines: { denomination: number; count: number }[];
  /** What the readable lines add up to, in minor units. */
  total: number;
  /** Denominations whose typed count is not a whole number of pieces. */
  unreadable: number[];
}

/** The shop currency's coins and notes, as the count sheet's two columns list them. */
export function countSheet(currency: CurrencyCode): { coins: number[]; notes: number[] } {
  const all = denominations[currency];
  return {
    coins: all.filter((value) => value <= largestCoin[currency]),
    notes: all.filter((value) => value > largestCoin[currency]),
  };
}

// Pieces as people group them ("1 200"): digits, with spaces between.
const pieces = /^[0-9]+(?:[ \u00a0\u202f][0-9]+)*$/;

/** The count sheet read: the lines, their total, and which counts cannot be read. */
export function readCount(currency: CurrencyCode, typed: TypedCount): CountReading {
  const reading: CountReading = { lines: [], total: 0, unreadable: [] };
  for (const denomination of denominations[currency]) {
    const text = (typed[denomination] ?? '').trim();
    if (text === '') continue;
    const line = countedLineSchema.safeParse({
      denomination,
      count: pieces.test(text) ? Number(text.replace(/\D/g, '')) : Number.NaN,
    });
    if (!line.success) {
      reading.unreadable.push(denomination);
    } else if (line.data.count > 0) {
      reading.lines.push(line.data);
      reading.total += denomination * line.data.count;
    }
  }
  return reading;
}
