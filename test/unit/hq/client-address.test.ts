import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from '../../../electron/hq/client-address';

const trusted = new Set(['127.0.0.1', '10.0.0.5', '::1']);

describe('the address a head-office request is counted under', () => {
  it.each([
    [
      'no proxy trusted: the peer, whatever the header says',
      '127.0.0.1',
      '198.51.100.7',
      new Set<string>(),
      '127.0.0.1',
    ],
    ['a peer that is no trusted proxy: itself', '192.0.2.9', '198.51.100.7', trusted, '192.0.2.9'],
    [
      'a trusted proxy: the address it forwards',
      '127.0.0.1',
      '198.51.100.7',
      trusted,
      '198.51.100.7',
    ],
    ['a trusted proxy forwarding nothing: itself', '127.0.0.1', undefined, trusted, '127.0.0.1'],
    [
      'what the client wrote first is not believed',
      '127.0.0.1',
      '203.0.113.1, 198.51.100.7',
      trusted,
      '198.51.100.7',
    ],
    [
      'through two trusted proxies: the one before them',
      '127.0.0.1',
      '198.51.100.7,10.0.0.5',
      trusted,
      '198.51.100.7',
    ],
    ['only trusted proxies forwarded: the peer', '127.0.0.1', '10.0.0.5', trusted, '127.0.0.1'],
    [
      'a hop that is no address: the peer',
      '127.0.0.1',
      '198.51.100.7, unknown',
      trusted,
      '127.0.0.1',
    ],
    [
      'an IPv4 peer on a dual-stack socket',
      '::ffff:127.0.0.1',
      '198.51.100.7',
      trusted,
      '198.51.100.7',
    ],
    ['IPv6, in any case', '::1', '2001:DB8::7', trusted, '2001:db8::7'],
    [
      'the header sent twice reads as one list',
      '127.0.0.1',
      ['203.0.113.1', '198.51.100.7'],
      trusted,
      '198.51.100.7',
    ],
  ] as const)('%s', (_case, peer, forwardedFor, proxies, expected) => {
    expect(clientAddress(peer, forwardedFor as string | string[] | undefined, proxies)).toBe(
      expected,
    );
  });
});

describe('--trust-proxy', () => {
  it('takes IP addresses, comma-separated', () => {
    expect(parseTrustedProxies('127.0.0.1, 10.0.0.5,::FFFF:10.0.0.6,fd00::1')).toEqual({
      ok: true,
      proxies: new Set(['127.0.0.1', '10.0.0.5', '10.0.0.6', 'fd00::1']),
    });
  });

  it.each([
    ['', 'an empty entry'],
    ['127.0.0.1,,10.0.0.5', 'an empty entry'],
    ['10.0.0.0/8', '"10.0.0.0/8" is not an IP address'],
    ['proxy.example', '"proxy.example" is not an IP address'],
    ['true', '"true" is not an IP address'],
  ])('refuses %j', (text, problem) => {
    expect(parseTrustedProxies(text)).toEqual({ ok: false, problem });
  });
});
