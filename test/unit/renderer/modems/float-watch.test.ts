/** A dealer SIM's float watch as a manager types it: amounts like money elsewhere, empty is none. */
import { describe, expect, it } from 'vitest';
import {
  amountAsTyped,
  readManagerPhone,
  readWatchAmount,
} from '../../../../renderer/modems/float-watch';

describe('a float watch amount typed by a manager', () => {
  it.each([
    ['', 'zero or more'],
    ['   ', 'more than zero'],
  ] as const)('reads %j as none', (typed, accept) => {
    expect(readWatchAmount(typed, 'XPF', accept)).toEqual({ ok: true, amount: null });
  });

  it('reads amounts as money is typed elsewhere in the shop', () => {
    expect(readWatchAmount('300 000', 'XPF', 'zero or more')).toEqual({
      ok: true,
      amount: 300_000,
    });
    expect(readWatchAmount('150,50', 'EUR', 'more than zero')).toEqual({
      ok: true,
      amount: 15_050,
    });
    expect(readWatchAmount('0', 'XPF', 'zero or more')).toEqual({ ok: true, amount: 0 });
  });

  it.each([
    ['0', 'more than zero', 'zero'],
    ['-5', 'zero or more', 'negative'],
    ['lots', 'zero or more', 'unreadable'],
  ] as const)('refuses %j when it must be %s (%s)', (typed, accept, problem) => {
    expect(readWatchAmount(typed, 'XPF', accept)).toEqual({ ok: false, problem });
  });

  it('writes a saved amount back as it would be typed, and none as empty', () => {
    expect(amountAsTyped(250_000, 'XPF')).toBe('250000');
    expect(amountAsTyped(15_050, 'EUR')).toBe('150.50');
    expect(amountAsTyped(null, 'EUR')).toBe('');
    expect(readWatchAmount(amountAsTyped(15_050, 'EUR'), 'EUR', 'zero or more')).toEqual({
      ok: true,
      amount: 15_050,
    });
  });
});

describe("the manager's phone for low float texts", () => {
  it('reads an international number written with spaces, dots or dashes', () => {
    expect(readManagerPhone(' +687 27.12-34 ')).toEqual({ ok: true, phone: '+687271234' });
  });

  it('reads an empty field as no phone', () => {
    expect(readManagerPhone('  ')).toEqual({ ok: true, phone: null });
  });

  it.each(['271234', '+0687271234', '+687 27 12 3x', '+12345'])('refuses %j', (typed) => {
    expect(readManagerPhone(typed)).toEqual({ ok: false });
  });
});
