/** Amounts typed on the day screens: the float, cash in and out, a dealer balance by hand. */
import { describe, expect, it } from 'vitest';
import { readTypedAmount } from '../../../../renderer/day/typed-amount';

describe('an amount typed on the day screens', () => {
  it.each([
    ['20000', 20_000],
    ['20 000', 20_000],
    ['20.000', 20_000],
    ['0', 0],
  ])('reads the float %j as %d XPF', (typed, amount) => {
    expect(readTypedAmount(typed, 'XPF', 'zero or more')).toEqual({ ok: true, amount });
  });

  it('reads cents for a currency that has them', () => {
    expect(readTypedAmount('150,50', 'EUR', 'more than zero')).toEqual({
      ok: true,
      amount: 15_050,
    });
  });

  it.each([
    ['', 'zero or more', 'required'],
    ['  ', 'more than zero', 'required'],
    ['2,5', 'zero or more', 'unreadable'],
    ['vingt', 'zero or more', 'unreadable'],
    ['-500', 'zero or more', 'negative'],
    ['-500', 'more than zero', 'negative'],
    ['0', 'more than zero', 'zero'],
  ] as const)('refuses %j when it must be %s (%s)', (typed, accept, problem) => {
    expect(readTypedAmount(typed, 'XPF', accept)).toEqual({ ok: false, problem });
  });

  it('takes a dealer balance below zero (a dealer in credit)', () => {
    expect(readTypedAmount('-12 500', 'XPF', 'any')).toEqual({ ok: true, amount: -12_500 });
  });
});
