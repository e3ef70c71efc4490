import { describe, expect, it } from 'vitest';
import { parseNetworkOption } from '../../../electron/cli/serve';

describe('serve --network', () => {
  it.each([
    ['192.168.1.10', { open: true, address: '192.168.1.10', port: 5171 }],
    ['192.168.1.10:6000', { open: true, address: '192.168.1.10', port: 6000 }],
    ['fe80::1', { open: true, address: 'fe80::1', port: 5171 }],
    ['[fe80::1]', { open: true, address: 'fe80::1', port: 5171 }],
    ['[fe80::1]:6000', { open: true, address: 'fe80::1', port: 6000 }],
  ])('reads %s', (text, network) => {
    expect(parseNetworkOption(text)).toEqual(network);
  });

  it.each(['shop.local', '192.168.1.10:80', '192.168.1.10:', '[fe80::1]:x', ''])(
    'refuses %j',
    (text) => {
      expect(() => parseNetworkOption(text)).toThrow(/--network is one of this machine/);
    },
  );
});
