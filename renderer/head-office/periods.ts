/** The months a report can be asked for, newest first: this one and the `count - 1` before it. */
export function recentMonths(today: string, count: number): string[] {
  const [year = 1970, month = 1] = today.split('-').map(Number);
  return Array.from({ length: count }, (_, back) => {
    const index = year * 12 + (month - 1) - back;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** Every day of a month ("2026-02" → "2026-02-01" … "2026-02-28"), for a chart with no gap. */
export function daysOf(month: string): string[] {
  const [year = 1970, index = 1] = month.split('-').map(Number);
  const length = new Date(Date.UTC(year, index, 0)).getUTCDate();
  return Array.from({ length }, (_, day) => `${month}-${String(day + 1).padStart(2, '0')}`);
}

/** A month ("2026-12") as the language names it: "décembre 2026". */
export function monthText(month: string, language: string): string {
  const [year = 1970, index = 1] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, index - 1, 1)));
}

/** A day ("2026-12-07") as the language writes it in full: "7 décembre 2026". */
export function dayText(day: string, language: string): string {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}

/** A day ("2026-12-07") as the language writes it, short: "7 déc." */
export function dayOfMonthText(day: string, language: string): string {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, date)));
}

/** How long a sale has waited, in the largest units that say it: minutes, hours, or days. */
export function ageParts(minutes: number): {
  unit: 'minutes' | 'hours' | 'days';
  values: { days: number; hours: number; minutes: number };
} {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const values = { days, hours, minutes: minutes % 60 };
  if (days > 0) return { unit: 'days', values };
  if (hours > 0) return { unit: 'hours', values };
  return { unit: 'minutes', values };
}
