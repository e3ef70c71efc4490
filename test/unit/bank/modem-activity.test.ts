/** Each modem's top-ups, failures and unknown sales, counted from the day's sales. */
import { describe, expect, it } from 'vitest';
import { modemActivity } from '../../../electron/bank/activity';
import type { SaleFact } from '../../../electron/day/report';

const sale = (modemId: string | null, status: SaleFact['status']) => ({ modemId, status });

describe("the bank's activity today", () => {
  it('counts per modem, the bank’s modems first with zeros, then a modem gone since', () => {
    const sales = [
      sale('b', 'succeeded'),
      sale('a', 'failed'),
      sale('gone', 'succeeded'),
      sale('b', 'unknown'),
      sale('b', 'succeeded'),
    ];
    expect(modemActivity(sales, ['a', 'b', 'c'])).toEqual([
      { modemId: 'a', topUps: 0, failures: 1, unknown: 0 },
      { modemId: 'b', topUps: 2, failures: 0, unknown: 1 },
      { modemId: 'c', topUps: 0, failures: 0, unknown: 0 },
      { modemId: 'gone', topUps: 1, failures: 0, unknown: 0 },
    ]);
  });

  it('leaves out sales that reached no modem and those still being sent', () => {
    expect(modemActivity([sale(null, 'failed'), sale('a', 'sending')], ['a'])).toEqual([
      { modemId: 'a', topUps: 0, failures: 0, unknown: 0 },
    ]);
  });
});
