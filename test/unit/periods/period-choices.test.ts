import { describe, expect, it } from 'vitest';
import { periodChoices } from '../../../renderer/day/period-choices';

describe('the periods offered to close', () => {
  it('are the twelve months before this one, across the new year, newest first', () => {
    expect(periodChoices('2027-02-14', 'month')).toEqual([
      '2027-01',
      '2026-12',
      '2026-11',
      '2026-10',
      '2026-09',
      '2026-08',
      '2026-07',
      '2026-06',
      '2026-05',
      '2026-04',
      '2026-03',
      '2026-02',
    ]);
  });

  it('are the three years before this one', () => {
    expect(periodChoices('2027-02-14', 'year')).toEqual(['2026', '2025', '2024']);
  });
});
