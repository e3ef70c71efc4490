/**
 * When a catalog change applies: its `effectiveFrom` is a local wall time (`YYYY-MM-DDTHH:mm`)
 * read in each shop's own zone, so a price change "at midnight" is each shop's midnight.
 */
import { wallClockToInstant } from './local-time';

const pattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The wall clock `text` names, or null when it is not a real day and time ("2026-02-30T25:00"). */
export function readEffectiveFrom(text: string) {
  const match = pattern.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute));
  const real =
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day &&
    probe.getUTCHours() === hour &&
    probe.getUTCMinutes() === minute;
  return real ? { year, month, day, hour, minute, second: 0 } : null;
}

/** The instant a change applies in `timeZone`; null effectiveFrom: at once (the epoch). */
export function effectiveInstant(effectiveFrom: string | null, timeZone: string): Date {
  if (effectiveFrom === null) return new Date(0);
  const clock = readEffectiveFrom(effectiveFrom);
  if (!clock) throw new RangeError(`Not a local date and time: ${effectiveFrom}`);
  return wallClockToInstant(clock, timeZone);
}
