import { describe, expect, it } from 'vitest';
import { salesShown } from '../../../../renderer/sales/sales-shown';
import type { SaleStatus, SaleView } from '../../../../shared/sale';

const sale = (id: number, status: SaleStatus) => ({ id, status }) as SaleView;
const ids = (sales: SaleView[] | null) => sales?.map((shown) => shown.id) ?? null;

// Today: a sale done, one pending, one failed (newest first); pending: today's and yesterday's.
const today = [sale(9, 'succeeded'), sale(8, 'unknown'), sale(7, 'failed')];
const pending = [sale(8, 'unknown'), sale(3, 'unknown')];

describe('the Sales list', () => {
  it('shows every pending sale first, of any day, then the day’s others, each once', () => {
    expect(ids(salesShown(today, pending, ''))).toEqual([8, 3, 9, 7]);
  });

  it('shows the pending sales of every day when asked for pending ones', () => {
    expect(ids(salesShown(today, pending, 'unknown'))).toEqual([8, 3]);
  });

  it('shows the day’s sales of another status as they are', () => {
    expect(ids(salesShown([sale(9, 'succeeded')], pending, 'succeeded'))).toEqual([9]);
  });

  it('waits for both readings before showing anything', () => {
    expect(salesShown(null, pending, '')).toBeNull();
    expect(salesShown(today, null, '')).toBeNull();
    expect(salesShown(today, null, 'unknown')).toBeNull();
  });
});
