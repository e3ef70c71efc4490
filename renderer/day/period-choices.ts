import type { PeriodKind } from '../../shared/period';

/**
 * The periods a manager may want to close, newest first, from the shop's today (YYYY-MM-DD):
 * the twelve months before this one, or the three years before this one. The current month or
 * year is not offered: it has not ended.
 */
export function periodChoices(today: string, kind: PeriodKind): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (kind === 'year') return [1, 2, 3].map((back) => String(year - back));
  return Array.from({ length: 12 }, (_, index) => {
    const back = month - 1 - index;
    const shifted = back >= 1 ? { y: year, m: back } : { y: year - 1, m: back + 12 };
    return `${shifted.y}-${String(shifted.m).padStart(2, '0')}`;
  });
}
