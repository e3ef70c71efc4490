import { describe, expect, it } from 'vitest';
import {
  bytesToHex,
  encodeRelativeValidity,
  encodeTimestamp,
  hexToBytes,
  PduReader,
  readTimestamp,
  relativeValidityMinutes,
} from '../../../../electron/gsm/codecs';
import { pduErrorCode } from './helpers';

const read = (hex: string) => readTimestamp(new PduReader(hexToBytes(hex)));

describe('service-centre timestamps', () => {
  it.each([
    ['a zone of +8 quarters', '31308051206180', '2013-03-08T15:02:16+02:00'],
    ['a negative zone (sign in bit 3)', '21405291650569', '2012-04-25T19:56:50-04:00'],
    ['New Caledonia, +11:00', '52100121430044', '2025-01-10T12:34:00+11:00'],
    ['Nepal, +05:45 (23 quarters)', '52100121430032', '2025-01-10T12:34:00+05:45'],
    ['Newfoundland, -03:30', '52100121430049', '2025-01-10T12:34:00-03:30'],
    ['UTC', '52100121430000', '2025-01-10T12:34:00+00:00'],
    ['a 1999 test PDU (POSIX two-digit year pivot)', '99309251619580', '1999-03-29T15:16:59+02:00'],
  ])('%s reads as local time with its offset', (_, hex, iso) => {
    expect(read(hex)).toBe(iso);
    expect(bytesToHex(encodeTimestamp(iso))).toBe(hex);
  });

  it.each([
    ['a digit above 9', '31F08051206180'],
    ['month 13', '31318051206180'],
    ['day 0', '31300051206180'],
    ['hour 24', '31308042206180'],
    ['second 60', '31308051200680'],
  ])('%s is an invalid timestamp', (_, hex) => {
    expect(pduErrorCode(() => read(hex))).toBe('invalid_timestamp');
  });

  it('six octets are a truncated timestamp', () => {
    expect(pduErrorCode(() => read('313080512061'))).toBe('truncated');
  });

  it.each([
    '2013-03-08T15:02:16+02:10',
    '2070-01-01T00:00:00+00:00',
    '2013-13-08T15:02:16+02:00',
    'yesterday',
  ])('%s cannot be encoded', (iso) => {
    expect(pduErrorCode(() => encodeTimestamp(iso))).toBe('invalid_argument');
  });
});

describe('relative validity periods', () => {
  it.each([
    [5, 0],
    [6, 1],
    [12 * 60, 143],
    [12 * 60 + 1, 144],
    [24 * 60, 167],
    [2 * 24 * 60, 168],
    [4 * 24 * 60, 0xaa],
    [30 * 24 * 60, 196],
    [5 * 7 * 24 * 60, 197],
    [63 * 7 * 24 * 60, 255],
    [100 * 7 * 24 * 60, 255],
  ])('%d minutes is the octet %d (rounded up to the next step)', (minutes, octet) => {
    expect(encodeRelativeValidity(minutes)).toBe(octet);
    expect(relativeValidityMinutes(octet)).toBeGreaterThanOrEqual(
      Math.min(minutes, 63 * 7 * 24 * 60),
    );
  });

  it('a validity of zero or less is refused', () => {
    expect(pduErrorCode(() => encodeRelativeValidity(0))).toBe('invalid_argument');
    expect(pduErrorCode(() => encodeRelativeValidity(Number.NaN))).toBe('invalid_argument');
  });
});
