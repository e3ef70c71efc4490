import { isIP } from 'node:net';
import { ApiError } from '../../shared/api/errors';

const invalid = (path: string, code: string, message: string) =>
  new ApiError('invalid_input', message, [{ path, code, message }]);

/** Whether `host` (as a URL spells it) is this machine: 127.0.0.0/8 or ::1. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return isIP(bare) === 6 && bare === '::1';
}

/**
 * The head office's base URL from what the manager typed: HTTPS, or plain HTTP only to this
 * machine (a head office on the same PC); a pinned fingerprint only with HTTPS. The path is
 * dropped: the wire's paths are fixed.
 */
export function headOfficeUrlOf(address: string, pinned: boolean): string {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw invalid('url', 'head_office_url', `${address} is not an address (https://…)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid('url', 'head_office_url', `${address} is not an https:// address`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw invalid(
      'url',
      'tls_required',
      'TLS is required except on loopback: the head office’s address starts with https://',
    );
  }
  if (url.protocol === 'http:' && pinned) {
    throw invalid(
      'fingerprint',
      'fingerprint_without_tls',
      'A fingerprint pins a TLS certificate: it goes with an https:// address',
    );
  }
  return url.origin;
}
