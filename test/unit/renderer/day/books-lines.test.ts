/** A books check said on the Day screen: one line per chain, a break with its number and why. */
import { describe, expect, it } from 'vitest';
import { booksLines, brokenDays } from '../../../../renderer/day/books-lines';

describe('the books check on screen', () => {
  it('says each chain intact with how many it checked', () => {
    expect(
      booksLines({
        day: null,
        receipts: { ok: true, count: 12 },
        zReports: { ok: true, count: 3 },
      }),
    ).toEqual([
      { key: 'day.books.receipts.ok', params: { count: 12 }, reason: null },
      { key: 'day.books.zReports.ok', params: { count: 3 }, reason: null },
    ]);
  });

  it('names the receipt where the chain breaks, and why', () => {
    expect(
      booksLines({
        day: '2026-11-21',
        receipts: { ok: false, count: 4, brokenAt: 7, reason: 'gap' },
        zReports: { ok: true, count: 1 },
      })[0],
    ).toEqual({
      key: 'day.books.receipts.broken',
      params: { count: 4, number: 7 },
      reason: 'day.books.reason.gap',
    });
  });

  it("says each till's receipt chain on its own line when counters sold, naming the till", () => {
    expect(
      booksLines({
        day: null,
        receipts: { ok: true, count: 12 },
        zReports: { ok: true, count: 3 },
        tills: [
          { tillId: 'hub-0001', tillName: '1', receipts: { ok: true, count: 12 } },
          {
            tillId: 'till-0002',
            tillName: 'Counter 2',
            receipts: { ok: false, count: 5, brokenAt: 2, reason: 'hash_mismatch' },
            zReports: { ok: true, count: 1 },
          },
        ],
      }),
    ).toEqual([
      { key: 'tills.books.ok', params: { till: '1', count: 12 }, reason: null },
      {
        key: 'tills.books.broken',
        params: { till: 'Counter 2', count: 5, number: 2 },
        reason: 'day.books.reason.hash_mismatch',
      },
      { key: 'tills.booksZ.ok', params: { till: 'Counter 2', count: 1 }, reason: null },
      { key: 'day.books.zReports.ok', params: { count: 3 }, reason: null },
    ]);
  });

  it('lists the days the start found broken, and none when all hold', () => {
    const intact = { ok: true as const, count: 1 };
    const broken = { ok: false as const, count: 1, brokenAt: 1, reason: 'hash_mismatch' as const };
    expect(
      brokenDays([
        { day: '2026-11-21', receipts: intact, zReports: broken },
        { day: '2026-11-23', receipts: intact, zReports: intact },
      ]),
    ).toEqual(['2026-11-21']);
    expect(brokenDays([{ day: '2026-11-23', receipts: intact, zReports: intact }])).toEqual([]);
  });
});
