import fc from 'fast-check';

/**
 * Generated traffic a stranger could send the browser host: request lines, headers, bodies and
 * WebSocket handshakes, many of them malformed. The fuzz test throws them at a host and the soak
 * bench sends them alongside the clerks' sales.
 */

/** A request line and headers as bytes, with our own Host (`host`) unless the case brings one. */
export function rawRequest(
  port: number,
  requestLine: string,
  headers: string[] = [],
  body = '',
  connection = 'close',
  host = `127.0.0.1:${port}`,
): string {
  return [
    requestLine,
    `host: ${host}`,
    `connection: ${connection}`,
    ...headers,
    ...(body ? [`content-length: ${Buffer.byteLength(body)}`] : []),
    '',
    body,
  ].join('\r\n');
}

export const handshake = [
  'upgrade: websocket',
  'sec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==',
  'sec-websocket-version: 13',
];

const nasty = [
  '%',
  '%E0',
  '%A4',
  '%A',
  '%ZZ',
  '%FF',
  '%00',
  '%2f',
  '%2e%2e',
  '%5c',
  '[',
  ']',
  '..',
  '//',
  '\\',
  '?',
  '#',
  ' ',
  '\t',
  '\0',
  'api',
  'events',
  'sales.renew',
  'auth.login',
  'shop.update',
];
const pathPart = fc.oneof(fc.constantFrom(...nasty), fc.string({ maxLength: 6 }));
export const path = fc.oneof(
  fc.array(pathPart, { maxLength: 8 }).map((parts) => `/${parts.join('')}`),
  fc.array(pathPart, { maxLength: 6 }).map((parts) => `/api/${parts.join('')}`),
  fc.array(pathPart, { maxLength: 6 }).map((parts) => `http://${parts.join('')}`),
  fc.array(pathPart, { maxLength: 6 }).map((parts) => parts.join('')),
);
export const method = fc.oneof(
  fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT'),
  fc.stringMatching(/^[A-Za-z]{0,8}$/),
);
// The framing headers are ours, so that every generated request is complete.
const framing = /^(host|content-length|transfer-encoding|connection|upgrade|expect)$/i;
export const header = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(
        'authorization',
        'origin',
        'content-type',
        'cookie',
        'sec-websocket-protocol',
      ),
      fc.string({ maxLength: 12 }),
    ),
    fc.oneof(
      fc.constantFrom(
        `Bearer ${'a'.repeat(64)}`,
        'application/json',
        'http://[',
        'null',
        'x\r\ny',
        'é',
      ),
      fc.string({ maxLength: 40 }),
    ),
  )
  .filter(([name]) => !framing.test(name.trim()))
  .map(([name, value]) => `${name}: ${value}`);
export const body = fc.oneof(
  fc.constant(''),
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 80 }),
  fc.constantFrom('{"name":', '{"name":"Hijack","pin":"1234"}', '[]', 'null', '\u0000'),
);
