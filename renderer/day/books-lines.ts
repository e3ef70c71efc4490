// i18next's own name for a key (what ../i18n calls TranslationKey): this file stays free of
// the browser globals ../i18n uses, so its tests run in Node.
import type { ParseKeys as TranslationKey } from 'i18next';
import { type BooksVerification, booksHold, type ChainFinding } from '../../shared/books';

/** One line of a books check as the screen says it: a key and what fills it. */
export interface BooksLine {
  key: TranslationKey;
  params: Record<string, number | string>;
  /** Why the chain breaks there, to be said in the sentence. */
  reason: TranslationKey | null;
}

function lineOf(
  chain: 'day.books.receipts' | 'day.books.zReports' | 'tills.books' | 'tills.booksZ',
  finding: ChainFinding,
  named: { till?: string } = {},
): BooksLine {
  if (finding.ok) {
    return { key: `${chain}.ok`, params: { ...named, count: finding.count }, reason: null };
  }
  return {
    key: `${chain}.broken`,
    params: { ...named, count: finding.count, number: finding.brokenAt },
    reason: `day.books.reason.${finding.reason}`,
  };
}

/**
 * What a check found, one line per chain: the receipts (each till's, named, when counters sold:
 * each numbers and chains its own, and a counter's drawer its own Zs), then the hub's Z reports.
 */
export const booksLines = (books: BooksVerification): BooksLine[] => [
  ...(books.tills
    ? books.tills.flatMap((till) => [
        lineOf('tills.books', till.receipts, { till: till.tillName }),
        ...(till.zReports ? [lineOf('tills.booksZ', till.zReports, { till: till.tillName })] : []),
      ])
    : [lineOf('day.books.receipts', books.receipts)]),
  lineOf('day.books.zReports', books.zReports),
];

/** The days whose check at start found a break, in the order checked. */
export const brokenDays = (days: readonly BooksVerification[]): string[] =>
  days.flatMap((books) => (booksHold(books) ? [] : [books.day ?? '']));
