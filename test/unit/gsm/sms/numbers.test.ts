import { describe, expect, it } from 'vitest';
import { sameNumber, validateDestination } from '../../../../electron/gsm/sms';

describe('telling whether two senders are the same number', () => {
  it.each([
    ['+6874012', '4012', true, 'international and national forms of a short code'],
    ['+687 4012', '4012', true, 'spaces are only for the eye'],
    ['+687 40 12', '+6874012', true, 'two international forms, spaced differently'],
    ['0612345678', '+33612345678', true, 'a national number with its trunk 0'],
    ['0033612345678', '+33612345678', true, 'the 00 international prefix'],
    ['4012', '4012', true, 'the same short code'],
    ['Orange', 'ORANGE', true, 'an alphanumeric sender, whatever the case'],
    ['+6874012', '+6864012', false, 'another country'],
    ['+33612344012', '4012', false, 'seven digits in front are no country code'],
    ['4012', '14012', false, 'two short codes, one the tail of the other'],
    ['6874012', '4012', false, 'bare digits of another length, country unknown'],
    ['Orange', '4012', false, 'a name and a number'],
    ['4012', '4013', false, 'another short code'],
  ])('%s and %s: %s (%s)', (a, b, same) => {
    expect(sameNumber(a, b)).toBe(same);
    expect(sameNumber(b, a)).toBe(same);
  });

  it('uses the country code when it knows it', () => {
    expect(sameNumber('6874012', '4012', { countryCode: '687' })).toBe(true);
    expect(sameNumber('+6874012', '4012', { countryCode: '687' })).toBe(true);
    expect(sameNumber('+334012', '4012', { countryCode: '687' })).toBe(false);
  });
});

describe('checking a destination', () => {
  it.each(['+687751234', '4012', '0612345678', '+33612345678'])('accepts %s', (to) => {
    expect(validateDestination(to)).toBe(to);
  });
});
