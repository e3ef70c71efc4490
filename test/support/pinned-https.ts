import https from 'node:https';
import net from 'node:net';
import type { TLSSocket } from 'node:tls';
import WebSocket from 'ws';
import { eventsProtocol } from '../../electron/host/event-sockets';
import { type HttpAnswer, jsonAnswer } from './api';

/** The SHA-256 of a TLS peer's certificate as `fingerprintSchema` spells it. */
const fingerprintOf = (socket: TLSSocket) =>
  socket.getPeerCertificate().fingerprint256.replaceAll(':', '');

/**
 * A counter's minimal client of the hub: HTTPS to `url` whose certificate must have
 * `fingerprint` (else the connection is dropped before a byte is sent), from the loopback
 * address `from` (another machine of the shop), carrying the device cookie when given.
 */
export function pinnedCall(
  url: string,
  fingerprint: string,
  name: string,
  input: unknown,
  options: {
    cookie?: string;
    token?: string;
    from?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<HttpAnswer> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const request = https.request(
      new URL(`/api/${name}`, url),
      {
        method: 'POST',
        localAddress: options.from ?? '127.0.0.4',
        // Self-signed: trusted by its fingerprint, checked below, not by an authority.
        rejectUnauthorized: false,
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
      },
      (response) => resolve(jsonAnswer(response)),
    );
    request.on('socket', (socket) => {
      (socket as TLSSocket).once('secureConnect', () => {
        if (fingerprintOf(socket as TLSSocket) !== fingerprint) {
          request.destroy(new Error('The hub’s certificate is not the one pinned'));
        }
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** The `comptoir-device=…` pair of a pairing answer's Set-Cookie, as the counter sends it back. */
export function cookieOf(answer: HttpAnswer): string {
  const setCookie = answer.headers['set-cookie'];
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return (first ?? '').split(';')[0] as string;
}

/**
 * An event socket to the hub at `url` over WSS, signed in with `token`, carrying `cookie`;
 * resolves once open, rejects with the refusal's status when refused.
 */
export function pinnedEvents(
  url: string,
  options: { cookie?: string; token: string; from?: string },
): Promise<WebSocket> {
  const socket = new WebSocket(
    `${url.replace('https', 'wss')}events`,
    [`comptoir.bearer.${options.token}`, eventsProtocol],
    {
      rejectUnauthorized: false,
      localAddress: options.from ?? '127.0.0.4',
      headers: options.cookie ? { cookie: options.cookie } : {},
    },
  );
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`refused ${response.statusCode}`)),
    );
    socket.once('error', reject);
  });
}

/** A port free on `address` now (the hub's setting needs one from 1024). */
export function freePort(address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, address, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
