import { describe, expect, it } from 'vitest';
import {
  addDraftOf,
  canAdd,
  type DetectedDevice,
  suggestModemId,
} from '../../../../renderer/settings/detected-modems';

const modem = {
  imei: '356938035643809',
  iccid: '89687010000123456788',
  imsi: '546010123456789',
  operator: 'NC Mobile',
  signal: 3,
  carrierGuess: 'nc-demo',
};

const found: DetectedDevice = {
  path: '/dev/ttyUSB2',
  byId: '/dev/serial/by-id/usb-Quectel_EC25-if02-port0',
  usb: { vendorId: '2c7c', productId: '0125', interface: 2, driver: 'option' },
  role: 'at',
  modem,
  link: 'serial',
  configuredAs: null,
};

describe('a modem found by detection, added from the settings', () => {
  it.each([
    ['a modem on its AT port, not in the bank', found, true],
    ['one already in the bank', { ...found, configuredAs: 'modem-1' }, false],
    ['a port of another use', { ...found, role: 'other' as const, modem: null }, false],
    ['a port that did not answer', { ...found, role: 'unknown' as const, modem: null }, false],
    ['an AT port whose modem did not open', { ...found, modem: null }, false],
    [
      'a HiLink stick (its web address, no AT port)',
      { ...found, link: 'hilink' as const, role: 'other' as const },
      true,
    ],
  ])('%s: Add offered → %s', (_, device, offered) => {
    expect(canAdd(device)).toBe(offered);
  });

  it.each([
    [[], 'modem-1'],
    [['modem-1', 'modem-2'], 'modem-3'],
    [['modem-2', 'counter'], 'modem-1'],
  ])('is named after the modems %j: %s', (taken, id) => {
    expect(suggestModemId(taken)).toBe(id);
  });

  it('takes its by-id port, the guessed carrier when the shop sells it, and the next free name', () => {
    const context = {
      taken: ['modem-1'],
      carrierIds: ['nc-demo', 'other'],
      currentCarrierId: 'other',
    };
    expect(addDraftOf(found, context)).toEqual({
      id: 'modem-2',
      carrierId: 'nc-demo',
      path: '/dev/serial/by-id/usb-Quectel_EC25-if02-port0',
    });
    const unguessed = { ...found, byId: null, modem: { ...modem, carrierGuess: 'gone' } };
    expect(addDraftOf(unguessed, context)).toEqual({
      id: 'modem-2',
      carrierId: 'other',
      path: '/dev/ttyUSB2',
    });
  });
});
