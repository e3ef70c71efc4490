import http from 'node:http';

/** An answer as the test reads it: status, Retry-After and the JSON body. */
export interface AddressedAnswer {
  status: number;
  retryAfter: string | undefined;
  body: { error?: { code: string; message: string; params?: Record<string, unknown> } } & Record<
    string,
    unknown
  >;
}

/**
 * POSTs JSON to `url` + `path` from the local address `from` (127.0.0.x: Linux routes the whole
 * 127.0.0.0/8 to loopback), so the server sees another TCP peer than 127.0.0.1; `forwardedFor`
 * is sent as X-Forwarded-For.
 */
export function postFrom(
  url: string,
  path: string,
  body: unknown,
  { from, forwardedFor }: { from: string; forwardedFor?: string },
): Promise<AddressedAnswer> {
  const target = new URL(path, url);
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        localAddress: from,
        headers: {
          host: target.host,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const retryAfter = response.headers['retry-after'];
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
          });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(text);
  });
}
