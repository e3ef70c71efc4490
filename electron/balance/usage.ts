/**
 * How fast a customer uses data, read from the balance checks of their card. Pure: the checks
 * and renewals come in, a rate comes out.
 */
import type { Usage } from '../../shared/balance';

export const DAY_MS = 86_400_000;

/**
 * Below this much observed time, a few megabytes would read as gigabytes a day: no rate yet.
 */
const MIN_OBSERVED_MS = 3_600_000;

export interface Reading {
  /** When the carrier's reply came (ISO 8601). */
  at: string;
  remainingMb: number;
  validUntil: string;
}

/** A renewal that may have added data: any sale of the card not failed. */
interface Renewal {
  at: string;
}

/**
 * MB per day over the intervals between successive readings, weighted by their length. An
 * interval is left out when a renewal falls in it (the jump up is not usage), when the data went
 * up anyway (a top-up elsewhere), or when the earlier reading's validity ran out in it (expired
 * data is not usage). Null when what is left spans less than MIN_OBSERVED_MS.
 */
export function estimateUsage(
  readings: readonly Reading[],
  renewals: readonly Renewal[],
): Usage | null {
  const sorted = [...readings].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const renewedAt = renewals.map((renewal) => Date.parse(renewal.at));
  let usedMb = 0;
  let observedMs = 0;
  let from: number | null = null;
  let to: number | null = null;
  for (let index = 1; index < sorted.length; index++) {
    const before = sorted[index - 1];
    const after = sorted[index];
    if (!before || !after) continue;
    const start = Date.parse(before.at);
    const end = Date.parse(after.at);
    const renewed = renewedAt.some((at) => at > start && at <= end);
    const expired = Date.parse(before.validUntil) < end;
    if (end <= start || renewed || expired || after.remainingMb > before.remainingMb) continue;
    usedMb += before.remainingMb - after.remainingMb;
    observedMs += end - start;
    from ??= start;
    to = end;
  }
  if (observedMs < MIN_OBSERVED_MS || from === null || to === null) return null;
  return {
    mbPerDay: (usedMb * DAY_MS) / observedMs,
    observedDays: observedMs / DAY_MS,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
  };
}
