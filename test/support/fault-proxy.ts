import http from 'node:http';
import type net from 'node:net';
import { seededRandom } from './seeded-random';

/**
 * A bad network between the shops and their head office, on loopback: an HTTP proxy on
 * 127.0.0.1 that forwards each request to the head office and, drawn from a seeded generator in
 * the order requests arrive, loses some, sends some twice, holds some back until later ones have
 * gone by, and delays others. The shops' wire is plain HTTP on loopback (TLS only leaves the
 * machine), so the proxy sees whole requests: a fault strikes a request, not a few bytes of it.
 *
 * The faults, each request drawing at most one of the first four, and a delay on its own:
 * - `drop`: the request never reaches the head office; the shop's connection is reset.
 * - `loseAnswer`: the head office gets it and answers, the answer is lost (connection reset):
 *   the shop cannot tell it from a drop, and sends it again.
 * - `duplicate`: the head office gets it twice at once; the shop gets the first answer.
 * - `reorder`: the shop's connection is reset at once (it will send again), and the request is
 *   held back until `reorderAfter` later requests have gone through (or `holdMs`), then
 *   delivered: an old request arriving after newer ones.
 * - `delay`: a wait of `delayMs` (drawn in the range) before the request goes on.
 */
export const proxyFaults = ['drop', 'loseAnswer', 'duplicate', 'reorder', 'delay'] as const;
export type ProxyFault = (typeof proxyFaults)[number];

export interface FaultRates {
  /** The share of requests (0..1) each fault strikes; the first four add up to at most 1. */
  drop: number;
  loseAnswer: number;
  duplicate: number;
  reorder: number;
  delay: number;
  delayMs: readonly [number, number];
  /** A held request goes on after this many later ones, or after `holdMs`. */
  reorderAfter: number;
  holdMs: number;
}

export const noFaults: FaultRates = {
  drop: 0,
  loseAnswer: 0,
  duplicate: 0,
  reorder: 0,
  delay: 0,
  delayMs: [0, 0],
  reorderAfter: 1,
  holdMs: 2_000,
};

/** What happened to one request, in arrival order. */
export interface ProxyEvent {
  index: number;
  method: string;
  path: string;
  fault: Exclude<ProxyFault, 'delay'> | null;
  delayMs: number;
  /** The head office's status for each copy delivered (none for a drop). */
  delivered: number[];
}

/** What a request is to draw from: `fault` is null for one passed on whole. */
export interface FaultDraw {
  fault: Exclude<ProxyFault, 'delay'> | null;
  delayMs: number;
}

/**
 * The faults for the next request: three numbers from `random` each time, so that the n-th
 * request of a run draws the same fault for the same seed, whatever the rates were before.
 */
export function drawFault(random: () => number, rates: FaultRates): FaultDraw {
  const [which, delayed, length] = [random(), random(), random()];
  const bands: [FaultDraw['fault'], number][] = [
    ['drop', rates.drop],
    ['loseAnswer', rates.loseAnswer],
    ['duplicate', rates.duplicate],
    ['reorder', rates.reorder],
  ];
  let fault: FaultDraw['fault'] = null;
  let edge = 0;
  for (const [kind, share] of bands) {
    edge += share;
    if (which < edge) {
      fault = kind;
      break;
    }
  }
  const [min, max] = rates.delayMs;
  const delayMs = delayed < rates.delay ? Math.round(min + length * (max - min)) : 0;
  return { fault, delayMs };
}

