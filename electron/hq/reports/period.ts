import { ApiError } from '../../../shared/api/errors';

/** A day or a month of the chain, as local calendar days: from `from` up to (not including) `until`. */
export interface ReportPeriod {
  period: string;
  from: string;
  until: string;
  month: boolean;
}

const pad = (value: number) => String(value).padStart(2, '0');
const dayText = (date: Date) =>
  `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

/**
 * The days a report covers: `2026-12-07` is that day, `2026-12` its whole month. Each shop's
 * rows carry its own zone's day already, so these are plain calendar dates, not instants. A
 * date the calendar lacks (`2026-02-31`) is refused as the field's invalid value.
 */
export function reportPeriod(period: string, field: string): ReportPeriod {
  const [year, month, day] = period.split('-').map(Number);
  const start = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  const real =
    start.getUTCFullYear() === year &&
    start.getUTCMonth() + 1 === month &&
    (day === undefined || start.getUTCDate() === day);
  if (!real) {
    throw new ApiError('invalid_input', `${period} is not a date of the calendar`, [
      { path: field, code: 'invalid', message: 'Not a date of the calendar' },
    ]);
  }
  const end = new Date(start);
  if (day === undefined) end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCDate(end.getUTCDate() + 1);
  return { period, from: dayText(start), until: dayText(end), month: day === undefined };
}
