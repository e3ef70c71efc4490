import { describe, expect, it } from 'vitest';
import {
  codeGroups,
  minutesLeft,
  pairedWith,
  typedCode,
} from '../../../../renderer/counters/pairing-code';

describe('a pairing code on the hub’s screen and at the new counter', () => {
  it('is read out in two groups of four', () => {
    expect(codeGroups('ABCDEFGH')).toEqual(['ABCD', 'EFGH']);
  });

  it.each([
    ['abcd efgh', 'ABCDEFGH'],
    ['ABCD-EFGH', 'ABCDEFGH'],
    [' k7m2 - 9pqr ', 'K7M29PQR'],
  ])('is taken as typed, spaces, dashes and small letters tolerated (%s)', (typed, code) => {
    expect(typedCode(typed)).toBe(code);
  });

  it.each([
    ['ABCDEFG', 'too short'],
    ['ABCDEFGHJ', 'too long'],
    ['ABCDEFG0', 'a zero, which the codes leave out (it reads as O)'],
    ['ABCD_EFGH', 'another separator'],
    ['', 'nothing'],
  ])('is refused before asking the hub when it cannot be one: %s (%s)', (typed) => {
    expect(typedCode(typed)).toBeNull();
  });

  it('counts down whole minutes, rounded up, to 0 once expired', () => {
    const expiresAt = '2026-12-07T05:10:00.000Z';
    const at = (time: string) => Date.parse(`2026-12-07T${time}Z`);
    expect(minutesLeft(expiresAt, at('05:00:00.000'))).toBe(10);
    expect(minutesLeft(expiresAt, at('05:00:01.000'))).toBe(10);
    expect(minutesLeft(expiresAt, at('05:09:00.000'))).toBe(1);
    expect(minutesLeft(expiresAt, at('05:09:59.999'))).toBe(1);
    expect(minutesLeft(expiresAt, at('05:10:00.000'))).toBe(0);
    expect(minutesLeft(expiresAt, at('05:30:00.000'))).toBe(0);
  });

  it('has been used once a counter of its till’s name is paired, whatever the case', () => {
    const device = (tillName: string, revokedAt: string | null = null) => ({ tillName, revokedAt });
    expect(pairedWith('Counter 2', [])).toBe(false);
    expect(pairedWith('Counter 2', [device('Counter 3')])).toBe(false);
    expect(pairedWith('Counter 2', [device('counter 2')])).toBe(true);
    expect(pairedWith('Counter 2', [device('Counter 2', '2026-12-07T05:00:00.000Z')])).toBe(false);
  });
});
