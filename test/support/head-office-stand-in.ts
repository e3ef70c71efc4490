import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

/** What the stand-in was asked: the path, the bearer credential, the JSON body. */
export interface StandInRequest {
  method: string;
  path: string;
  authorization: string | null;
  body: unknown;
}

/** An answer, or `hang` for a head office that takes the request and never answers. */
export type StandInAnswer = { status: number; body: unknown } | { raw: string } | 'hang';

/**
 * A small real HTTP(S) server on 127.0.0.1 standing in for a head office that FAILS: it answers
 * what the test says (an error, garbage, a refusal, nothing at all) and keeps what it received.
 * The head office's real behaviour is tested against `hq serve` itself.
 */
export async function startStandIn(
  answer: (request: StandInRequest) => StandInAnswer,
  tls?: { cert: string; key: string },
) {
  const requests: StandInRequest[] = [];
  const handle: http.RequestListener = (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const received: StandInRequest = {
        method: request.method ?? '',
        path: request.url ?? '',
        authorization: request.headers.authorization ?? null,
        body: text ? JSON.parse(text) : null,
      };
      requests.push(received);
      const said = answer(received);
      if (said === 'hang') return;
      const body = 'raw' in said ? said.raw : JSON.stringify(said.body);
      response.writeHead('raw' in said ? 200 : said.status, { 'content-type': 'application/json' });
      response.end(body);
    });
  };
  const server = tls ? https.createServer(tls, handle) : http.createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The one error shape, as a head office refuses (with the issues naming what is at fault). */
export const refusedWith = (
  status: number,
  code: string,
  message: string,
  issues?: { path: string; code: string; message: string }[],
): StandInAnswer => ({
  status,
  body: { error: { code, message, ...(issues ? { issues } : {}) } },
});
