import type { DayReportView } from '../../shared/day';

interface HourBar {
  hour: number;
  sales: number;
  /** Minor units of the report's currency. */
  amount: number;
}

/**
 * The sales by hour as the chart draws them: every hour from the first sale's to the last
 * one's, hours without a sale at zero, so that a quiet hour shows as a gap and not as nothing.
 */
export function hourlySeries(byHour: DayReportView['byHour']): HourBar[] {
  if (byHour.length === 0) return [];
  const hours = byHour.map((entry) => entry.hour);
  const first = Math.min(...hours);
  const last = Math.max(...hours);
  return Array.from({ length: last - first + 1 }, (_, index) => {
    const hour = first + index;
    const found = byHour.find((entry) => entry.hour === hour);
    return { hour, sales: found?.sales ?? 0, amount: found?.amount.amount ?? 0 };
  });
}
