/**
 * The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038 §6.2.1), septet
 * packing (§6.1.2.1) and the USSD padding rule (§6.1.2.3.1).
 */
import { PduError } from './errors';
import { bytesToHex, hexToBytes } from './hex';

/** Septet 0x1B: the next septet is read in the extension table. */
export const GSM7_ESCAPE = 0x1b;
const CR = 0x0d;

// Index = septet value. Position 0x1B holds the escape itself and is never used for a character.
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

const EXTENSION: ReadonlyArray<readonly [number, string]> = [
  [0x0a, '\f'],
  [0x14, '^'],
  [0x28, '{'],
  [0x29, '}'],
  [0x2f, '\\'],
  [0x3c, '['],
  [0x3d, '~'],
  [0x3e, ']'],
  [0x40, '|'],
  [0x65, '€'],
];

const extensionBySeptet = new Map<number, string>(EXTENSION);
const septetsByChar = new Map<string, readonly number[]>();
Array.from(BASIC).forEach((char, septet) => {
  if (septet !== GSM7_ESCAPE) septetsByChar.set(char, [septet]);
});
for (const [septet, char] of EXTENSION) septetsByChar.set(char, [GSM7_ESCAPE, septet]);

/** Text to septets (an extension character becomes escape + code), or null if any character
 * has no GSM 7-bit form. Iterates code points, so an emoji is one unrepresentable character. */
export function encodeGsm7(text: string): number[] | null {
  const septets: number[] = [];
  for (const char of text) {
    const code = septetsByChar.get(char);
    if (code === undefined) return null;
    septets.push(...code);
  }
  return septets;
}

/**
 * Septets to text. An escape followed by a code the extension table does not define shows the
 * base-table character (§6.2.1.1); escape-escape is shown as a space (the reserved "second
 * extension table" code); a lone escape at the very end is dropped, since it can only be the
 * remains of a sender that split an escape sequence. Values outside 0..127 become U+FFFD.
 */
export function decodeGsm7(septets: readonly number[]): string {
  let text = '';
  for (let i = 0; i < septets.length; i++) {
    const septet = septets[i] ?? 0;
    if (septet === GSM7_ESCAPE) {
      if (i + 1 >= septets.length) break;
      const next = septets[++i] ?? 0;
      text += next === GSM7_ESCAPE ? ' ' : (extensionBySeptet.get(next) ?? baseChar(next));
    } else {
      text += baseChar(septet);
    }
  }
  return text;
}

function baseChar(septet: number): string {
  return Number.isInteger(septet) && septet >= 0 && septet < 128
    ? (BASIC[septet] ?? '\ufffd')
    : '\ufffd';
}

/** Whether every character of `text` has a GSM 7-bit form. */
export function isGsm7(text: string): boolean {
  return encodeGsm7(text) !== null;
}

/** Length in septets (an extension character counts 2), or null if not representable. */
export function gsm7Length(text: string): number | null {
  return encodeGsm7(text)?.length ?? null;
}

function checkFillBits(fillBits: number): void {
  if (!Number.isInteger(fillBits) || fillBits < 0 || fillBits > 6) {
    throw new PduError('invalid_septet', `Fill bits must be 0..6, got ${fillBits}`);
  }
}

/**
 * Packs septets little-end first into octets (§6.1.2.1.1). `fillBits` zero bits come first:
 * they align the text on a septet boundary after a user-data header (TS 23.040 §9.2.3.24).
 */
export function packSeptets(septets: readonly number[], fillBits = 0): Uint8Array {
  checkFillBits(fillBits);
  const out = new Uint8Array(Math.ceil((fillBits + septets.length * 7) / 8));
  let bit = fillBits;
  for (const septet of septets) {
    if (!Number.isInteger(septet) || septet < 0 || septet > 127) {
      throw new PduError('invalid_septet', `Not a septet: ${septet}`);
    }
    const index = bit >> 3;
    const shift = bit & 7;
    out[index] = (out[index] ?? 0) | ((septet << shift) & 0xff);
    if (shift > 1) out[index + 1] = (out[index + 1] ?? 0) | (septet >> (8 - shift));
    bit += 7;
  }
  return out;
}

/** Reads `count` septets after `fillBits` leading bits; a PduError if the bytes run out. */
export function unpackSeptets(bytes: Uint8Array, count: number, fillBits = 0): number[] {
  checkFillBits(fillBits);
  if (!Number.isInteger(count) || count < 0) {
    throw new PduError('invalid_septet', `Septet count must be a natural number, got ${count}`);
  }
  if (Math.ceil((fillBits + count * 7) / 8) > bytes.length) {
    throw new PduError('truncated', `${bytes.length} octets cannot hold ${count} septets`);
  }
  const septets: number[] = [];
  for (let i = 0, bit = fillBits; i < count; i++, bit += 7) {
    const index = bit >> 3;
    const shift = bit & 7;
    const low = (bytes[index] ?? 0) >> shift;
    const high = shift > 1 ? (bytes[index + 1] ?? 0) << (8 - shift) : 0;
    septets.push((low | high) & 0x7f);
  }
  return septets;
}

/**
 * Packs a USSD string as hex, the way Huawei-style modems want it. 7 spare bits at the end
 * would read back as '@', so a text of 8n-1 septets gets a CR; a text that ends with a wanted
 * CR exactly on an octet boundary gets a second CR (TS 23.038 §6.1.2.3.1).
 */
export function packUssd(text: string): string {
  const septets = encodeGsm7(text);
  if (septets === null) throw new PduError('unencodable', 'Text has no GSM 7-bit form');
  const remainder = septets.length % 8;
  if (remainder === 7 || (remainder === 0 && septets.at(-1) === CR)) septets.push(CR);
  return bytesToHex(packSeptets(septets));
}

/** Unpacks a packed-GSM7 hex USSD string, dropping the CR that padded a 7-bit gap. */
export function unpackUssd(hex: string): string {
  const bytes = hexToBytes(hex);
  const septets = unpackSeptets(bytes, Math.floor((bytes.length * 8) / 7));
  if (septets.length % 8 === 0 && septets.at(-1) === CR) septets.pop();
  return decodeGsm7(septets);
}
