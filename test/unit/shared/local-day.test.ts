/** "Today's sales" are the shop's day, in the shop's zone, whatever the machine's clock says. */
import { describe, expect, it } from 'vitest';
import { localDate, localDateTimeText, localDay } from '../../../shared/local-time';

const iso = ({ from, to }: { from: Date; to: Date }) => [from.toISOString(), to.toISOString()];

describe("the shop's day around an instant", () => {
  it('runs from local midnight to local midnight in Nouméa (UTC+11)', () => {
    expect(iso(localDay(new Date('2025-01-14T03:30:00Z'), 'Pacific/Noumea'))).toEqual([
      '2025-01-13T13:00:00.000Z',
      '2025-01-14T13:00:00.000Z',
    ]);
  });

  it('is already the next day in Nouméa while UTC is still the day before', () => {
    expect(iso(localDay(new Date('2025-01-14T20:00:00Z'), 'Pacific/Noumea'))).toEqual([
      '2025-01-14T13:00:00.000Z',
      '2025-01-15T13:00:00.000Z',
    ]);
  });

  it('includes its first instant and not the next midnight', () => {
    const day = localDay(new Date('2025-01-13T13:00:00Z'), 'Pacific/Noumea');
    expect(iso(day)[0]).toBe('2025-01-13T13:00:00.000Z');
    expect(iso(localDay(day.to, 'Pacific/Noumea'))[0]).toBe('2025-01-14T13:00:00.000Z');
  });

  it('crosses the end of a month and of a year', () => {
    // 21:00 on 31 December in Nouméa: the day ends at midnight on 1 January.
    expect(iso(localDay(new Date('2024-12-31T10:00:00Z'), 'Pacific/Noumea'))).toEqual([
      '2024-12-30T13:00:00.000Z',
      '2024-12-31T13:00:00.000Z',
    ]);
  });

  it('lasts 23 hours when the clocks go forward and 25 when they go back (Paris)', () => {
    const spring = localDay(new Date('2025-03-30T12:00:00Z'), 'Europe/Paris');
    expect(iso(spring)).toEqual(['2025-03-29T23:00:00.000Z', '2025-03-30T22:00:00.000Z']);
    const autumn = localDay(new Date('2025-10-26T12:00:00Z'), 'Europe/Paris');
    expect(iso(autumn)).toEqual(['2025-10-25T22:00:00.000Z', '2025-10-26T23:00:00.000Z']);
  });

  it('refuses a zone that does not exist', () => {
    expect(() => localDay(new Date(), 'Mars/Olympus')).toThrow(/Unknown time zone/);
  });
});

describe("the shop's date and time of an instant, as text", () => {
  it.each([
    ['2026-11-22T12:59:59Z', 'Pacific/Noumea', '2026-11-22 23:59:59'],
    ['2026-11-22T13:00:00Z', 'Pacific/Noumea', '2026-11-23 00:00:00'],
    ['2024-02-29T23:30:00Z', 'UTC', '2024-02-29 23:30:00'],
    ['2025-03-30T01:30:00Z', 'Europe/Paris', '2025-03-30 03:30:00'],
  ])('%s in %s is %s', (instant, timeZone, text) => {
    expect(localDateTimeText(new Date(instant), timeZone)).toBe(text);
    expect(localDate(new Date(instant), timeZone)).toBe(text.slice(0, 10));
  });
});
