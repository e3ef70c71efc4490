import { describe, expect, it } from 'vitest';
import {
  ageParts,
  daysOf,
  dayText,
  monthText,
  recentMonths,
} from '../../../../renderer/head-office/periods';

describe('the head office’s periods and ages', () => {
  it('offers this month and those before it, across the turn of the year', () => {
    expect(recentMonths('2026-02-14', 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(recentMonths('2026-12-31', 1)).toEqual(['2026-12']);
  });

  it('lists every day of a month for the chart, leap years too', () => {
    expect(daysOf('2028-02')).toHaveLength(29);
    expect(daysOf('2026-12').at(-1)).toBe('2026-12-31');
    expect(daysOf('2026-04')[0]).toBe('2026-04-01');
  });

  it('names a month and a day in the interface’s language, whatever the browser’s zone', () => {
    expect(monthText('2026-12', 'fr')).toBe('décembre 2026');
    expect(monthText('2026-01', 'en')).toBe('January 2026');
    expect(dayText('2026-12-07', 'en')).toBe('December 7, 2026');
    expect(dayText('2026-12-01', 'fr')).toBe('1 décembre 2026');
  });

  it('says how long a sale has waited in minutes, hours or days', () => {
    expect(ageParts(0)).toEqual({ unit: 'minutes', values: { days: 0, hours: 0, minutes: 0 } });
    expect(ageParts(59)).toMatchObject({ unit: 'minutes', values: { minutes: 59 } });
    expect(ageParts(61)).toEqual({ unit: 'hours', values: { days: 0, hours: 1, minutes: 1 } });
    expect(ageParts(3 * 1440 + 125)).toEqual({
      unit: 'days',
      values: { days: 3, hours: 2, minutes: 5 },
    });
  });
});
