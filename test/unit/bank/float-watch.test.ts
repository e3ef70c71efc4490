import { describe, expect, it } from 'vitest';
import { capLeft, checksDue, crossing, isLow } from '../../../electron/bank/float-watch';

describe('a watched dealer float', () => {
  it.each([
    [9_999, 10_000, true],
    [10_000, 10_000, false],
    [-500, 0, true],
    [null, 10_000, false],
    [2_000, null, false],
  ] as const)('float %s against a threshold of %s: low %s', (balance, threshold, low) => {
    expect(isLow(balance, threshold)).toBe(low);
  });

  it.each([
    ['alerts when it goes low and this crossing was not alerted', true, null, 'alert'],
    ['alerts once per crossing: not again while it stays low', true, '2026-12-06T09:00:00Z', null],
    [
      'clears once back up, so the next crossing alerts again',
      false,
      '2026-12-06T09:00:00Z',
      'clear',
    ],
    ['says nothing while it is up', false, null, null],
  ] as const)('%s', (_, low, alertedAt, step) => {
    expect(crossing(low, alertedAt)).toBe(step);
  });

  it('leaves what the daily cap allows, never below zero, and no limit without a cap', () => {
    expect(capLeft(100_000, 36_000)).toBe(64_000);
    expect(capLeft(100_000, 120_000)).toBe(0);
    expect(capLeft(null, 120_000)).toBeNull();
  });

  it('checks a SIM never read, or read at least the interval ago', () => {
    const now = new Date('2026-12-06T10:00:00Z');
    const sims = [
      { modemId: 'never', checkedAt: null },
      { modemId: 'an-hour-ago', checkedAt: '2026-12-06T09:00:00Z' },
      { modemId: 'just-now', checkedAt: '2026-12-06T09:59:00Z' },
    ];
    expect(checksDue(sims, now, 60 * 60_000)).toEqual(['never', 'an-hour-ago']);
  });
});
