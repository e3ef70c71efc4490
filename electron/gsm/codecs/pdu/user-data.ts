/**
 * TP-UDL and TP-UD (TS 23.040 §9.2.3.16, §9.2.3.24). The length counts septets for GSM 7-bit
 * and octets otherwise; a header, when present, comes first and GSM 7-bit text then starts on
 * the next septet boundary, after 0..6 fill bits.
 */
import { PduError } from '../errors';
import { decodeGsm7, packSeptets, unpackSeptets } from '../gsm7';
import { decodeUcs2 } from '../ucs2';
import type { Alphabet } from './dcs';
import type { PduReader } from './reader';
import { parseUdh, type UserDataHeader } from './udh';
import type { PduWarning } from './warnings';

interface UserData {
  text: string;
  header: UserDataHeader | null;
  /** Less text than TP-UDL announces was there: the text is the part that came. */
  truncated: boolean;
}

/** What one SMS carries: 140 octets of user data, which is 160 septets. */
export const MAX_SEPTETS = 160;
export const MAX_OCTETS = 140;

/** Septets a header of `octets` octets (UDHL included) occupies, and the fill bits after it. */
export function headerSeptets(octets: number): { septets: number; fillBits: number } {
  const septets = Math.ceil((octets * 8) / 7);
  return { septets, fillBits: septets * 7 - octets * 8 };
}

/**
 * Reads TP-UDL then TP-UD. Trailing octets beyond the UDL are ignored. User data shorter than
 * its UDL (a part cut by the modem or the network) is read as far as it goes, the way
 * python-gsmmodem reads it, and noted in `warnings`; so is a UDL above what one SMS carries.
 * A header that does not fit what came is refused: without it the text cannot be placed.
 */
export function readUserData(
  reader: PduReader,
  alphabet: Alphabet,
  hasHeader: boolean,
  warnings: PduWarning[],
): UserData {
  const udl = reader.byte('user data length');
  const gsm7 = alphabet === 'gsm7';
  const limit = gsm7 ? MAX_SEPTETS : MAX_OCTETS;
  if (udl > limit) {
    warnings.push({
      code: 'user_data_length_too_long',
      message: `User data length ${udl} is more than one SMS carries (${limit})`,
    });
  }
  const announced = gsm7 ? Math.ceil((Math.min(udl, limit) * 7) / 8) : Math.min(udl, limit);
  const data = reader.take(Math.min(announced, reader.remaining), 'user data');
  if (data.length < announced) {
    warnings.push({
      code: 'user_data_short',
      message: `User data ends after ${data.length} of the ${announced} octets announced`,
    });
  }
  // Septets actually present: every whole septet in the octets that came.
  const septets = Math.min(udl, limit, Math.floor((data.length * 8) / 7));
  const truncated = udl > limit || data.length < announced;
  let headerOctets = 0;
  let header: UserDataHeader | null = null;
  if (hasHeader) {
    // Empty user data has no room even for the UDHL octet.
    headerOctets = (data[0] ?? Number.POSITIVE_INFINITY) + 1;
    if (headerOctets > data.length) {
      throw new PduError('udh_too_long', 'The user-data header is longer than the user data');
    }
    header = parseUdh(data.subarray(1, headerOctets));
  }
  const body = data.subarray(headerOctets);
  // A cut UCS2 text can end in half a code unit, which is dropped.
  if (alphabet === 'ucs2')
    return { text: decodeUcs2(body.subarray(0, body.length & ~1)), header, truncated };
  // 8-bit data has no character set; Latin-1 keeps every octet visible and reversible.
  if (alphabet === '8bit') return { text: Buffer.from(body).toString('latin1'), header, truncated };
  const skip = headerSeptets(headerOctets);
  if (skip.septets > septets) {
    throw new PduError('udh_too_long', 'The user-data header is longer than the user data');
  }
  return {
    text: decodeGsm7(unpackSeptets(body, septets - skip.septets, skip.fillBits)),
    header,
    truncated,
  };
}

/** A part's body, ready to encode: septets for GSM 7-bit, octets otherwise. */
export type UserDataBody =
  | { alphabet: 'gsm7'; septets: number[] }
  | { alphabet: 'ucs2' | '8bit'; octets: Uint8Array };

/** TP-UDL followed by TP-UD, with an optional header (UDHL included). */
export function encodeUserData(
  body: UserDataBody,
  header: Uint8Array = new Uint8Array(0),
): Uint8Array {
  const gsm7 = body.alphabet === 'gsm7';
  const skip = headerSeptets(header.length);
  const udl = gsm7 ? skip.septets + body.septets.length : header.length + body.octets.length;
  if (udl > (gsm7 ? MAX_SEPTETS : MAX_OCTETS)) {
    throw new PduError('too_long', `${udl} ${gsm7 ? 'septets' : 'octets'} do not fit one part`);
  }
  const payload = gsm7 ? packSeptets(body.septets, skip.fillBits) : body.octets;
  return Uint8Array.of(udl, ...header, ...payload);
}
