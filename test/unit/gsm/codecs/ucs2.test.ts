import { describe, expect, it } from 'vitest';
import {
  bytesToHex,
  decodeUcs2,
  decodeUcs2Hex,
  encodeUcs2,
  encodeUcs2Hex,
  ucs2Length,
} from '../../../../electron/gsm/codecs';
import { pduErrorCode } from './helpers';

const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));

describe('UCS2', () => {
  it.each([
    ['тест', '0442043504410442'],
    ['Solde', '0053006F006C00640065'],
    ['余额', '4F59989D'],
    ['€', '20AC'],
    ['😀', 'D83DDE00'],
    ['', ''],
  ])('%j is UTF-16BE %s', (text, hex) => {
    expect(encodeUcs2Hex(text)).toBe(hex);
    expect(decodeUcs2Hex(hex)).toBe(text);
  });

  it('an emoji outside the BMP takes two units', () => {
    expect(ucs2Length('a😀')).toBe(3);
    expect(encodeUcs2('a😀')).toHaveLength(6);
  });

  it('a lone surrogate in the text is sent as U+FFFD', () => {
    expect(bytesToHex(encodeUcs2('a\ud83d'))).toBe('0061FFFD');
  });
});

describe('malformed UCS2 decodes without throwing (U+FFFD marks what was lost)', () => {
  it.each([
    ['an odd trailing octet', '004100', 'A\ufffd'],
    ['a single octet', '41', '\ufffd'],
    ['a high surrogate followed by a letter', 'D83D0041', '\ufffdA'],
    ['a low surrogate on its own', 'DE000041', '\ufffdA'],
    ['a high surrogate at the very end', '0041D83D', 'A\ufffd'],
    ['a high surrogate then an odd octet', 'D83DDE', '\ufffd\ufffd'],
    ['two high surrogates, then a low one', 'D83DD83DDE00', '\ufffd😀'],
  ])('%s', (_, hex, text) => {
    expect(decodeUcs2(bytes(hex))).toBe(text);
  });

  it('text that is not hex at all is a PduError, not a half decode', () => {
    expect(pduErrorCode(() => decodeUcs2Hex('04 1'))).toBe('invalid_hex');
  });
});
