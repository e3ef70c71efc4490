/**
 * A calendar day typed as the interface's language writes it: its parts in that language's order
 * ("Jan 14, 2025", "14 janv. 2025", "2025年1月14日", as screens and receipts show dates) with the
 * month as a word, and read back as the ISO day ("2025-01-14") the API takes.
 */

export type DatePart = 'day' | 'month' | 'year';

/** What the clerk typed, each part as typed: the month is its number ("1" to "12") or "". */
export type TypedDate = Record<DatePart, string>;

export type ReadDate =
  | { kind: 'empty' }
  | { kind: 'incomplete' }
  | { kind: 'not-a-date' }
  | { kind: 'too-early' | 'too-late'; iso: string }
  | { kind: 'day'; iso: string };

// Any day serves to ask a language its order; a day above 12 cannot pass for a month.
const sample = new Date(Date.UTC(2025, 0, 14, 12));

/** The parts of a date in the order the language writes them. */
export function datePartOrder(language: string): DatePart[] {
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  })
    .formatToParts(sample)
    .map((part) => part.type)
    .filter((type): type is DatePart => type === 'day' || type === 'month' || type === 'year');
}

/** The twelve months' names in the language, January first. */
export function monthNames(language: string): string[] {
  const format = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, month) => format.format(Date.UTC(2025, month, 1, 12)));
}

/** The typed parts of an ISO day ("2025-01-14"); all empty for "" or anything else. */
export function splitDate(iso: string): TypedDate {
  const found = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!found) return { day: '', month: '', year: '' };
  const [, year = '', month = '', day = ''] = found;
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** The typed parts read as a day, or why they are not one yet; `min`/`max` are ISO days. */
export function readDate(typed: TypedDate, bounds: { min?: string; max?: string } = {}): ReadDate {
  const day = typed.day.trim();
  const year = typed.year.trim();
  if (day === '' && typed.month === '' && year === '') return { kind: 'empty' };
  if (day === '' || typed.month === '' || year.length < 4) return { kind: 'incomplete' };
  if (!/^\d{1,2}$/.test(day) || !/^\d{4}$/.test(year)) return { kind: 'not-a-date' };
  const [d, m, y] = [Number(day), Number(typed.month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { kind: 'not-a-date' };
  }
  const iso = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (bounds.min !== undefined && iso < bounds.min) return { kind: 'too-early', iso };
  if (bounds.max !== undefined && iso > bounds.max) return { kind: 'too-late', iso };
  return { kind: 'day', iso };
}
