/**
 * Data coding schemes (TS 23.038). SMS uses the scheme of §4; USSD and cell broadcast use the
 * different one of §5, where for example 0x0F means "GSM 7-bit, language unspecified".
 * Codings the spec marks reserved are read as GSM 7-bit, as §4 tells a receiver to.
 */
import { PduError } from '../errors';

export type Alphabet = 'gsm7' | '8bit' | 'ucs2';
export type MessageClass = 0 | 1 | 2 | 3;

interface SmsDcs {
  alphabet: Alphabet;
  /** Class 0 is a flash SMS (shown, not stored); null when the DCS names no class. */
  messageClass: MessageClass | null;
}

/** Bits 3..2 of the general data coding groups; 11 is reserved, hence GSM 7-bit. */
function generalAlphabet(dcs: number): Alphabet {
  const bits = (dcs >> 2) & 0x03;
  return bits === 1 ? '8bit' : bits === 2 ? 'ucs2' : 'gsm7';
}

/** Reads an SMS TP-DCS; compressed text (bit 5 of the general groups) is a PduError. */
export function parseSmsDcs(dcs: number): SmsDcs {
  const group = dcs >> 4;
  const messageClass = (dcs & 0x03) as MessageClass;
  if (group <= 0x07) {
    // 00xx xxxx general, 01xx xxxx automatic deletion: same layout.
    if (dcs & 0x20) {
      throw new PduError('compressed_unsupported', `DCS 0x${hex(dcs)} announces compressed text`);
    }
    return { alphabet: generalAlphabet(dcs), messageClass: dcs & 0x10 ? messageClass : null };
  }
  if (group === 0x0e) return { alphabet: 'ucs2', messageClass: null }; // message waiting, UCS2
  if (group === 0x0f) return { alphabet: dcs & 0x04 ? '8bit' : 'gsm7', messageClass };
  return { alphabet: 'gsm7', messageClass: null }; // reserved groups and message waiting, GSM7
}

export interface CbsDcs {
  alphabet: Alphabet;
  /**
   * How a language indication precedes the text: 'gsm7' (DCS 0x10: two letters and a CR),
   * 'ucs2' (DCS 0x11: two packed GSM 7-bit letters in two octets, then UCS2), or none.
   */
  languagePrefix: 'gsm7' | 'ucs2' | null;
  compressed: boolean;
}

/** Reads a cell-broadcast DCS, the scheme of `+CUSD: m,"str",dcs` (TS 23.038 §5). */
export function parseCbsDcs(dcs: number): CbsDcs {
  const group = dcs >> 4;
  const plain = (alphabet: Alphabet): CbsDcs => ({
    alphabet,
    languagePrefix: null,
    compressed: false,
  });
  if (dcs === 0x10) return { alphabet: 'gsm7', languagePrefix: 'gsm7', compressed: false };
  if (dcs === 0x11) return { alphabet: 'ucs2', languagePrefix: 'ucs2', compressed: false };
  if (group >= 0x04 && group <= 0x07) {
    return { alphabet: generalAlphabet(dcs), languagePrefix: null, compressed: (dcs & 0x20) !== 0 };
  }
  if (group === 0x09) return plain(generalAlphabet(dcs)); // message with a user-data header
  if (group === 0x0e) return plain('8bit'); // defined by the WAP Forum: binary
  if (group === 0x0f) return plain(dcs & 0x04 ? '8bit' : 'gsm7');
  return plain('gsm7'); // 0000 languages, 0010 languages, and the reserved groups
}

function hex(value: number): string {
  return value.toString(16).padStart(2, '0').toUpperCase();
}
