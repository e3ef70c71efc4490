/**
 * How USSD strings cross the modem: the request the client typed, read according to the
 * modem's style and +CSCS charset; the network's answer, printed the same way. The network
 * sends GSM 7-bit (DCS 15) when the text allows it, UCS2 (DCS 72) otherwise (TS 23.038 §5).
 */
import {
  decodeGsm7,
  decodeUcs2Hex,
  encodeGsm7,
  encodeUcs2Hex,
  isGsm7,
  isHex,
  packUssd,
  unpackUssd,
} from '../codecs';
import type { SimulatedModemProfile, UssdAnswerStyle } from './profile';

export type Charset = 'GSM' | 'IRA' | 'UCS2';

const DCS_GSM7 = 15;
const DCS_UCS2 = 72;

/** The request's text, or null when this modem cannot read it (Huawei given plain text). */
export function readUssdRequest(
  str: string,
  style: SimulatedModemProfile['ussd']['request'],
  charset: Charset,
): string | null {
  if (style === 'packed-gsm7-hex') {
    if (str === '' || !isHex(str)) return null;
    return unpackUssd(str);
  }
  if (charset === 'UCS2') return isHex(str) && str.length % 4 === 0 ? decodeUcs2Hex(str) : null;
  if (charset === 'GSM') return decodeGsm7(Array.from(str, (ch) => ch.charCodeAt(0) & 0x7f));
  return str;
}

/** The quoted string and DCS of a `+CUSD` line carrying `text`. */
export function presentUssdAnswer(
  text: string,
  style: UssdAnswerStyle,
  charset: Charset,
): { str: string; dcs: number } {
  if (!isGsm7(text)) return { str: encodeUcs2Hex(text), dcs: DCS_UCS2 };
  if (style === 'packed-gsm7-hex') return { str: packUssd(text), dcs: DCS_GSM7 };
  if (charset === 'UCS2') {
    return { str: encodeUcs2Hex(text), dcs: style === 'ucs2-hex-when-ucs2' ? DCS_UCS2 : DCS_GSM7 };
  }
  if (charset === 'GSM') return { str: gsmCodePoints(text), dcs: DCS_GSM7 };
  return { str: iraText(text), dcs: DCS_GSM7 };
}

/** With +CSCS="GSM" a modem prints each septet as a byte: "é" is 0x05, "€" is ESC 0x65. */
function gsmCodePoints(text: string): string {
  return String.fromCharCode(...(encodeGsm7(text) ?? []));
}

/** With +CSCS="IRA" (ASCII), what ASCII cannot hold becomes "?". */
function iraText(text: string): string {
  return Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    return code === 0x0a || code === 0x0d || (code >= 0x20 && code < 0x7f) ? ch : '?';
  }).join('');
}
