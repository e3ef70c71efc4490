/**
 * The customer number as the clerk types it: every way a New Caledonian number is written is
 * read the same, and anything foreign, invalid or unsafe for the modem line is refused.
 */
import { describe, expect, it } from 'vitest';
import type { CarrierProfile } from '../../../shared/carrier';
import {
  customerNumber,
  displayStoredNumber,
  formatAsTyped,
} from '../../../shared/customer-number';
import { demoProfile } from '../carriers/demo-profile';

const strict: CarrierProfile = { ...demoProfile(), numberValidation: 'valid' };

describe('a customer number for a New Caledonian carrier', () => {
  it.each([
    '27 12 34',
    '271234',
    '27.12.34',
    '+687 27 12 34',
    '+687271234',
    '687271234',
    '00687 27 12 34',
    ' 27-12-34 ',
    '27\u00a012\u00a034',
  ])('reads %j as +687271234', (typed) => {
    expect(customerNumber(strict, typed)).toEqual({
      ok: true,
      value: {
        e164: '+687271234',
        national: '271234',
        forTemplate: '687271234',
        display: '+687 27 12 34',
      },
    });
  });

  it('writes the number into templates the way the carrier wants it', () => {
    const forms = (['national', 'international-digits', 'e164'] as const).map((msisdnFormat) => {
      const result = customerNumber({ ...strict, msisdnFormat }, '77 78 88');
      return result.ok ? result.value.forTemplate : result.error.code;
    });
    expect(forms).toEqual(['777888', '687777888', '+687777888']);
  });

  it.each([
    ['a French mobile', '+33 6 12 34 56 78'],
    ['a French mobile dialled with 00', '0033612345678'],
    ['an Australian mobile', '+61 412 345 678'],
    ['a Vanuatu number', '+678 22 123'],
  ])('refuses %s as foreign_number', (_name, typed) => {
    expect(customerNumber(strict, typed)).toMatchObject({
      ok: false,
      error: { code: 'foreign_number' },
    });
  });

  it.each([
    ['letters', '27 12 AB'],
    ['a number spelled out', 'vingt-sept'],
    ['nothing', ''],
    ['only spaces', '   '],
    ['too few digits', '27 12 3'],
    ['too many digits', '27 12 34 5'],
    ['a carriage return that would end an AT command', '271234\r'],
    ['a line feed', '27\n1234'],
    ['a quote that would close an AT string', '271234"'],
    ['an AT command smuggled in', '271234";AT+CFUN=0'],
    ['Ctrl-Z', '271234\x1a'],
    ['a second plus sign', '++687271234'],
    ['an extension', '271234 ext 5'],
    ['a range no New Caledonian number is in (strict check)', '12 34 56'],
  ])('refuses %s as invalid_number', (_name, typed) => {
    expect(customerNumber(strict, typed)).toMatchObject({
      ok: false,
      error: { code: 'invalid_number' },
    });
  });

  it('accepts made-up numbers of the right length when the profile checks length only', () => {
    // The demo network's customers (687123456…) are in no allocated range.
    const demo = demoProfile();
    expect(demo.numberValidation).toBe('possible');
    expect(customerNumber(demo, '687123456')).toMatchObject({
      ok: true,
      value: { e164: '+687123456', forTemplate: '687123456' },
    });
    expect(customerNumber(demo, '12 34 5')).toMatchObject({
      ok: false,
      error: { code: 'invalid_number' },
    });
    expect(customerNumber(demo, '+33612345678')).toMatchObject({
      ok: false,
      error: { code: 'foreign_number' },
    });
  });
});

describe('the number field as the clerk types', () => {
  /** Types `keys` one at a time into an empty field; `⌫` deletes the last character. */
  function type(keys: string): string {
    let field = '';
    for (const key of keys) {
      const next = key === '⌫' ? field.slice(0, -1) : field + key;
      field = formatAsTyped('NC', field, next);
    }
    return field;
  }

  it.each([
    ['2', '2'],
    ['271', '27.1'],
    ['271234', '27.12.34'],
    ['+687271234', '+687 27 12 34'],
    ['0068727', '00 687 27'],
  ])('formats %j as %j', (keys, shown) => {
    expect(type(keys)).toBe(shown);
  });

  it('drops letters and anything that could reach the modem line', () => {
    expect(type('27a1"2;\r34')).toBe('27.12.34');
  });

  it('deletes the digit before a separator, or the separator would come back at once', () => {
    expect(type('271⌫')).toBe('27');
    expect(type('2712⌫⌫')).toBe('27');
    // The separator between 7 and 1 deleted in the middle of the field.
    expect(formatAsTyped('NC', '27.12', '2712')).toBe('21.2');
  });

  it('reads a pasted number in any of the ways people write it', () => {
    expect(formatAsTyped('NC', '', '+687 27-12-34')).toBe('+687 27 12 34');
  });

  it('formats what it shows so that the core reads the same number', () => {
    const shown = type('687123456');
    expect(customerNumber(demoProfile(), shown)).toMatchObject({
      ok: true,
      value: { e164: '+687123456' },
    });
  });
});

describe('a stored number on the screen', () => {
  it('is grouped as people read it', () => {
    expect(displayStoredNumber('+687271234')).toBe('+687 27 12 34');
  });
});
