import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { WebSocket } from 'ws';
import { ApiError } from '../../shared/api/errors';
import type { httpTransport } from '../../shared/api/http-transport';
import { deviceCookieName, fingerprintGroups } from '../../shared/counters';
import { fingerprintOf } from '../counters/certificate';
import { hubUrlOf } from './hub-address';

type TransportWebSocket = NonNullable<Parameters<typeof httpTransport>[0]['WebSocket']>;

/** Why no link to the hub could be made; the message is for the person at the counter. */
export class HubLinkError extends Error {
  constructor(
    readonly kind: 'no_answer' | 'timeout' | 'not_tls' | 'certificate_changed',
    message: string,
  ) {
    super(message);
    this.name = 'HubLinkError';
  }
}

type Connect = (
  options: { host?: string | null; port?: number | string | null },
  done: (error: Error | null, socket?: Duplex) => void,
) => undefined;

const noAnswerCodes = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EPIPE',
]);

function linkErrorOf(error: NodeJS.ErrnoException, where: string): HubLinkError {
  if (error instanceof HubLinkError) return error;
  if (noAnswerCodes.has(error.code ?? '')) {
    return new HubLinkError('no_answer', `Nothing answers at ${where} (${error.code})`);
  }
  return new HubLinkError(
    'not_tls',
    `${where} answers, but not over TLS: it is not a Comptoir hub's address (${error.code ?? error.message})`,
  );
}

const stripBrackets = (host: string) => host.replace(/^\[(.*)\]$/, '$1');

/**
 * Opens TLS to the hub and hands the socket over only once `accept` has seen the certificate's
 * fingerprint and said yes: the request is written after the check, so a hub showing another
 * certificate never receives a byte of it. No authority signs a hub's certificate: its pinned
 * fingerprint is the whole check, made on every connection (no TLS session is resumed).
 */
function checkedConnect(
  accept: (fingerprint: string) => HubLinkError | null,
  timeoutMs: number,
): Connect {
  return (options, done) => {
    const host = stripBrackets(String(options.host ?? ''));
    const where = `${host}:${options.port}`;
    const socket = tls.connect({
      host,
      port: Number(options.port),
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
      // SNI takes names only; a hub is usually reached by its address.
      ...(/^[\d.]+$|:/.test(host) ? {} : { servername: host }),
    });
    let settled = false;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.off('error', failed);
      if (error) {
        socket.destroy();
        done(error);
      } else done(null, socket);
    };
    const failed = (error: NodeJS.ErrnoException) => settle(linkErrorOf(error, where));
    const timer = setTimeout(
      () =>
        settle(new HubLinkError('timeout', `${where} did not answer within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    socket.once('error', failed);
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate().raw;
      settle(
        raw
          ? accept(fingerprintOf(raw))
          : new HubLinkError('not_tls', `${where} showed no certificate`),
      );
    });
    return undefined;
  };
}

/** A connection that accepts only the certificate whose fingerprint the counter pinned. */
export function pinnedConnect(fingerprint: string, timeoutMs: number): Connect {
  return checkedConnect(
    (seen) =>
      seen === fingerprint
        ? null
        : new HubLinkError(
            'certificate_changed',
            `The hub's certificate is not the one this counter paired with (it shows ${seen}, ` +
              `paired with ${fingerprint}): nothing was sent. Pair this counter again if the hub ` +
              'really changed.',
          ),
    timeoutMs,
  );
}

/** Where and how a paired counter reaches its hub. */
export interface HubLink {
  /** `https://address:port` */
  url: string;
  fingerprint: string;
  /** The device credential; none while pairing. */
  credential: string | null;
  /** How long a connection may take to be made and checked. */
  connectTimeoutMs?: number;
}

const cookieOf = (link: HubLink): Record<string, string> =>
  link.credential ? { cookie: `${deviceCookieName}=${link.credential}` } : {};

/**
 * `fetch` over pinned TLS, carrying the device credential: what the typed client's HTTP
 * transport is given for a hub. A connection refused, lost or pinned wrong rejects, as
 * `fetch` does, with the reason.
 */
export function pinnedFetch(link: HubLink): typeof fetch {
  const connect = pinnedConnect(link.fingerprint, link.connectTimeoutMs ?? 5000);
  const hubFetch = (input: string | URL | Request, init: RequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const body = typeof init.body === 'string' ? init.body : '';
      const request = https.request(
        {
          host: stripBrackets(url.hostname),
          port: url.port,
          path: `${url.pathname}${url.search}`,
          method: init.method ?? 'GET',
          headers: {
            ...Object.fromEntries(new Headers(init.headers).entries()),
            ...cookieOf(link),
            'content-length': String(Buffer.byteLength(body)),
          },
          createConnection: connect as never,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const status = response.statusCode ?? 500;
            const headers = new Headers();
            for (const [name, value] of Object.entries(response.headers)) {
              if (typeof value === 'string') headers.set(name, value);
            }
            resolve(
              new Response(status === 204 ? null : Buffer.concat(chunks), { status, headers }),
            );
          });
        },
      );
      request.on('error', reject);
      init.signal?.addEventListener('abort', () => request.destroy(new Error('aborted')));
      request.end(body);
    });
  return hubFetch as typeof fetch;
}

/**
 * The `WebSocket` the typed client's HTTP transport opens `/events` with: pinned TLS and the
 * device credential, like every call. `closed` hears each close with its code.
 */
export function pinnedWebSocket(
  link: HubLink,
  closed: (code: number) => void = () => {},
): TransportWebSocket {
  const connect = pinnedConnect(link.fingerprint, link.connectTimeoutMs ?? 5000);
  // ws calls its handlers with an event the transport does not read: the same class, typed so.
  return class HubWebSocket extends WebSocket {
    constructor(url: string) {
      super(url, {
        createConnection: connect as never,
        headers: cookieOf(link),
        handshakeTimeout: link.connectTimeoutMs ?? 5000,
      });
      this.on('close', (code: number) => closed(code));
    }
  } as unknown as TransportWebSocket;
}

/**
 * First run of a counter: reaches the hub at `address` and reads its certificate's fingerprint,
 * for the person to compare with the one on the hub's screen. Nothing is sent.
 */
export async function inspectHub(address: string, timeoutMs = 5000) {
  const url = hubUrlOf(address);
  const { hostname, port } = new URL(url);
  return new Promise<{ url: string; fingerprint: string; fingerprintGroups: string[] }>(
    (resolve, reject) => {
      let seen = '';
      const connect = checkedConnect((fingerprint) => {
        seen = fingerprint;
        return null;
      }, timeoutMs);
      connect({ host: hostname, port }, (error, socket) => {
        socket?.destroy();
        if (error) reject(new ApiError('unreachable', error.message));
        else resolve({ url, fingerprint: seen, fingerprintGroups: fingerprintGroups(seen) });
      });
    },
  );
}
