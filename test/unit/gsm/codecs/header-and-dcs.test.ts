import { describe, expect, it } from 'vitest';
import {
  buildConcatUdh,
  bytesToHex,
  hexToBytes,
  parseCbsDcs,
  parseSmsDcs,
  parseUdh,
} from '../../../../electron/gsm/codecs';
import { pduErrorCode } from './helpers';

const udh = (hex: string) => parseUdh(hexToBytes(hex));

describe('user-data headers', () => {
  it('an 8-bit reference concatenation element gives ref, part and total', () => {
    expect(udh('0003560201')).toEqual({
      elements: [{ iei: 0, data: '560201' }],
      concat: { ref: 86, part: 1, total: 2 },
    });
  });

  it('a 16-bit reference concatenation element gives the whole reference', () => {
    expect(udh('080412340302').concat).toEqual({ ref: 0x1234, part: 2, total: 3 });
  });

  it('other elements are kept raw next to the concatenation', () => {
    expect(udh('05040B8423F00003010201')).toEqual({
      elements: [
        { iei: 5, data: '0B8423F0' },
        { iei: 0, data: '010201' },
      ],
      concat: { ref: 1, part: 1, total: 2 },
    });
  });

  it('of two concatenation elements the last one counts', () => {
    expect(udh('00030102010003020302').concat).toEqual({ ref: 2, part: 2, total: 3 });
  });

  it.each([
    ['a total of zero', '0003010001'],
    ['a part of zero', '0003010200'],
    ['a part beyond the total', '0003010203'],
    ['an 8-bit element of the wrong length', '000401020301'],
  ])('a concatenation element with %s is ignored', (_, hex) => {
    expect(udh(hex).concat).toBeNull();
  });

  it('an element running past the header is refused', () => {
    expect(pduErrorCode(() => udh('000356'))).toBe('invalid_udh');
    expect(pduErrorCode(() => udh('00'))).toBe('invalid_udh');
  });

  it('concatenation headers are built with their UDHL', () => {
    expect(bytesToHex(buildConcatUdh({ ref: 86, part: 1, total: 2 }))).toBe('050003560201');
    expect(bytesToHex(buildConcatUdh({ ref: 0x1234, part: 3, total: 3 }, 16))).toBe(
      '06080412340303',
    );
  });

  it.each([
    [{ ref: 256, part: 1, total: 2 }, 8],
    [{ ref: 65536, part: 1, total: 2 }, 16],
    [{ ref: 1, part: 3, total: 2 }, 8],
    [{ ref: 1, part: 1, total: 256 }, 8],
  ] as const)('%j with %d-bit reference cannot be built', (concat, bits) => {
    expect(pduErrorCode(() => buildConcatUdh(concat, bits))).toBe('invalid_argument');
  });
});

const label = (dcs: number) => `0x${dcs.toString(16).padStart(2, '0').toUpperCase()}`;

describe('SMS data coding schemes (TS 23.038 §4)', () => {
  const table = [
    [0x00, 'gsm7', null],
    [0x04, '8bit', null],
    [0x08, 'ucs2', null],
    [0x0c, 'gsm7', null], // reserved alphabet: read as GSM 7-bit
    [0x10, 'gsm7', 0], // flash SMS
    [0x11, 'gsm7', 1],
    [0x16, '8bit', 2],
    [0x18, 'ucs2', 0],
    [0x48, 'ucs2', null], // automatic deletion group
    [0x80, 'gsm7', null], // reserved group
    [0xc0, 'gsm7', null], // message waiting, discard
    [0xd8, 'gsm7', null], // message waiting, store
    [0xe0, 'ucs2', null], // message waiting, store, UCS2
    [0xf0, 'gsm7', 0],
    [0xf4, '8bit', 0],
    [0xf6, '8bit', 2],
  ] as const;
  it.each(
    table.map(([dcs, alphabet, messageClass]) => ({
      dcs,
      name: label(dcs),
      alphabet,
      messageClass,
    })),
  )('DCS $name is $alphabet, message class $messageClass', ({ dcs, alphabet, messageClass }) => {
    expect(parseSmsDcs(dcs)).toEqual({ alphabet, messageClass });
  });

  it.each([0x20, 0x28, 0x60].map((dcs) => ({ dcs, name: label(dcs) })))(
    'DCS $name announces compressed text, which is refused',
    ({ dcs }) => {
      expect(pduErrorCode(() => parseSmsDcs(dcs))).toBe('compressed_unsupported');
    },
  );
});

describe('USSD / cell-broadcast data coding schemes (TS 23.038 §5)', () => {
  const table = [
    [0x0f, 'gsm7', null, false], // language unspecified: what USSD normally uses
    [0x00, 'gsm7', null, false], // German
    [0x10, 'gsm7', 'gsm7', false],
    [0x11, 'ucs2', 'ucs2', false],
    [0x12, 'gsm7', null, false], // reserved
    [0x20, 'gsm7', null, false], // Czech
    [0x40, 'gsm7', null, false],
    [0x44, '8bit', null, false],
    [0x48, 'ucs2', null, false],
    [0x60, 'gsm7', null, true],
    [0x94, '8bit', null, false], // message with a user-data header
    [0xe0, '8bit', null, false], // WAP
    [0xf0, 'gsm7', null, false],
    [0xf4, '8bit', null, false],
  ] as const;
  it.each(
    table.map(([dcs, alphabet, languagePrefix, compressed]) => ({
      dcs,
      name: label(dcs),
      alphabet,
      languagePrefix,
      compressed,
    })),
  )(
    'DCS $name is $alphabet, language prefix $languagePrefix, compressed $compressed',
    ({ dcs, ...expected }) => {
      const { name: _, ...scheme } = expected;
      expect(parseCbsDcs(dcs)).toEqual(scheme);
    },
  );
});
