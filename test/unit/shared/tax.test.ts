import { describe, expect, it } from 'vitest';
import {
  formatTaxRate,
  parseTaxRatePercent,
  sumTaxLines,
  taxOfTotal,
  taxRatePercentText,
} from '../../../shared/tax';

describe('the tax included in a total', () => {
  it.each([
    // total, rate (bp), tax, base
    [1500, 1100, 149, 1351], // 148.65 → 149
    [1500, 600, 85, 1415], // 84.91 → 85
    [3000, 300, 87, 2913], // 87.38 → 87
    [1000, 0, 0, 1000],
    [0, 1100, 0, 0],
    [-1500, 1100, -149, -1351], // a correction mirrors the sale
    [106, 600, 6, 100], // 6 exactly
    [53, 600, 3, 50], // 3.0 exactly
    [9, 1100, 1, 8], // 0.89 → 1
    [5, 1100, 0, 5], // 0.495… → 0
    [1, 10_000, 1, 0], // 0.5 → 1: halves away from zero
    [-1, 10_000, -1, 0],
  ])('%i at %i bp holds %i of tax', (total, rate, tax, base) => {
    expect(taxOfTotal(total, rate)).toEqual({ rate, base, tax });
  });

  it('refuses what is not an amount or a rate', () => {
    expect(() => taxOfTotal(1.5, 1100)).toThrow(RangeError);
    expect(() => taxOfTotal(100, -1)).toThrow(RangeError);
    expect(() => taxOfTotal(100, 10_001)).toThrow(RangeError);
    expect(() => taxOfTotal(100, 5.5)).toThrow(RangeError);
  });

  it('sums lines by rate, lowest first', () => {
    expect(
      sumTaxLines([
        { rate: 1100, base: 1351, tax: 149 },
        { rate: 0, base: 500, tax: 0 },
        { rate: 1100, base: -1351, tax: -149 },
        { rate: 1100, base: 2703, tax: 297 },
      ]),
    ).toEqual([
      { rate: 0, base: 500, tax: 0 },
      { rate: 1100, base: 2703, tax: 297 },
    ]);
  });

  it('prints a rate as each language writes a percentage', () => {
    expect(formatTaxRate(1100, 'fr')).toBe('11\u00a0%');
    expect(formatTaxRate(550, 'fr')).toBe('5,5\u00a0%');
    expect(formatTaxRate(550, 'en')).toBe('5.5%');
    expect(formatTaxRate(0, 'zh-CN')).toBe('0%');
  });
});

describe('a rate typed as a percentage', () => {
  it.each([
    ['11', 1100],
    ['5,5', 550],
    ['5.5', 550],
    [' 22 % ', 2200],
    ['0', 0],
    ['100', 10_000],
    ['3,25', 325],
    ['0.01', 1],
  ])('reads %j as %i basis points', (typed, rate) => {
    expect(parseTaxRatePercent(typed)).toBe(rate);
  });

  it.each(['', 'onze', '-1', '101', '5,555', '1e1', '11,', ',5', '1 1 1 1'])(
    'refuses %j',
    (typed) => {
      expect(parseTaxRatePercent(typed)).toBeNull();
    },
  );

  it('writes a rate back as it is typed, in each language', () => {
    expect(taxRatePercentText(550, 'fr')).toBe('5,5');
    expect(taxRatePercentText(550, 'en')).toBe('5.5');
    expect(taxRatePercentText(1100, 'zh-CN')).toBe('11');
    for (const rate of [0, 1, 325, 1100, 10_000]) {
      expect(parseTaxRatePercent(taxRatePercentText(rate, 'fr'))).toBe(rate);
    }
  });
});
