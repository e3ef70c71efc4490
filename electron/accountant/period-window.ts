import { wallClockToInstant } from '../../shared/local-time';

export type ExportKind = 'day' | 'month' | 'year';

// Years from 2000, as closures name them (shared/period.ts): Date.UTC reads 26 as 1926.
const shapes: Record<ExportKind, RegExp> = {
  day: /^(2[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/,
  month: /^(2[0-9]{3})-(0[1-9]|1[0-2])$/,
  year: /^(2[0-9]{3})$/,
};

/**
 * A day (YYYY-MM-DD), month (YYYY-MM) or year (YYYY) of the shop's calendar as the instants it
 * spans in the shop's zone, from its first local midnight to the next period's; null when the
 * name is not one of its kind or names no real day.
 */
export function periodWindow(
  kind: ExportKind,
  period: string,
  timeZone: string,
): { from: Date; to: Date } | null {
  const match = shapes[kind].exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2] ?? 1);
  const day = Number(match[3] ?? 1);
  const first = new Date(Date.UTC(year, month - 1, day));
  if (first.getUTCMonth() !== month - 1) return null;
  // Date.UTC rolls day 32 into the next month and month 13 into the next year.
  const next = new Date(
    Date.UTC(
      year + (kind === 'year' ? 1 : 0),
      month - 1 + (kind === 'month' ? 1 : 0),
      day + (kind === 'day' ? 1 : 0),
    ),
  );
  const midnight = (date: Date) =>
    wallClockToInstant(
      {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        hour: 0,
        minute: 0,
        second: 0,
      },
      timeZone,
    );
  return { from: midnight(first), to: midnight(next) };
}
