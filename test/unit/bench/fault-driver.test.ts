import { describe, expect, test } from 'vitest';
import { type FaultWindow, noHealthyModem } from '../../../bench/fault-driver';
import { seededRandom } from '../../../bench/shop';

const window = (modemId: string, start: number, end: number): FaultWindow => ({
  kind: 'hang',
  modemId,
  start,
  end,
  detail: '',
});

describe('the fault soak: when no modem was healthy', () => {
  test('only where every modem was faulted at once', () => {
    const windows = [window('a', 0, 10), window('b', 5, 20), window('a', 15, 30)];
    expect(noHealthyModem(windows, ['a', 'b'])).toEqual([
      [5, 10],
      [15, 20],
    ]);
  });

  test('never while one modem had no fault at all', () => {
    const windows = [window('a', 0, 10), window('b', 0, 10)];
    expect(noHealthyModem(windows, ['a', 'b', 'c'])).toEqual([]);
  });

  test('overlapping windows of one modem count once', () => {
    const windows = [window('a', 0, 10), window('a', 5, 12), window('b', 8, 20)];
    expect(noHealthyModem(windows, ['a', 'b'])).toEqual([[8, 12]]);
  });
});

describe('the fault soak: its seed', () => {
  test('the same seed draws the same numbers, another seed others', () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 5 }, () => random());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(42).every((value) => value >= 0 && value < 1)).toBe(true);
  });
});
