/**
 * Talks to one HiLink stick over its local web API (`http://192.168.8.1/api/...` on a real
 * stick; the address is configuration). Plain `node:http`, one request at a time (the stick's
 * token changes with every POST, so two requests in flight would spend the same one), each with
 * a time limit. A stale session or token is fetched again and the request asked once more:
 * the stick refused it before doing anything, so asking again cannot do anything twice.
 */
import http from 'node:http';
import { HilinkError, HilinkExchangeError, hilinkErrorKind } from './errors';
import { type HilinkSession, sessionAfter, sessionFromTokInfo, takeToken } from './session';
import { readHilinkReply, writeXml, type XmlElement, type XmlFields } from './xml';

export interface HilinkClientOptions {
  /** The stick's address: `http://192.168.8.1` (no path, no credentials). */
  url: string;
  /** How long one exchange may take (default 5 s). */
  timeoutMs?: number;
}

export interface HilinkClient {
  readonly url: string;
  get(path: string): Promise<XmlElement>;
  post(path: string, fields: XmlFields): Promise<XmlElement>;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const TOKEN_PATH = '/api/webserver/SesTokInfo';
const MAX_ANSWER_BYTES = 1024 * 1024;

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP exchange; rejects with HilinkExchangeError, saying whether the stick may have it. */
function exchange(
  base: URL,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body: string | null,
  timeoutMs: number,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let connected = false;
    const request = http.request(new URL(path, base), {
      method,
      headers: {
        ...headers,
        ...(body === null
          ? {}
          : {
              'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8',
              'Content-Length': String(Buffer.byteLength(body)),
            }),
      },
      timeout: timeoutMs,
      // A connection per exchange: a kept-alive one the stick dropped meanwhile would leave a
      // failed POST ambiguous (did the stick read it?); a fresh one that fails to connect is not.
      agent: false,
    });
    const fail = (reason: 'unreachable' | 'timeout', detail: string) =>
      reject(new HilinkExchangeError(reason, path, connected && method === 'POST', detail));
    request.on('socket', (socket) => {
      socket.once('connect', () => {
        connected = true;
      });
    });
    request.on('timeout', () => {
      request.destroy();
      fail('timeout', `no answer within ${timeoutMs} ms`);
    });
    request.on('error', (error) => fail('unreachable', error.message));
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // A stick's answers are a few kilobytes: more is not its API talking.
        if (size > MAX_ANSWER_BYTES) {
          request.destroy();
          reject(
            new HilinkExchangeError('bad-answer', path, method === 'POST', 'answer too large'),
          );
          return;
        }
        chunks.push(chunk);
      });
      response.on('error', (error) => fail('unreachable', error.message));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    request.end(body ?? undefined);
  });
}

export function createHilinkClient(options: HilinkClientOptions): HilinkClient {
  const base = new URL(options.url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let session: HilinkSession | null = null;
  let sessionRead = false;
  let queue: Promise<unknown> = Promise.resolve();

  function serially<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task);
    queue = run.catch(() => {});
    return run;
  }

  function read(path: string, raw: RawAnswer, mayHaveArrived: boolean) {
    if (raw.status !== 200) {
      throw new HilinkExchangeError('bad-answer', path, mayHaveArrived, `HTTP ${raw.status}`);
    }
    try {
      return readHilinkReply(raw.body);
    } catch (error) {
      throw new HilinkExchangeError('bad-answer', path, mayHaveArrived, (error as Error).message);
    }
  }

  /**
   * The stick's session, or null for a stick that has none to give (older firmware without
   * the token page): its requests then go without one. Only a stick that does not answer fails.
   */
  async function openSession(): Promise<HilinkSession | null> {
    const raw = await exchange(base, 'GET', TOKEN_PATH, {}, null, timeoutMs);
    if (raw.status !== 200) return null;
    try {
      const reply = readHilinkReply(raw.body);
      return reply.ok ? sessionFromTokInfo(reply.response) : null;
    } catch {
      return null;
    }
  }

  async function once(method: 'GET' | 'POST', path: string, body: string | null) {
    if (!sessionRead) {
      session = await openSession();
      sessionRead = true;
    }
    const headers: Record<string, string> = {};
    if (session) {
      const taken = takeToken(session, method === 'POST');
      session = taken.session;
      headers.Cookie = session.cookie;
      if (taken.token) headers.__RequestVerificationToken = taken.token;
    }
    const raw = await exchange(base, method, path, headers, body, timeoutMs);
    if (session) session = sessionAfter(session, raw.headers);
    return read(path, raw, method === 'POST');
  }

  async function ask(method: 'GET' | 'POST', path: string, body: string | null) {
    let reply = await once(method, path, body);
    if (!reply.ok && hilinkErrorKind(reply.code) === 'token') {
      sessionRead = false;
      reply = await once(method, path, body);
    }
    if (!reply.ok) throw new HilinkError(reply.code, path, reply.message);
    return reply.response;
  }

  return {
    url: base.origin,
    get: (path) => serially(() => ask('GET', path, null)),
    post: (path, fields) => serially(() => ask('POST', path, writeXml('request', fields))),
  };
}
