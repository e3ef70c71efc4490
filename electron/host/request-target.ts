/** Where a request goes, read once from its request line. */
export type RequestTarget =
  | { kind: 'api-listing' }
  | { kind: 'procedure'; name: string }
  | { kind: 'api-unknown' }
  /** A file of the built renderer (or, upgraded, the event socket); `path` is decoded. */
  | { kind: 'file'; path: string }
  /** Not a path this host can read: a bad percent-encoding, an unparsable URL, `*`, … */
  | { kind: 'malformed' };

const base = 'http://host.invalid';

function pathnameOf(raw: string): string | null {
  // Origin-form is appended to a fixed origin so that `//x` stays a path, never an authority.
  const absolute = raw.startsWith('/') ? `${base}${raw}` : /^https?:\/\//i.test(raw) ? raw : null;
  if (absolute === null || !URL.canParse(absolute)) return null;
  return new URL(absolute).pathname;
}

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Reads a request's target (`request.url`). Never throws: anything that cannot be read is
 * `malformed`, which the host answers with 400, so one odd request cannot stop it.
 */
export function parseRequestTarget(raw: string | undefined): RequestTarget {
  const pathname = pathnameOf(raw ?? '');
  if (pathname === null) return { kind: 'malformed' };
  const path = decoded(pathname);
  if (path === null) return { kind: 'malformed' };
  if (pathname === '/api') return { kind: 'api-listing' };
  if (/^\/api\/[^/]+$/.test(pathname)) return { kind: 'procedure', name: path.slice(5) };
  if (pathname.startsWith('/api')) return { kind: 'api-unknown' };
  return { kind: 'file', path };
}
