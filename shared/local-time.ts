/**
 * Local time in the shop's IANA time zone: dates as a carrier writes them ("30/11/2026 23:59")
 * turned into instants (the format comes from the profile, see parseDateFormat), and the shop's
 * day around an instant.
 */
import { type DateToken, parseDateFormat } from './carrier';

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const tokenPattern: Readonly<Record<DateToken, string>> = {
  YYYY: '([0-9]{4})',
  YY: '([0-9]{2})',
  MM: '([0-9]{2})',
  M: '([0-9]{1,2})',
  DD: '([0-9]{2})',
  D: '([0-9]{1,2})',
  HH: '([0-9]{2})',
  H: '([0-9]{1,2})',
  mm: '([0-9]{2})',
  ss: '([0-9]{2})',
};

const escapeLiteral = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&').replace(/\s+/g, '\\s+');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads `text` written as `format` ("DD/MM/YYYY HH:mm"); a format without a time of day takes
 * `timeIfAbsent` ("23:59"). Null when the text does not follow the format or names no real day.
 */
export function readWallClock(
  text: string,
  format: string,
  timeIfAbsent = '23:59',
): WallClock | null {
  const parts = parseDateFormat(format);
  if (!parts) return null;
  const tokens: DateToken[] = [];
  let source = '';
  for (const part of parts) {
    if ('token' in part) {
      tokens.push(part.token);
      source += tokenPattern[part.token];
    } else {
      source += escapeLiteral(part.literal);
    }
  }
  const match = new RegExp(`^${source}$`).exec(text.trim());
  if (!match) return null;
  const [absentHour = 23, absentMinute = 59] = timeIfAbsent.split(':').map(Number);
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: absentHour, minute: 0, second: 0 };
  if (!tokens.some((token) => token === 'HH' || token === 'H')) clock.minute = absentMinute;
  tokens.forEach((token, index) => {
    const value = Number(match[index + 1]);
    if (token === 'YYYY') clock.year = value;
    else if (token === 'YY') clock.year = 2000 + value;
    else if (token === 'MM' || token === 'M') clock.month = value;
    else if (token === 'DD' || token === 'D') clock.day = value;
    else if (token === 'HH' || token === 'H') clock.hour = value;
    else if (token === 'mm') clock.minute = value;
    else clock.second = value;
  });
  const real =
    clock.year >= 1970 &&
    clock.month >= 1 &&
    clock.month <= 12 &&
    clock.day >= 1 &&
    clock.day <= daysIn(clock.year, clock.month) &&
    clock.hour <= 23 &&
    clock.minute <= 59 &&
    clock.second <= 59;
  return real ? clock : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter of a zone, or null when the zone is unknown. */
function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      return null;
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's wall clock at `instant` (milliseconds since the epoch). */
function clockAt(formatter: Intl.DateTimeFormat, instant: number): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(formatter: Intl.DateTimeFormat, instant: number): number {
  const clock = clockAt(formatter, instant);
  const wall = Date.UTC(
    clock.year,
    clock.month - 1,
    clock.day,
    clock.hour,
    clock.minute,
    clock.second,
  );
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/** The wall clock of `timeZone` at `instant` (what a clock on the shop's wall says). */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const formatter = formatterFor(timeZone);
  if (!formatter) throw new RangeError(`Unknown time zone ${JSON.stringify(timeZone)}`);
  return clockAt(formatter, instant.getTime());
}

const two = (value: number) => String(value).padStart(2, '0');

/** The shop's calendar day of an instant, as a date input and `day.getReport {date}` write it. */
export function localDate(instant: Date, timeZone: string): string {
  const { year, month, day } = wallClockAt(instant, timeZone);
  return `${year}-${two(month)}-${two(day)}`;
}

/** "2026-11-22 09:41:07" on the shop's clock: sortable, and read by spreadsheets as a time. */
export function localDateTimeText(instant: Date, timeZone: string): string {
  const { hour, minute, second } = wallClockAt(instant, timeZone);
  return `${localDate(instant, timeZone)} ${two(hour)}:${two(minute)}:${two(second)}`;
}

/**
 * The instant a wall-clock time in `timeZone` names. A time that happens twice (clocks going
 * back) is the earlier instant; one that never happens (clocks going forward) is read with one
 * of the two offsets around the change.
 */
export function wallClockToInstant(clock: WallClock, timeZone: string): Date {
  const formatter = formatterFor(timeZone);
  if (!formatter) throw new RangeError(`Unknown time zone ${JSON.stringify(timeZone)}`);
  const wall = Date.UTC(
    clock.year,
    clock.month - 1,
    clock.day,
    clock.hour,
    clock.minute,
    clock.second,
  );
  const first = offsetAt(formatter, wall);
  const guess = wall - first;
  const second = offsetAt(formatter, guess);
  if (second === first) {
    // In an overlap, an hour earlier may read the same wall clock: take the earlier instant.
    const earlier = guess - 3_600_000;
    return new Date(wall - offsetAt(formatter, earlier) === earlier ? earlier : guess);
  }
  const retry = wall - second;
  return new Date(offsetAt(formatter, retry) === second ? retry : guess);
}

/**
 * The shop's day that `instant` falls in, from its local midnight to the next one (not always
 * 24 hours: clocks change), as the instants `sales.list` filters on.
 */
export function localDay(instant: Date, timeZone: string): { from: Date; to: Date } {
  const formatter = formatterFor(timeZone);
  if (!formatter) throw new RangeError(`Unknown time zone ${JSON.stringify(timeZone)}`);
  const { year, month, day } = clockAt(formatter, instant.getTime());
  const midnight = { year, month, day, hour: 0, minute: 0, second: 0 };
  // Date.UTC rolls day 32 over into the next month, and so on.
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return {
    from: wallClockToInstant(midnight, timeZone),
    to: wallClockToInstant(
      {
        ...midnight,
        year: next.getUTCFullYear(),
        month: next.getUTCMonth() + 1,
        day: next.getUTCDate(),
      },
      timeZone,
    ),
  };
}
