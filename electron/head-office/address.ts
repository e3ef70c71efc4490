import { ApiError } from '../../shared/api/errors';
import { isLoopbackHost } from '../web-security';

const invalid = (path: string, code: string, message: string) =>
  new ApiError('invalid_input', message, [{ path, code, message }]);

/**
 * The head office's base URL from what the manager typed: HTTPS, or plain HTTP only to this
 * machine (a head office on the same PC, as `hq serve` takes a loopback host: localhost too);
 * a pinned fingerprint only with HTTPS. The path is
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
