import { describe, expect, it } from 'vitest';
import { issuesFromZod } from '../../../shared/api/errors';
import { normalizeShopProfile, type ShopProfile, shopProfileSchema } from '../../../shared/shop';

const noumea: ShopProfile = {
  name: 'Boutique du Port',
  address: '3 quai Ferry\r\n98800 Nouméa',
  country: 'NC',
  phone: '27 12 34',
  taxId: '1234567.001',
  receiptFooter: 'Merci !',
  timeZone: 'Pacific/Noumea',
  currency: 'XPF',
  defaultLanguage: 'fr',
  idleLockMinutes: 5,
  tillName: '1',
  legalName: '',
};

function issuesOf(input: unknown) {
  const result = shopProfileSchema.safeParse(input);
  return result.success
    ? []
    : issuesFromZod(result.error).map(({ path, code }) => ({ path, code }));
}

describe('the shop profile', () => {
  it('accepts a New Caledonian shop with a local phone number', () => {
    expect(issuesOf(noumea)).toEqual([]);
  });

  it('stores the phone internationally and line breaks as LF', () => {
    const saved = normalizeShopProfile(shopProfileSchema.parse(noumea));
    expect(saved.phone).toBe('+687 27 12 34');
    expect(saved.address).toBe('3 quai Ferry\n98800 Nouméa');
  });

  it('trims what was typed around the fields', () => {
    expect(shopProfileSchema.parse({ ...noumea, name: '  Boutique  ' }).name).toBe('Boutique');
  });

  it.each([
    ['an empty name', { name: '   ' }, { path: 'name', code: 'too_small' }],
    ['a name too long for a receipt', { name: 'x'.repeat(81) }, { path: 'name', code: 'too_big' }],
    [
      'a phone number of another country',
      { phone: '+33 1 23' },
      { path: 'phone', code: 'invalid_phone' },
    ],
    [
      'a phone number with letters',
      { phone: '27 12 AB' },
      { path: 'phone', code: 'invalid_phone' },
    ],
    [
      'an escape character in the name',
      { name: 'Shop\u001b[2J' },
      { path: 'name', code: 'control_characters' },
    ],
    [
      'a line break in a single-line field',
      { taxId: '123\n456' },
      { path: 'taxId', code: 'control_characters' },
    ],
    [
      'a receipt footer of seven lines',
      { receiptFooter: 'a\nb\nc\nd\ne\nf\ng' },
      { path: 'receiptFooter', code: 'too_many_lines' },
    ],
    [
      'a made-up time zone',
      { timeZone: 'Pacific/Atlantis' },
      { path: 'timeZone', code: 'unknown_time_zone' },
    ],
    [
      'a country that does not exist',
      { country: 'XX' },
      { path: 'country', code: 'unknown_country' },
    ],
    ['an unsupported currency', { currency: 'BTC' }, { path: 'currency', code: 'invalid_value' }],
    [
      'an untranslated language',
      { defaultLanguage: 'de' },
      { path: 'defaultLanguage', code: 'invalid_value' },
    ],
    ['a tax id with symbols', { taxId: '12;DROP' }, { path: 'taxId', code: 'tax_id_characters' }],
    ['an empty till name', { tillName: '  ' }, { path: 'tillName', code: 'too_small' }],
    [
      'a till name too long for a receipt line',
      { tillName: 'x'.repeat(31) },
      { path: 'tillName', code: 'too_big' },
    ],
    [
      'an escape character in the till name',
      { tillName: 'Till\u001b[2J' },
      { path: 'tillName', code: 'control_characters' },
    ],
  ])('refuses %s', (_label, change, issue) => {
    expect(issuesOf({ ...noumea, ...change })).toEqual([issue]);
  });

  describe('the RIDET of a New Caledonian shop', () => {
    it.each([
      ['1234567.001', '1234567.001'],
      ['1234567001', '1234567.001'],
      ['1 234 567.001', '1234567.001'],
      ['1 234 567 001', '1234567.001'],
      ['0.123.456.002', '0123456.002'],
      [' 1234567 . 001 ', '1234567.001'],
    ])('stores %j as %j', (typed, stored) => {
      expect(issuesOf({ ...noumea, taxId: typed })).toEqual([]);
      expect(normalizeShopProfile(shopProfileSchema.parse({ ...noumea, taxId: typed })).taxId).toBe(
        stored,
      );
    });

    it.each([
      ['six digits of company', '123456.001'],
      ['two digits of establishment', '1234567.01'],
      ['eleven digits', '12345678.001'],
      ['letters', '1234567.00A'],
      ['a SIRET', '123 456 789 00012'],
      ['a slash', '1234567/001'],
    ])('refuses %s', (_label, typed) => {
      expect(issuesOf({ ...noumea, taxId: typed })).toEqual([
        { path: 'taxId', code: 'invalid_ridet' },
      ]);
    });

    it('leaves it empty until the shop sets it, and another country’s tax id as typed', () => {
      expect(issuesOf({ ...noumea, taxId: '' })).toEqual([]);
      const paris = { ...noumea, country: 'FR', phone: '', taxId: '123 456 789 00012' };
      expect(issuesOf(paris)).toEqual([]);
      expect(normalizeShopProfile(shopProfileSchema.parse(paris)).taxId).toBe('123 456 789 00012');
    });
  });

  it('names the till "1" in a profile saved before it had a name', () => {
    const { tillName: _none, ...before } = noumea;
    expect(shopProfileSchema.parse(before).tillName).toBe('1');
    expect(shopProfileSchema.parse({ ...noumea, tillName: ' Caisse 2 ' }).tillName).toBe(
      'Caisse 2',
    );
  });

  it('refuses a field of the wrong type and names it', () => {
    expect(issuesOf({ ...noumea, address: 42 })).toEqual([
      { path: 'address', code: 'invalid_type' },
    ]);
  });

  it('refuses fields it does not know rather than dropping them silently', () => {
    expect(issuesOf({ ...noumea, owner: 'me' })).toEqual([{ path: '', code: 'unrecognized_keys' }]);
  });
});
