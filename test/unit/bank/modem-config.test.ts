/**
 * How a configured modem enters the bank: bound to its dealer SIM whatever its link, so no
 * top-up goes out from another SIM after a restart or a save (a HiLink stick answers on the
 * same address whatever SIM is in it).
 */
import { describe, expect, it } from 'vitest';
import { modemConfigOf } from '../../../electron/bank/api';
import { modemSettingsSchema } from '../../../shared/modem-bank';

const bound = { iccid: '89687010000123456788', imei: '356938035643809' };

describe('a configured modem in the bank', () => {
  it.each([
    ['on a serial port', '/dev/serial/by-id/usb-Quectel_EC25-if02-port0', 'serial'],
    ['a HiLink stick', 'http://192.168.8.1', 'hilink'],
  ])('%s keeps its dealer SIM', (_, path, kind) => {
    const settings = modemSettingsSchema.parse({
      id: 'modem-1',
      carrierId: 'nc-demo',
      path,
      ...bound,
    });
    const config = modemConfigOf(settings);
    expect(config.port.kind).toBe(kind);
    expect(config).toMatchObject(bound);
  });
});
