/**
 * A simulated HiLink stick serving the stick's web API over real HTTP, on 127.0.0.1 only (a
 * real stick's 192.168.8.1 is never used by tests: its address is configuration), on a free
 * port. What it answers comes from simulated-stick.ts and the simulated carrier.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, realClock } from '../clock';
import type { CarrierBehaviour } from '../simulator/carrier';
import { DEMO_CARRIER } from '../simulator/demo-carrier';
import { createSimulatedStick, type SimulatedStick, type StickIdentity } from './simulated-stick';
import { fieldsOf, parseXml, writeXml, type XmlFields } from './xml';

export interface HilinkSimulatorOptions {
  carrier?: CarrierBehaviour;
  clock?: Clock;
  networkLatencyMs?: number;
  ussdTimeoutMs?: number;
  identity?: Partial<StickIdentity>;
  /** Default 0: a free port. */
  port?: number;
  /** An older firmware: no SesTokInfo page (404), no session or token asked. */
  tokenless?: boolean;
}

export interface HilinkSimulator {
  /** `http://127.0.0.1:<port>`: the address a configured HiLink modem is given. */
  readonly url: string;
  readonly stick: SimulatedStick;
  /** Requests served, `METHOD path`, oldest first. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

const SESSION_COOKIE = /(?:^|;\s*)SessionID=([^;]+)/;

function sessionOf(request: http.IncomingMessage): string | null {
  return SESSION_COOKIE.exec(request.headers.cookie ?? '')?.[1] ?? null;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The request's fields, and its phone numbers (`<Phones><Phone>…</Phone></Phones>`). */
function requestOf(body: string): { fields: Record<string, string>; phones: string[] } | null {
  if (body.trim() === '') return { fields: {}, phones: [] };
  try {
    const root = parseXml(body);
    const phones = root.children
      .filter((child) => child.name === 'Phones')
      .flatMap((child) => child.children.map((phone) => phone.text.trim()));
    return { fields: fieldsOf(root), phones };
  } catch {
    return null;
  }
}

const errorXml = (code: number) => writeXml('error', { code, message: '' });

export async function startHilinkSimulator(
  options: HilinkSimulatorOptions = {},
): Promise<HilinkSimulator> {
  const stick = createSimulatedStick({
    carrier: options.carrier ?? DEMO_CARRIER,
    clock: options.clock ?? realClock,
    ...(options.networkLatencyMs === undefined
      ? {}
      : { networkLatencyMs: options.networkLatencyMs }),
    ...(options.ussdTimeoutMs === undefined ? {} : { ussdTimeoutMs: options.ussdTimeoutMs }),
    ...(options.identity ? { identity: options.identity } : {}),
  });
  const requests: string[] = [];

  async function answer(
    request: http.IncomingMessage,
  ): Promise<{ body: string; token?: string; status?: number }> {
    const method = request.method === 'POST' ? 'POST' : 'GET';
    const path = new URL(request.url ?? '/', 'http://stick').pathname;
    requests.push(`${method} ${path}`);
    const body = await readBody(request);
    const session = sessionOf(request);
    if (options.tokenless) {
      if (path === '/api/webserver/SesTokInfo') return { body: '', status: 404 };
      return { body: served(method, path, body) };
    }
    if (path === '/api/webserver/SesTokInfo') {
      const issued = stick.sessionToken(session);
      return {
        body: writeXml('response', {
          SesInfo: `SessionID=${issued.session}`,
          TokInfo: issued.token,
        }),
      };
    }
    if (!stick.knows(session)) return { body: errorXml(125002) };
    let token: string | undefined;
    if (method === 'POST') {
      const sent = request.headers.__requestverificationtoken;
      const next = stick.spendToken(session, typeof sent === 'string' ? sent : null);
      if (next === null) return { body: errorXml(125002) };
      token = next;
    }
    return { body: served(method, path, body), ...(token ? { token } : {}) };
  }

  /** The stick's answer to a call whose session and token (if any) were checked. */
  function served(method: 'GET' | 'POST', path: string, body: string): string {
    const parsed = requestOf(body);
    if (!parsed) return errorXml(100005);
    const reply = stick.call(method, path, parsed.fields, parsed.phones);
    if (!reply.ok) return errorXml(reply.code);
    return writeXml('response', reply.fields === 'OK' ? 'OK' : (reply.fields as XmlFields));
  }

  const server = http.createServer((request, response) => {
    answer(request).then(
      ({ body, token, status }) => {
        response.writeHead(status ?? 200, {
          'Content-Type': 'text/xml; charset=UTF-8',
          ...(token ? { __RequestVerificationToken: token } : {}),
        });
        response.end(body);
      },
      () => {
        response.writeHead(500);
        response.end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stick,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        stick.stop();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
