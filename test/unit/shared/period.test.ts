import { describe, expect, it } from 'vitest';
import { parsePeriod, periodSchema } from '../../../shared/period';

describe('a period as the shop names it', () => {
  it.each([
    ['2026-11', { kind: 'month', period: '2026-11' }],
    ['2026', { kind: 'year', period: '2026' }],
    ['2026-13', null],
    ['26-11', null],
    ['11/2026', null],
    // Read as 1926 by the calendar arithmetic: a closure of a year no till has books for.
    ['0026-11', null],
    ['0026', null],
    ['1999', null],
  ])('%s', (text, expected) => {
    expect(parsePeriod(text)).toEqual(expected);
  });

  it('is refused with the period’s reason when its name is not of its kind', () => {
    const refused = periodSchema.safeParse({ kind: 'year', period: '2026-11' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({
      path: ['period'],
      params: { reason: 'period_format' },
    });
  });
});
