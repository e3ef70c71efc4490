/**
 * The close's count sheet, read as the clerk types it: the coins and notes of the shop's
 * currency, the pieces of each, and what the drawer holds.
 */
import { describe, expect, it } from 'vitest';
import { countSheet, readCount } from '../../../../renderer/day/count-sheet';

describe('the count sheet', () => {
  it('lists the XPF coins up to 100 F and the notes from 500 F', () => {
    expect(countSheet('XPF')).toEqual({
      coins: [1, 2, 5, 10, 20, 50, 100],
      notes: [500, 1000, 5000, 10000],
    });
  });

  it('lists euro coins up to 2 € and notes from 5 €, in cents', () => {
    const { coins, notes } = countSheet('EUR');
    expect(coins.at(-1)).toBe(200);
    expect(notes[0]).toBe(500);
  });

  it('adds up the pieces of each denomination, and sends only the ones counted', () => {
    const reading = readCount('XPF', { 10000: '3', 5000: '1', 1000: ' 3 ', 100: '4', 50: '0' });
    expect(reading).toEqual({
      lines: [
        { denomination: 100, count: 4 },
        { denomination: 1000, count: 3 },
        { denomination: 5000, count: 1 },
        { denomination: 10000, count: 3 },
      ],
      total: 38_400,
      unreadable: [],
    });
  });

  it('reads counts grouped by thousands', () => {
    expect(readCount('XPF', { 1: '1 200' }).total).toBe(1200);
  });

  it('counts euros in cents', () => {
    expect(readCount('EUR', { 200: '3', 5: '7' }).total).toBe(635);
  });

  it.each(['-2', '1.5', '2,5', 'ten', '1e3', '2000000'])(
    'refuses %j pieces, and leaves it out of the total',
    (typed) => {
      const reading = readCount('XPF', { 500: typed, 1000: '2' });
      expect(reading.unreadable).toEqual([500]);
      expect(reading.total).toBe(2000);
      expect(reading.lines).toEqual([{ denomination: 1000, count: 2 }]);
    },
  );

  it('holds nothing when nothing is typed: an empty drawer', () => {
    expect(readCount('XPF', {})).toEqual({ lines: [], total: 0, unreadable: [] });
  });
});
