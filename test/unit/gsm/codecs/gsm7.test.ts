import { describe, expect, it } from 'vitest';
import {
  bytesToHex,
  decodeGsm7,
  encodeGsm7,
  gsm7Length,
  isGsm7,
  packSeptets,
  packUssd,
  unpackSeptets,
  unpackUssd,
} from '../../../../electron/gsm/codecs';
import { pduErrorCode } from './helpers';

const septetsOf = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

describe('the GSM 7-bit alphabet', () => {
  it.each([
    ['@', [0x00]],
    ['£$¥', [0x01, 0x02, 0x03]],
    ['Ç', [0x09]],
    ['\n', [0x0a]],
    ['\r', [0x0d]],
    ['Δ_', [0x10, 0x11]],
    ['¤', [0x24]],
    ['¡', [0x40]],
    ['§¿', [0x5f, 0x60]],
    ['äöñüà', [0x7b, 0x7c, 0x7d, 0x7e, 0x7f]],
    ['A z 9', [0x41, 0x20, 0x7a, 0x20, 0x39]],
  ])('%j is the base-table septets %j', (text, septets) => {
    expect(encodeGsm7(text)).toEqual(septets);
    expect(decodeGsm7(septets)).toBe(text);
  });

  it.each([
    ['\f', 0x0a],
    ['^', 0x14],
    ['{', 0x28],
    ['}', 0x29],
    ['\\', 0x2f],
    ['[', 0x3c],
    ['~', 0x3d],
    [']', 0x3e],
    ['|', 0x40],
    ['€', 0x65],
  ])('%j is escape + 0x%s from the extension table', (text, code) => {
    expect(encodeGsm7(text)).toEqual([0x1b, code]);
    expect(decodeGsm7([0x1b, code])).toBe(text);
  });

  it.each(['ç', '`', 'é€😀', '中文', '\t', '\u001b', 'ÿ'])('%j has no GSM 7-bit form', (text) => {
    expect(encodeGsm7(text)).toBeNull();
    expect(isGsm7(text)).toBe(false);
    expect(gsm7Length(text)).toBeNull();
  });

  it('all 127 base characters and 10 extension characters survive a round trip', () => {
    const all = Array.from({ length: 128 }, (_, septet) => septet).filter(
      (septet) => septet !== 0x1b,
    );
    const text = decodeGsm7(all);
    expect(Array.from(text)).toHaveLength(127);
    expect(encodeGsm7(text)).toEqual(all);
    const extension = '\f^{}\\[~]|€';
    expect(decodeGsm7(encodeGsm7(extension) ?? [])).toBe(extension);
  });

  it('an extension character counts two septets', () => {
    expect(gsm7Length('€5 {ok}')).toBe(10);
    expect(gsm7Length('')).toBe(0);
    expect(isGsm7('Solde: 1000 XPF')).toBe(true);
  });

  it('an escape before a code the extension table lacks shows the base-table character', () => {
    expect(decodeGsm7([0x1b, 0x41, 0x1b, 0x00])).toBe('A@');
  });

  it('escape-escape (reserved for a second extension table) shows a space', () => {
    expect(decodeGsm7([0x41, 0x1b, 0x1b, 0x42])).toBe('A B');
  });

  it('a lone escape at the end is dropped rather than refused', () => {
    expect(decodeGsm7([0x48, 0x69, 0x1b])).toBe('Hi');
  });

  it('a value that is not a septet decodes as U+FFFD', () => {
    expect(decodeGsm7([0x41, 200, -1, 1.5])).toBe('A\ufffd\ufffd\ufffd');
  });
});

describe('septet packing', () => {
  it('"hellohello" packs to E8329BFD4697D9EC37 (the TS 23.038 worked example)', () => {
    const septets = septetsOf('hellohello');
    expect(bytesToHex(packSeptets(septets))).toBe('E8329BFD4697D9EC37');
    expect(unpackSeptets(Uint8Array.from(Buffer.from('E8329BFD4697D9EC37', 'hex')), 10)).toEqual(
      septets,
    );
  });

  it('fill bits shift the first septet up inside the first octet', () => {
    expect(bytesToHex(packSeptets([0x41], 1))).toBe('82');
    expect(bytesToHex(packSeptets([0x7f], 6))).toBe('C01F');
    expect(unpackSeptets(Uint8Array.of(0xc0, 0x1f), 1, 6)).toEqual([0x7f]);
  });

  it('eight septets fill exactly seven octets', () => {
    expect(packSeptets(new Array(8).fill(0x7f))).toHaveLength(7);
    expect(packSeptets([])).toHaveLength(0);
  });

  it.each([
    ['a septet above 127', () => packSeptets([128])],
    ['a negative septet', () => packSeptets([-1])],
    ['7 fill bits', () => packSeptets([1], 7)],
    ['a fractional count', () => unpackSeptets(Uint8Array.of(1), 0.5)],
  ])('%s is refused as invalid_septet', (_, run) => {
    expect(pduErrorCode(run)).toBe('invalid_septet');
  });

  it('unpacking more septets than the octets hold is a truncated PDU', () => {
    expect(pduErrorCode(() => unpackSeptets(Uint8Array.of(0xe8, 0x32), 3))).toBe('truncated');
    expect(pduErrorCode(() => unpackSeptets(Uint8Array.of(0xe8), 1, 2))).toBe('truncated');
  });
});

describe('packed USSD strings', () => {
  it('a 7-character request gets a CR so its last 7 bits do not read as "@"', () => {
    expect(packUssd('1234567')).toBe('31D98C56B3DD1A');
    expect(unpackUssd('31D98C56B3DD1A')).toBe('1234567');
  });

  it('without the CR the same octets would end in "@"', () => {
    expect(unpackUssd('31D98C56B3DD00')).toBe('1234567@');
  });

  it('a text ending in a wanted CR on an octet boundary gets a second CR', () => {
    const packed = packUssd('1234567\r');
    expect(packed).toHaveLength(16);
    expect(unpackUssd(packed)).toBe('1234567\r\r');
  });

  it('other lengths are packed as they are', () => {
    expect(packUssd('*100#')).toBe('AA180C3602');
    expect(unpackUssd('AA180C3602')).toBe('*100#');
    expect(unpackUssd('')).toBe('');
  });

  it('a request with no GSM 7-bit form is refused, and so is text that is not hex', () => {
    expect(pduErrorCode(() => packUssd('*100#中'))).toBe('unencodable');
    expect(pduErrorCode(() => unpackUssd('*100#'))).toBe('invalid_hex');
  });
});
