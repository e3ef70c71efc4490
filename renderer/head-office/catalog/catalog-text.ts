import { formatLocalDateTime } from '../../../shared/date-time';

/**
 * A change's `effectiveFrom` as staff read it: a wall time with no zone of its own (each shop
 * reads it in its own), so it is shown as written, in the reader's language.
 */
export function wallTimeText(effectiveFrom: string, language: string): string {
  const { date, time } = formatLocalDateTime(`${effectiveFrom}:00Z`, 'UTC', language);
  return `${date} ${time}`;
}

/**
 * What the "applies from" field holds, as `catalog.save` takes it: a `datetime-local` input
 * already writes `YYYY-MM-DDTHH:mm` (some browsers add seconds: they are dropped); empty is
 * "at once".
 */
export function effectiveFromInput(typed: string): string | null {
  const trimmed = typed.trim();
  return trimmed === '' ? null : trimmed.slice(0, 16);
}
