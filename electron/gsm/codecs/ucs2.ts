/**
 * UCS2 as SMS and USSD really carry it: UTF-16 big-endian code units, so characters outside
 * the BMP (emoji) travel as surrogate pairs, which every current handset reassembles.
 */
import { bytesToHex, hexToBytes } from './hex';

/** What a malformed unit decodes to: the Unicode replacement character. */
const REPLACEMENT = '\ufffd';

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * Text to UTF-16BE bytes. A lone surrogate in the input (a broken JS string) is sent as U+FFFD
 * rather than as a unit the receiving phone would choke on.
 */
export function encodeUcs2(text: string): Uint8Array {
  const units = codeUnits(text);
  const out = new Uint8Array(units.length * 2);
  units.forEach((unit, i) => {
    out[i * 2] = unit >> 8;
    out[i * 2 + 1] = unit & 0xff;
  });
  return out;
}

function codeUnits(text: string): number[] {
  const units: number[] = [];
  for (const char of text) {
    const point = char.codePointAt(0) ?? 0xfffd;
    if (point >= 0xd800 && point <= 0xdfff) units.push(0xfffd);
    else if (point > 0xffff) units.push(char.charCodeAt(0), char.charCodeAt(1));
    else units.push(point);
  }
  return units;
}

/** Number of UTF-16 code units `text` takes in UCS2 (an emoji counts 2). */
export function ucs2Length(text: string): number {
  return codeUnits(text).length;
}

/**
 * UTF-16BE bytes to text. Never throws on malformed input: each unpaired surrogate and a
 * trailing odd byte (a truncated unit) decode as U+FFFD, and everything valid is kept.
 */
export function decodeUcs2(bytes: Uint8Array): string {
  let text = '';
  const whole = bytes.length - (bytes.length % 2);
  for (let i = 0; i < whole; i += 2) {
    const unit = ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
    if (isHigh(unit) && i + 2 < whole) {
      const next = ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0);
      if (isLow(next)) {
        text += String.fromCharCode(unit, next);
        i += 2;
        continue;
      }
    }
    text += isHigh(unit) || isLow(unit) ? REPLACEMENT : String.fromCharCode(unit);
  }
  if (whole < bytes.length) text += REPLACEMENT;
  return text;
}

/** Text to UCS2 hex, as `AT+CSCS="UCS2"` modems expect it. */
export function encodeUcs2Hex(text: string): string {
  return bytesToHex(encodeUcs2(text));
}

/** UCS2 hex to text; a PduError only for a string that is not hex at all. */
export function decodeUcs2Hex(hex: string): string {
  return decodeUcs2(hexToBytes(hex));
}
