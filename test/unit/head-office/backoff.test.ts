import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../electron/head-office/backoff';

const timing = { everyMs: 60_000, retryFirstMs: 5_000, retryMaxMs: 15 * 60_000 };

describe('the sync’s retries', () => {
  it.each([
    [1, 5_000],
    [2, 10_000],
    [3, 20_000],
    [6, 160_000],
    [8, 640_000],
    [9, 900_000],
    [400, 900_000],
  ])('wait at most %s failures → %s ms (doubling, capped)', (failures, most) => {
    expect(retryDelayMs(failures, timing, 0.999_999)).toBe(most);
  });

  it('are jittered between half and all of the wait, so shops back online do not knock together', () => {
    expect(retryDelayMs(3, timing, 0)).toBe(10_000);
    expect(retryDelayMs(3, timing, 0.5)).toBe(15_000);
    const spread = new Set([0.1, 0.3, 0.7].map((random) => retryDelayMs(4, timing, random)));
    expect(spread.size).toBe(3);
  });
});
