import type { SaleStatus, SaleView } from '../../shared/sale';

/**
 * What the table lists: every pending sale first, of any day, then the day's other sales,
 * newest first; with a status chosen, only those (pending ones of any day).
 */
export function salesShown(
  today: readonly SaleView[] | null,
  pending: readonly SaleView[] | null,
  status: SaleStatus | '',
): SaleView[] | null {
  if (status === 'unknown') return pending === null ? null : [...pending];
  if (status !== '') return today === null ? null : [...today];
  if (today === null || pending === null) return null;
  return [...pending, ...today.filter((sale) => sale.status !== 'unknown')];
}
