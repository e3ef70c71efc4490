/**
 * Address fields (TS 23.040 §9.1.2.5) and the SMSC address that +CMGR puts in front of a TPDU
 * (TS 24.011 §8.2.5.1). Digits travel as swapped semi-octets; alphanumeric senders (TOA 0xD0)
 * as packed GSM 7-bit, with the length counted in semi-octets.
 */
import { PduError } from '../errors';
import { decodeGsm7, encodeGsm7, packSeptets, unpackSeptets } from '../gsm7';
import type { PduReader } from './reader';

export type AddressType =
  | 'unknown'
  | 'international'
  | 'national'
  | 'network'
  | 'subscriber'
  | 'alphanumeric'
  | 'abbreviated'
  | 'reserved';

const TYPES: readonly AddressType[] = [
  'unknown',
  'international',
  'national',
  'network',
  'subscriber',
  'alphanumeric',
  'abbreviated',
  'reserved',
];

interface Address {
  /** "+33612345678" when international, the digits otherwise, the text when alphanumeric. */
  address: string;
  type: AddressType;
  /** The raw type-of-address octet. */
  toa: number;
}

const TOA_INTERNATIONAL = 0x91;
const TOA_UNKNOWN = 0x81;
const TOA_ALPHANUMERIC = 0xd0;
/** 20 semi-octets (TS 23.040): 20 digits or 11 packed characters. */
const MAX_TP_SEMI_OCTETS = 20;
/** TOA plus 10 octets of digits (TS 24.011 RP-address). */
const MAX_SMSC_OCTETS = 11;
// Semi-octet values 10..14 are '*', '#', 'a', 'b', 'c'; 15 is the filler (TS 24.008 §10.5.4.7).
const DIGITS = '0123456789*#abc';
const DIALLABLE = /^[0-9*#]+$/;

/** The type a TOA octet names (bits 6..4). */
function addressType(toa: number): AddressType {
  return TYPES[(toa >> 4) & 0x07] ?? 'unknown';
}

/** Reads a TP address (TP-OA, TP-DA, TP-RA): length in semi-octets, TOA, value. */
export function readAddress(reader: PduReader): Address {
  const semiOctets = reader.byte('address length');
  if (semiOctets > MAX_TP_SEMI_OCTETS) {
    throw new PduError('invalid_address', `An address cannot hold ${semiOctets} semi-octets`);
  }
  const toa = reader.byte('type of address');
  const value = reader.take(Math.ceil(semiOctets / 2), 'address');
  const type = addressType(toa);
  if (type === 'alphanumeric') {
    return {
      address: decodeGsm7(unpackSeptets(value, Math.floor((semiOctets * 4) / 7))),
      type,
      toa,
    };
  }
  return { address: withPlus(type, semiOctetsToDigits(value, semiOctets)), type, toa };
}

/** Reads the SMSC address: length in octets including the TOA; 0 means "none", hence null. */
export function readSmscAddress(reader: PduReader): Address | null {
  const octets = reader.byte('SMSC length');
  if (octets === 0) return null;
  if (octets > MAX_SMSC_OCTETS) {
    throw new PduError('invalid_address', `An SMSC address cannot be ${octets} octets long`);
  }
  const toa = reader.byte('SMSC type of address');
  const value = reader.take(octets - 1, 'SMSC address');
  const type = addressType(toa);
  const digits = semiOctetsToDigits(value, value.length * 2);
  return digits === '' ? null : { address: withPlus(type, digits), type, toa };
}

function withPlus(type: AddressType, digits: string): string {
  return type === 'international' && digits !== '' ? `+${digits}` : digits;
}

function semiOctetsToDigits(value: Uint8Array, count: number): string {
  let digits = '';
  for (let i = 0; i < count; i++) {
    const octet = value[i >> 1] ?? 0xff;
    digits += DIGITS[i % 2 === 0 ? octet & 0x0f : octet >> 4] ?? '';
  }
  return digits;
}

function digitsToSemiOctets(digits: string): Uint8Array {
  const out = new Uint8Array(Math.ceil(digits.length / 2)).fill(0xff);
  for (let i = 0; i < digits.length; i++) {
    const nibble = DIGITS.indexOf(digits.charAt(i));
    const index = i >> 1;
    out[index] =
      i % 2 === 0
        ? ((out[index] ?? 0) & 0xf0) | nibble
        : ((out[index] ?? 0) & 0x0f) | (nibble << 4);
  }
  return out;
}

/**
 * Encodes an address. "+digits" gets TOA 0x91; bare digits (national numbers, short codes)
 * 0x81; anything else is an alphanumeric address (TOA 0xD0), which only a TP address can be.
 * With `smsc`, the length counts octets including the TOA, and "" encodes as "no SMSC" (00).
 */
export function encodeAddress(address: string, options: { smsc?: boolean } = {}): Uint8Array {
  const international = address.startsWith('+') && DIALLABLE.test(address.slice(1));
  const digits = international ? address.slice(1) : address;
  if (options.smsc) {
    if (address === '') return Uint8Array.of(0);
    if (!DIALLABLE.test(digits) || digits.length > (MAX_SMSC_OCTETS - 1) * 2) {
      throw new PduError('invalid_address', `Not an SMSC number: ${address}`);
    }
    const value = digitsToSemiOctets(digits);
    return Uint8Array.of(
      value.length + 1,
      international ? TOA_INTERNATIONAL : TOA_UNKNOWN,
      ...value,
    );
  }
  if (international || address === '' || DIALLABLE.test(address)) {
    if (digits.length > MAX_TP_SEMI_OCTETS) {
      throw new PduError('invalid_address', `Too many digits: ${address}`);
    }
    const toa = international ? TOA_INTERNATIONAL : TOA_UNKNOWN;
    return Uint8Array.of(digits.length, toa, ...digitsToSemiOctets(digits));
  }
  return encodeAlphanumeric(address);
}

function encodeAlphanumeric(text: string): Uint8Array {
  const septets = encodeGsm7(text);
  if (septets === null) throw new PduError('unencodable', `No GSM 7-bit form: ${text}`);
  const semiOctets = Math.ceil((septets.length * 7) / 4);
  if (semiOctets > MAX_TP_SEMI_OCTETS) {
    throw new PduError('invalid_address', `An alphanumeric address holds 11 characters at most`);
  }
  return Uint8Array.of(semiOctets, TOA_ALPHANUMERIC, ...packSeptets(septets));
}
