import { describe, expect, it } from 'vitest';
import { stayUntil } from '../../../electron/balance/card';
import { BalanceError } from '../../../electron/balance/errors';

describe('the stay left until the departure day, on the shop’s calendar', () => {
  // 2026-05-04 20:00 UTC is already Tuesday 5 May, 07:00, in Nouméa (UTC+11).
  const now = new Date('2026-05-04T20:00:00Z');

  it.each([
    ['leaving today', '2026-05-05', 0, '2026-05-05T12:59:59.000Z'],
    ['leaving tomorrow', '2026-05-06', 1, '2026-05-06T12:59:59.000Z'],
    ['leaving in a month', '2026-06-05', 31, '2026-06-05T12:59:59.000Z'],
  ])('%s in Nouméa', (_label, departure, daysLeft, departureEnd) => {
    expect(stayUntil(departure, now, 'Pacific/Noumea')).toEqual({
      now: now.toISOString(),
      departureEnd,
      daysLeft,
    });
  });

  it('counts days across a change of clocks (Paris, end of March)', () => {
    const stay = stayUntil('2026-03-30', new Date('2026-03-28T12:00:00Z'), 'Europe/Paris');
    expect(stay).toMatchObject({ daysLeft: 2, departureEnd: '2026-03-30T21:59:59.000Z' });
  });

  it('refuses a departure day already past there, though still today in UTC', () => {
    expect(() => stayUntil('2026-05-04', now, 'Pacific/Noumea')).toThrow(BalanceError);
    expect(stayUntil('2026-05-04', now, 'UTC').daysLeft).toBe(0);
  });
});