export interface FaultProxy {
  /** `http://127.0.0.1:PORT`: give it to the shops as the head office's address. */
  url: string;
  events: ProxyEvent[];
  /** How many requests each fault struck so far. */
  counts(): Record<ProxyFault | 'passed', number>;
  setRates(rates: Partial<FaultRates>): void;
  /**
   * The next requests, one per entry, meet these faults whatever they drew (a `delay` is the
   * longest of `delayMs`): a run of a few dozen requests then meets every fault at least once,
   * for any seed. They still draw, so the requests after them draw what the seed gives.
   */
  strikeNext(faults: readonly ProxyFault[]): void;
  /** Offline: every connection is refused (reset) until set back; nothing is forwarded. */
  setOffline(offline: boolean): void;
  /** Resolves when no request is held back or on its way. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

interface Held {
  release(): void;
  after: number;
}

const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host', 'upgrade']);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function forward(
  target: URL,
  method: string,
  path: string,
  headers: http.IncomingHttpHeaders,
  body: Buffer,
): Promise<Answer | null> {
  const kept = Object.fromEntries(
    Object.entries(headers).filter(([name]) => !hopByHop.has(name.toLowerCase())),
  );
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        method,
        path,
        headers: { ...kept, 'content-length': body.length },
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 502,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', () => resolve(null));
      },
    );
    // The head office gone (killed, restarting) is one more failure the shop must ride out.
    request.on('error', () => resolve(null));
    request.end(body);
  });
}

/** Starts the proxy in front of `target` (an `http://127.0.0.x:PORT` head office). */
export async function startFaultProxy(options: {
  target: string;
  seed: number;
  rates?: Partial<FaultRates>;
}): Promise<FaultProxy> {
  const target = new URL(options.target);
  if (target.protocol !== 'http:' || !target.hostname.startsWith('127.')) {
    throw new Error(`The fault proxy forwards to a loopback HTTP address, not ${options.target}`);
  }
  const random = seededRandom(options.seed);
  let rates: FaultRates = { ...noFaults, ...options.rates };
  let offline = false;
  const struck: ProxyFault[] = [];
  const events: ProxyEvent[] = [];
  const held: Held[] = [];
  const working = new Set<Promise<void>>();
  const sockets = new Set<net.Socket>();

  const releaseHeld = () => {
    for (const hold of [...held]) {
      hold.after -= 1;
      if (hold.after <= 0) hold.release();
    }
  };

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    if (offline) {
      response.socket?.destroy();
      return;
    }
    const drawn = drawFault(random, rates);
    const strike = struck.shift();
    const draw: FaultDraw =
      strike === undefined
        ? drawn
        : strike === 'delay'
          ? { fault: null, delayMs: rates.delayMs[1] }
          : { fault: strike, delayMs: 0 };
    const event: ProxyEvent = {
      index: events.length,
      method,
      path,
      fault: draw.fault,
      delayMs: draw.delayMs,
      delivered: [],
    };
    events.push(event);
    const reset = () => {
      response.socket?.destroy();
    };
    const deliver = async () => {
      const answer = await forward(target, method, path, request.headers, body);
      event.delivered.push(answer?.status ?? 0);
      return answer;
    };
    if (draw.delayMs > 0) await sleep(draw.delayMs);

    if (draw.fault === 'drop') return reset();
    if (draw.fault === 'reorder') {
      reset();
      await new Promise<void>((resolve) => {
        const hold: Held = {
          after: rates.reorderAfter,
          release: () => {
            clearTimeout(timer);
            held.splice(held.indexOf(hold), 1);
            resolve();
          },
        };
        const timer = setTimeout(() => hold.release(), rates.holdMs);
        held.push(hold);
      });
      await deliver();
      return;
    }
    const answers =
      draw.fault === 'duplicate' ? await Promise.all([deliver(), deliver()]) : [await deliver()];
    // Held requests go on once this one has reached the head office: they arrive after it.
    releaseHeld();
    const answer = answers[0] ?? null;
    if (draw.fault === 'loseAnswer' || answer === null) return reset();
    const headers = Object.fromEntries(
      Object.entries(answer.headers).filter(([name]) => !hopByHop.has(name.toLowerCase())),
    );
    response.writeHead(answer.status, { ...headers, 'content-length': answer.body.length });
    response.end(answer.body);
  };

  const server = http.createServer((request, response) => {
    const work = handle(request, response).catch(() => {
      response.socket?.destroy();
    });
    working.add(work);
    void work.finally(() => working.delete(work));
  });
  server.on('connection', (socket) => {
    if (offline) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    events,
    counts() {
      const counts = Object.fromEntries(
        [...proxyFaults, 'passed'].map((kind) => [kind, 0]),
      ) as Record<ProxyFault | 'passed', number>;
      for (const event of events) {
        counts[event.fault ?? 'passed'] += 1;
        if (event.delayMs > 0) counts.delay += 1;
      }
      return counts;
    },
    setRates(next) {
      rates = { ...rates, ...next };
    },
    strikeNext(faults) {
      struck.push(...faults);
    },
    setOffline(next) {
      offline = next;
      if (offline) for (const socket of sockets) socket.destroy();
    },
    async settle() {
      for (const hold of [...held]) hold.release();
      while (working.size > 0) await Promise.all([...working]);
    },
    async close() {
      for (const hold of [...held]) hold.release();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...working]);
    },
  };
}
