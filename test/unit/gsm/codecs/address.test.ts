import { describe, expect, it } from 'vitest';
import {
  bytesToHex,
  encodeAddress,
  hexToBytes,
  PduReader,
  readAddress,
  readSmscAddress,
} from '../../../../electron/gsm/codecs';
import { pduErrorCode } from './helpers';

const read = (hex: string) => readAddress(new PduReader(hexToBytes(hex)));
const readSmsc = (hex: string) => readSmscAddress(new PduReader(hexToBytes(hex)));

describe('address fields', () => {
  it.each([
    ['an international number', '+27820001111', '0B917228001011F1'],
    ['a national number', '0829200000', '0A818092020000'],
    ['a short code', '8888', '04818888'],
    ['a USSD-style code with * and #', '*100#', '05811A00FB'],
    ['an alphanumeric sender', 'Megafon', '0DD0CDF2396C7EBB01'],
    ['an 11-character alphanumeric sender', 'InternetSMS', '14D04937BD2C7797E9D3E614'],
    ['an empty address', '', '0081'],
  ])('%s is encoded and read back', (_, address, hex) => {
    expect(bytesToHex(encodeAddress(address))).toBe(hex);
    expect(read(hex).address).toBe(address);
  });

  it('an alphanumeric sender is unpacked from the address field', () => {
    expect(read('14D04937BD2C7797E9D3E614')).toEqual({
      address: 'InternetSMS',
      type: 'alphanumeric',
      toa: 0xd0,
    });
  });

  it('the type of number decides whether a "+" is shown', () => {
    expect(read('0AA18092020000')).toEqual({ address: '0829200000', type: 'national', toa: 0xa1 });
    expect(read('0BC87238880900F1')).toEqual({
      address: '27838890001',
      type: 'subscriber',
      toa: 0xc8,
    });
    expect(read('0B917228001011F1').type).toBe('international');
  });

  it('the SMSC address counts octets, TOA included, and an empty one is null', () => {
    expect(bytesToHex(encodeAddress('+2782913593', { smsc: true }))).toBe('06917228195339');
    expect(bytesToHex(encodeAddress('', { smsc: true }))).toBe('00');
    expect(readSmsc('06917228195339')?.address).toBe('+2782913593');
    expect(readSmsc('07917283010010F5')?.address).toBe('+27381000015');
    expect(readSmsc('00')).toBeNull();
    expect(readSmsc('0191')).toBeNull();
  });

  it.each([
    [
      '12 characters are too many for an alphanumeric address',
      () => encodeAddress('ABCDEFGHIJKL'),
      'invalid_address',
    ],
    ['21 digits are too many', () => encodeAddress('1'.repeat(21)), 'invalid_address'],
    ['an alphanumeric address needs GSM characters', () => encodeAddress('商店'), 'unencodable'],
    ['an SMSC must be a number', () => encodeAddress('Shop', { smsc: true }), 'invalid_address'],
    ['a length of 21 semi-octets is refused', () => read('15910000'), 'invalid_address'],
    ['an SMSC of 12 octets is refused', () => readSmsc('0C91'), 'invalid_address'],
    ['an address cut short is a truncated PDU', () => read('0B91722800'), 'truncated'],
    ['an address without its TOA is a truncated PDU', () => read('0B'), 'truncated'],
  ])('%s', (_, run, code) => {
    expect(pduErrorCode(run)).toBe(code);
  });
});
