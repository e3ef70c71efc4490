/**
 * Service-centre timestamps (TS 23.040 §9.2.3.11) and validity periods (§9.2.3.12).
 * A timestamp is local time plus a zone in quarter hours, so it is returned as an ISO 8601
 * string with that offset ("2013-03-08T15:02:16+02:00"): the wall clock the network meant,
 * without converting through the host's zone.
 */
import { PduError } from '../errors';
import { bytesToHex } from '../hex';
import { PduReader } from './reader';
import type { PduWarning } from './warnings';

const SIGN_BIT = 0x08;

/**
 * Reads the 7 swapped-semi-octet fields YY MM DD hh mm ss zz. Two-digit years follow the POSIX
 * `%y` pivot: 69..99 are 1969..1999 (old test PDUs), 00..68 are 2000..2068.
 *
 * With `warnings`, a zone octet whose nibbles are not decimal is read the way oFono's
 * `decode_scts` reads it (each nibble at its value, tens from the three low bits) and noted
 * there, rather than losing the message for the zone; the date and time must still be valid.
 */
export function readTimestamp(
  reader: PduReader,
  field = 'timestamp',
  warnings?: PduWarning[],
): string {
  const octets = reader.take(7, field);
  const parts = Array.from(octets.subarray(0, 6), (octet) => swappedBcd(octet));
  const zoneOctet = octets[6] ?? 0;
  // The zone is BCD too, but bit 3 of the octet (the tens digit's top bit) carries the sign.
  let quarters = swappedBcd(zoneOctet & ~SIGN_BIT);
  if (Number.isNaN(quarters) && warnings) {
    quarters = (zoneOctet & 0x07) * 10 + (zoneOctet >> 4);
    warnings.push({
      code: 'zone_not_decimal',
      message: `The ${field} zone octet ${bytesToHex(octets.subarray(6))} is not decimal`,
    });
  }
  const [year, month, day, hour, minute, second] = parts as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (
    parts.some(Number.isNaN) ||
    Number.isNaN(quarters) ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw new PduError(
      'invalid_timestamp',
      `Not a service-centre timestamp: ${bytesToHex(octets)}`,
    );
  }
  const sign = zoneOctet & SIGN_BIT ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(quarters / 4))}:${pad((quarters % 4) * 15)}`;
  return `${year < 69 ? 2000 + year : 1900 + year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${zone}`;
}

const ISO = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)([+-])(\d\d):(\d\d)$/;

/** The inverse of readTimestamp, for the simulator and tests. Offsets must be whole quarters. */
export function encodeTimestamp(iso: string): Uint8Array {
  const refuse = () => new PduError('invalid_argument', `Cannot encode ${iso} as a timestamp`);
  const match = ISO.exec(iso);
  if (!match) throw refuse();
  const [year, ...rest] = match.slice(1, 7).map(Number) as [number, ...number[]];
  const quarters = (Number(match[8]) * 60 + Number(match[9])) / 15;
  if (year < 1969 || year > 2068 || !Number.isInteger(quarters) || quarters > 79) throw refuse();
  const zone = toSwappedBcd(quarters) | (match[7] === '-' ? SIGN_BIT : 0);
  const octets = Uint8Array.of(toSwappedBcd(year % 100), ...rest.map(toSwappedBcd), zone);
  // Reading it back catches the remaining nonsense (month 13, minute 75) in one place.
  try {
    if (readTimestamp(new PduReader(octets)) === iso) return octets;
  } catch {}
  throw refuse();
}

function swappedBcd(octet: number): number {
  const tens = octet & 0x0f;
  const units = octet >> 4;
  return tens > 9 || units > 9 ? Number.NaN : tens * 10 + units;
}

function toSwappedBcd(value: number): number {
  return ((value % 10) << 4) | Math.floor(value / 10);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Relative validity (TP-VPF = 10): the smallest TP-VP octet lasting at least `minutes`. */
export function encodeRelativeValidity(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes <= 0) {
    throw new PduError('invalid_argument', `Validity must be a positive number of minutes`);
  }
  for (let octet = 0; octet < 255; octet++) {
    if (relativeValidityMinutes(octet) >= minutes) return octet;
  }
  return 255;
}

/** Minutes a relative TP-VP octet stands for (5-minute, half-hour, day and week steps). */
export function relativeValidityMinutes(octet: number): number {
  if (octet <= 143) return (octet + 1) * 5;
  if (octet <= 167) return 12 * 60 + (octet - 143) * 30;
  if (octet <= 196) return (octet - 166) * 24 * 60;
  return (octet - 192) * 7 * 24 * 60;
}
