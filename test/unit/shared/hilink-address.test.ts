import { describe, expect, it } from 'vitest';
import {
  hilinkAddressOf,
  hilinkAddressProblem,
  modemSettingsSchema,
} from '../../../shared/modem-bank';

const settings = (path: string) =>
  modemSettingsSchema.safeParse({ id: 'stick-1', carrierId: 'nc-demo', path });

describe("a HiLink stick's address in the modem settings", () => {
  it.each([
    ['http://192.168.8.1', 'http://192.168.8.1'],
    ['http://192.168.8.1/', 'http://192.168.8.1'],
    ['HTTP://192.168.8.1:80/', 'http://192.168.8.1'],
    ['http://127.0.0.1:8081', 'http://127.0.0.1:8081'],
    ['http://hi.link', 'http://hi.link'],
    ['http://e3372-shop-2', 'http://e3372-shop-2'],
    ['http://[fe80::1]', 'http://[fe80::1]'],
  ])('takes %s as the stick at %s', (typed, origin) => {
    expect(hilinkAddressProblem(typed)).toBeNull();
    expect(hilinkAddressOf(typed)).toBe(origin);
    const parsed = settings(typed);
    expect(parsed.success && parsed.data.path).toBe(origin);
  });

  it.each([
    ['https://192.168.8.1', /over http:\/\//],
    ['ftp://192.168.8.1', /over http:\/\//],
    ['http://admin:secret@192.168.8.1', /No user name or password/],
    ['http://admin@192.168.8.1', /No user name or password/],
    ['http://192.168.8.1/api/ussd/send', /without a path/],
    ['http://192.168.8.1/?x=1', /without a path/],
    ['http://192.168.8.1#top', /without a path/],
    ['http://bad_host', /IP address or a host name/],
    ['http://-start.example', /IP address or a host name/],
    ['http://', /Not a URL/],
  ])('refuses %s', (typed, why) => {
    expect(hilinkAddressProblem(typed)).toMatch(why);
    expect(hilinkAddressOf(typed)).toBeNull();
    const parsed = settings(typed);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['path'],
      params: { reason: 'invalid_hilink_address' },
    });
  });

  it('leaves a serial port as it is', () => {
    for (const port of ['/dev/ttyUSB0', '/dev/serial/by-id/usb-HUAWEI-if00-port0', 'COM3']) {
      expect(hilinkAddressOf(port)).toBeNull();
      const parsed = settings(port);
      expect(parsed.success && parsed.data.path).toBe(port);
    }
  });
});
