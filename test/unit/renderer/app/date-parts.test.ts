import { describe, expect, it } from 'vitest';
import {
  datePartOrder,
  monthNames,
  readDate,
  splitDate,
} from '../../../../renderer/app/date-parts';

describe('a date typed as the interface language writes it', () => {
  it.each([
    ['en', ['month', 'day', 'year']],
    ['fr', ['day', 'month', 'year']],
    ['zh-CN', ['year', 'month', 'day']],
  ] as const)('%s orders its parts as its dates read: %j', (language, order) => {
    expect(datePartOrder(language)).toEqual(order);
  });

  it.each([
    ['en', 'January', 'December'],
    ['fr', 'janvier', 'décembre'],
    ['zh-CN', '一月', '十二月'],
  ])('%s names the months: %s to %s', (language, first, last) => {
    const names = monthNames(language);
    expect(names).toHaveLength(12);
    expect([names[0], names[11]]).toEqual([first, last]);
  });

  it.each([
    ['nothing typed', { day: '', month: '', year: '' }, { kind: 'empty' }],
    ['no month yet', { day: '14', month: '', year: '2025' }, { kind: 'incomplete' }],
    ['a year still being typed', { day: '14', month: '1', year: '202' }, { kind: 'incomplete' }],
    [
      'a day of the month',
      { day: '14', month: '1', year: '2025' },
      { kind: 'day', iso: '2025-01-14' },
    ],
    [
      'a day typed with its zero',
      { day: '09', month: '12', year: '2026' },
      { kind: 'day', iso: '2026-12-09' },
    ],
    [
      '29 February of a leap year',
      { day: '29', month: '2', year: '2028' },
      { kind: 'day', iso: '2028-02-29' },
    ],
    [
      '29 February of another year',
      { day: '29', month: '2', year: '2027' },
      { kind: 'not-a-date' },
    ],
    ['31 April', { day: '31', month: '4', year: '2026' }, { kind: 'not-a-date' }],
    ['a day that is not a number', { day: '1a', month: '4', year: '2026' }, { kind: 'not-a-date' }],
    ['day zero', { day: '0', month: '4', year: '2026' }, { kind: 'not-a-date' }],
  ] as const)('%s reads as %j', (_case, typed, read) => {
    expect(readDate(typed)).toEqual(read);
  });

  it.each([
    ['before the first day allowed', '2026-12-05', { kind: 'too-early', iso: '2026-12-05' }],
    ['the first day allowed', '2026-12-06', { kind: 'day', iso: '2026-12-06' }],
    ['the last day allowed', '2026-12-31', { kind: 'day', iso: '2026-12-31' }],
    ['after the last day allowed', '2027-01-01', { kind: 'too-late', iso: '2027-01-01' }],
  ] as const)('a day %s reads as %j', (_case, iso, read) => {
    expect(readDate(splitDate(iso), { min: '2026-12-06', max: '2026-12-31' })).toEqual(read);
  });

  it('splits an ISO day into what the clerk would have typed, and nothing else', () => {
    expect(splitDate('2026-03-07')).toEqual({ day: '7', month: '3', year: '2026' });
    expect(splitDate('')).toEqual({ day: '', month: '', year: '' });
    expect(splitDate('7/3/2026')).toEqual({ day: '', month: '', year: '' });
  });
});
