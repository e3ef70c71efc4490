/** The sales-by-hour chart draws every hour of the day's span, the quiet ones at zero. */
import { describe, expect, it } from 'vitest';
import { hourlySeries } from '../../../../renderer/day/chart-series';

const xpf = (amount: number) => ({ amount, currency: 'XPF' as const });

describe('the sales by hour', () => {
  it('fills the hours without a sale between the first and the last', () => {
    expect(
      hourlySeries([
        { hour: 8, sales: 2, amount: xpf(3000) },
        { hour: 11, sales: 1, amount: xpf(18_000) },
      ]),
    ).toEqual([
      { hour: 8, sales: 2, amount: 3000 },
      { hour: 9, sales: 0, amount: 0 },
      { hour: 10, sales: 0, amount: 0 },
      { hour: 11, sales: 1, amount: 18_000 },
    ]);
  });

  it('draws one bar for a day of one hour, and nothing for a day without sales', () => {
    expect(hourlySeries([{ hour: 23, sales: 1, amount: xpf(1500) }])).toEqual([
      { hour: 23, sales: 1, amount: 1500 },
    ]);
    expect(hourlySeries([])).toEqual([]);
  });
});
