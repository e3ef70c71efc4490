import { describe, expect, it } from 'vitest';
import { tillDays } from '../../../../renderer/head-office/z-compare';
import { localDate } from '../../../../shared/local-time';

const xpf = (amount: number) => ({ amount, currency: 'XPF' as const });
/** A till's Z whose shift opened at `openedAt` (UTC; the shop is in Nouméa, UTC+11). */
const z = (tillId: string, openedAt: string | null, sales: number, gross: number, refunds = 0) => ({
  tillId,
  shiftOpenedAt: openedAt,
  figures: {
    sales,
    gross: xpf(gross),
    refunds: xpf(refunds),
    net: xpf(gross - refunds),
    dealerCost: xpf(gross * 0.9),
    cash: null,
  },
});
const counted = (sales: number, amount: number, refunded = 0) => ({
  sales,
  amount: xpf(amount),
  dealerCost: xpf(amount * 0.9),
  margin: xpf(amount * 0.1),
  refunds: refunded > 0 ? 1 : 0,
  refunded: xpf(refunded),
  net: xpf(amount - refunded),
});
const dayOf = (instant: string) => localDate(new Date(instant), 'Pacific/Noumea');
// 08:00 in Nouméa on 1 December.
const morning = '2026-11-30T21:00:00.000Z';
const comparisons = (days: ReturnType<typeof tillDays>) =>
  days.map((till) => [till.tillId, till.comparison]);

describe('a shop’s day at the head office beside its Z reports, till by till', () => {
  it('says a till’s Zs are the same as what arrived of its day, currency by currency', () => {
    const days = tillDays(
      '2026-12-01',
      [z('', morning, 2, 2000), z('', morning, 1, 3000, 1000)],
      [{ tillId: '', totals: [counted(3, 5000, 1000)] }],
      dayOf,
    );
    expect(comparisons(days)).toEqual([['', 'same']]);
    expect(days[0]?.zReports).toHaveLength(2);
  });

  it('says when they are not the same: a sale, a refund or a currency on one side only', () => {
    const one = (
      reports: ReturnType<typeof z>[],
      totals: Parameters<typeof tillDays>[2][number]['totals'],
    ) => tillDays('2026-12-01', reports, [{ tillId: '', totals }], dayOf)[0]?.comparison;
    expect(one([z('', morning, 3, 3000)], [counted(2, 2000)])).toBe('notSame');
    expect(one([z('', morning, 2, 2000, 1000)], [counted(2, 2000)])).toBe('notSame');
    expect(one([z('', morning, 2, 2000)], [])).toBe('notSame');
    expect(
      one(
        [z('', morning, 2, 2000)],
        [counted(2, 2000), { ...counted(1, 500), amount: { amount: 500, currency: 'EUR' } }],
      ),
    ).toBe('notSame');
  });

  it('compares each till with its own Z, and a till whose Z has not arrived with nothing', () => {
    const days = tillDays(
      '2026-12-01',
      [z('', morning, 2, 2000)],
      [
        { tillId: '', totals: [counted(2, 2000)] },
        { tillId: 'till-counter-2', totals: [counted(1, 1000)] },
      ],
      dayOf,
    );
    // The hub's till agrees although the shop's day as a whole has a sale no Z counts yet.
    expect(comparisons(days)).toEqual([
      ['', 'same'],
      ['till-counter-2', 'noZ'],
    ]);
    expect(days[1]?.counted).toEqual([counted(1, 1000)]);
  });

  it('does not compare a Z whose shift opened the day before, closed after midnight', () => {
    // Opened 08:00 on 1 December, its Z issued 00:30 on the 2nd, filed under the 2nd; its sales
    // were all on the 1st, where the head office counts them.
    const late = z('', morning, 3, 3000);
    expect(comparisons(tillDays('2026-12-02', [late], [], dayOf))).toEqual([['', 'otherDay']]);
    expect(
      comparisons(tillDays('2026-12-01', [], [{ tillId: '', totals: [counted(3, 3000)] }], dayOf)),
    ).toEqual([['', 'noZ']]);
  });

  it('says nothing when a Z carries no figures or does not say when its shift opened', () => {
    const totals = [{ tillId: '', totals: [counted(2, 2000)] }];
    expect(
      tillDays('2026-12-01', [{ ...z('', morning, 2, 2000), figures: null }], totals, dayOf)[0]
        ?.comparison,
    ).toBe('unknown');
    expect(tillDays('2026-12-01', [z('', null, 2, 2000)], totals, dayOf)[0]?.comparison).toBe(
      'unknown',
    );
  });
});
