import { ApiError } from '../../shared/api/errors';
import { defaultHubPort } from '../../shared/counters';

/**
 * A hub's address as a person types it ("127.0.0.2:5171", "hub.local", "https://…") as the
 * origin a counter talks to: https only (the hub listens over TLS only), the hub's port when
 * none is given; a path, a user or a query is no address of a hub.
 */
export function hubUrlOf(address: string): string {
  const text = address.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ApiError('invalid_input', `"${text}" is not the address of a hub`);
  }
  if (url.protocol !== 'https:') {
    throw new ApiError('invalid_input', 'A hub is reached over https only');
  }
  if (url.username || url.password || url.search || url.hash || !['', '/'].includes(url.pathname)) {
    throw new ApiError('invalid_input', `"${text}" is not the address of a hub`);
  }
  // URL drops an explicit :443 as https's default: that port was still asked for.
  const port = url.port || (/:443\/?$/.test(withScheme) ? 443 : defaultHubPort);
  return `https://${url.hostname}:${port}`;
}
