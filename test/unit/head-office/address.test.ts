import { describe, expect, it } from 'vitest';
import { headOfficeUrlOf } from '../../../electron/head-office/address';
import { ApiError } from '../../../shared/api/errors';

const issueOf = (address: string, pinned = false) => {
  try {
    headOfficeUrlOf(address, pinned);
  } catch (error) {
    if (error instanceof ApiError) return error.issues?.[0];
    throw error;
  }
  throw new Error(`${address} was taken`);
};

describe('the head office’s address', () => {
  it.each([
    ['https://hq.example.nc', false, 'https://hq.example.nc'],
    ['  https://hq.example.nc:8443/some/path?x=1 ', false, 'https://hq.example.nc:8443'],
    ['https://203.0.113.7:8443', true, 'https://203.0.113.7:8443'],
    ['http://127.0.0.1:7400', false, 'http://127.0.0.1:7400'],
    ['http://127.9.8.7:7400', false, 'http://127.9.8.7:7400'],
    ['http://[::1]:7400', false, 'http://[::1]:7400'],
    ['http://localhost:7400', false, 'http://localhost:7400'],
  ])('takes %s (pinned: %s) as %s', (address, pinned, url) => {
    expect(headOfficeUrlOf(address, pinned)).toBe(url);
  });

  it.each([
    ['http://hq.example.nc', 'url', 'tls_required'],
    ['http://192.168.1.10:7400', 'url', 'tls_required'],
    ['http://localhost.example.nc', 'url', 'tls_required'],
    ['http://128.0.0.1', 'url', 'tls_required'],
    ['ftp://hq.example.nc', 'url', 'head_office_url'],
    ['hq.example.nc', 'url', 'head_office_url'],
  ])('refuses %s: TLS is required except on loopback', (address, path, code) => {
    expect(issueOf(address)).toMatchObject({ path, code });
  });

  it('refuses a fingerprint with plain HTTP: there is no certificate to pin', () => {
    expect(issueOf('http://127.0.0.1:7400', true)).toMatchObject({
      path: 'fingerprint',
      code: 'fingerprint_without_tls',
    });
  });
});
