import { describe, expect, it } from 'vitest';
import { parseRequestTarget } from '../../../electron/host/request-target';

describe('reading where a request goes', () => {
  it.each([
    ['/api', { kind: 'api-listing' }],
    ['/api?x=1', { kind: 'api-listing' }],
    ['/api/sales.list', { kind: 'procedure', name: 'sales.list' }],
    ['/api/sales%2Elist', { kind: 'procedure', name: 'sales.list' }],
    ['/api/a%2Fb', { kind: 'procedure', name: 'a/b' }],
    ['/api/a/b', { kind: 'api-unknown' }],
    ['/apix', { kind: 'api-unknown' }],
    ['/', { kind: 'file', path: '/' }],
    ['/events', { kind: 'file', path: '/events' }],
    ['/assets/app.js?v=2#top', { kind: 'file', path: '/assets/app.js' }],
    ['/..%2f..%2fetc%2fpasswd', { kind: 'file', path: '/../../etc/passwd' }],
    ['/%2e%2e/secret.txt', { kind: 'file', path: '/secret.txt' }],
    ['/index.html%00.js', { kind: 'file', path: '/index.html\0.js' }],
    ['//[', { kind: 'file', path: '//[' }],
    ['//attacker.example/api', { kind: 'file', path: '//attacker.example/api' }],
    ['http://127.0.0.1:5170/api/shop.get', { kind: 'procedure', name: 'shop.get' }],
  ])('reads %s', (raw, target) => {
    expect(parseRequestTarget(raw)).toEqual(target);
  });

  it.each([
    // The reproductions of issue 11: each one stopped the host.
    '/api/%E0%A4%A',
    '/api/%ZZ',
    '/api/sales.list%FF',
    'http://[',
    'https://[',
    // Bad encodings outside the API, and targets that are not a path.
    '/%E0%A4%A',
    '/assets/%',
    '*',
    'attacker.example:443',
    '',
    undefined,
  ])('refuses %s as malformed', (raw) => {
    expect(parseRequestTarget(raw)).toEqual({ kind: 'malformed' });
  });
});
