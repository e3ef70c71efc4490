import http from 'node:http';
import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  drawFault,
  type FaultProxy,
  type FaultRates,
  noFaults,
  startFaultProxy,
} from '../../support/fault-proxy';
import { seededRandom } from '../../support/seeded-random';

/** A stand-in head office: records each body it receives, in order, and answers with its count. */
async function recorder() {
  const received: string[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push(Buffer.concat(chunks).toString());
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ stored: received.length }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => server.close() };
}

const running: { close(): unknown }[] = [];
afterEach(async () => {
  for (const part of running.splice(0).reverse()) await part.close();
});

async function proxyWith(rates: Partial<FaultRates>, seed = 7) {
  const upstream = await recorder();
  running.push(upstream);
  const proxy = await startFaultProxy({ target: upstream.url, seed, rates });
  running.push(proxy);
  return { upstream, proxy };
}

/** POSTs `body` through the proxy: the answer's text, or the network error the shop would see. */
async function send(proxy: FaultProxy, body: string): Promise<string> {
  try {
    const answer = await fetch(`${proxy.url}/hq/v1/facts`, { method: 'POST', body });
    return await answer.text();
  } catch {
    return 'network error';
  }
}

describe('the fault proxy between the shops and the head office', () => {
  it('draws the same faults for the same seed, and each fault about as often as asked', () => {
    const rates: FaultRates = {
      ...noFaults,
      drop: 0.1,
      loseAnswer: 0.1,
      duplicate: 0.1,
      reorder: 0.1,
      delay: 0.2,
      delayMs: [10, 50],
    };
    const draws = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 2_000 }, () => drawFault(random, rates));
    };
    expect(draws(42)).toEqual(draws(42));
    expect(draws(42)).not.toEqual(draws(43));
    const all = draws(42);
    for (const fault of ['drop', 'loseAnswer', 'duplicate', 'reorder'] as const) {
      const share = all.filter((draw) => draw.fault === fault).length / all.length;
      expect(share).toBeGreaterThan(0.07);
      expect(share).toBeLessThan(0.13);
    }
    const delays = all.filter((draw) => draw.delayMs > 0).map((draw) => draw.delayMs);
    expect(delays.length / all.length).toBeCloseTo(0.2, 1);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...delays)).toBeLessThanOrEqual(50);
  });

  it('passes a request and its answer through untouched when no fault strikes', async () => {
    const { upstream, proxy } = await proxyWith({});
    expect(await send(proxy, 'batch 1')).toBe('{"stored":1}');
    expect(upstream.received).toEqual(['batch 1']);
    expect(proxy.counts()).toMatchObject({ passed: 1, drop: 0 });
  });

  it('drops a request: the head office never sees it, the shop sees its connection reset', async () => {
    const { upstream, proxy } = await proxyWith({ drop: 1 });
    expect(await send(proxy, 'batch 1')).toBe('network error');
    expect(upstream.received).toEqual([]);
    expect(proxy.events).toMatchObject([{ fault: 'drop', delivered: [] }]);
  });

  it('loses an answer: the head office stored the batch, the shop never hears so', async () => {
    const { upstream, proxy } = await proxyWith({ loseAnswer: 1 });
    expect(await send(proxy, 'batch 1')).toBe('network error');
    expect(upstream.received).toEqual(['batch 1']);
    expect(proxy.events).toMatchObject([{ fault: 'loseAnswer', delivered: [200] }]);
  });

  it('duplicates a request: the head office gets it twice, the shop one answer', async () => {
    const { upstream, proxy } = await proxyWith({ duplicate: 1 });
    expect(await send(proxy, 'batch 1')).toMatch(/^\{"stored":[12]\}$/);
    await proxy.settle();
    expect(upstream.received).toEqual(['batch 1', 'batch 1']);
  });

  it('reorders: a held request reaches the head office after the next one, its shop reset', async () => {
    const { upstream, proxy } = await proxyWith({ reorder: 1, holdMs: 10_000 });
    expect(await send(proxy, 'batch 1')).toBe('network error');
    expect(upstream.received).toEqual([]);
    proxy.setRates({ reorder: 0 });
    expect(await send(proxy, 'batch 1 again')).toBe('{"stored":1}');
    await proxy.settle();
    expect(upstream.received).toEqual(['batch 1 again', 'batch 1']);
  });

  it('lets a held request go after holdMs when nothing else comes', async () => {
    const { upstream, proxy } = await proxyWith({ reorder: 1, holdMs: 100 });
    expect(await send(proxy, 'batch 1')).toBe('network error');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(upstream.received).toEqual(['batch 1']);
  });

  it('delays a request by the drawn time', async () => {
    const { proxy } = await proxyWith({ delay: 1, delayMs: [200, 200] });
    const started = Date.now();
    expect(await send(proxy, 'batch 1')).toBe('{"stored":1}');
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(proxy.counts()).toMatchObject({ passed: 1, delay: 1 });
  });

  it('strikes the next requests with the faults it is told, then draws again as the seed says', async () => {
    const rates = { drop: 0.3, delayMs: [150, 150] as const };
    const { upstream, proxy } = await proxyWith(rates, 11);
    proxy.strikeNext(['drop', 'loseAnswer', 'delay']);
    expect(await send(proxy, 'batch 1')).toBe('network error');
    expect(await send(proxy, 'batch 2')).toBe('network error');
    const started = Date.now();
    expect(await send(proxy, 'batch 3')).toBe('{"stored":2}');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(proxy.events.map((event) => [event.fault, event.delayMs])).toEqual([
      ['drop', 0],
      ['loseAnswer', 0],
      [null, 150],
    ]);
    // The strikes took no draw away: the next requests meet what the seed gives them.
    const random = seededRandom(11);
    const drawn = Array.from({ length: 8 }, () => drawFault(random, { ...noFaults, ...rates }));
    for (const n of [4, 5, 6, 7, 8]) await send(proxy, `batch ${n}`);
    const later = drawn.slice(3).map((draw) => draw.fault);
    expect(later).toContain('drop');
    expect(later).toContain(null);
    expect(proxy.events.slice(3).map((event) => event.fault)).toEqual(later);
    expect(upstream.received).toEqual([
      'batch 2',
      'batch 3',
      ...[4, 5, 6, 7, 8].filter((_, i) => later[i] === null).map((n) => `batch ${n}`),
    ]);
  });

  it('takes a shop offline and back: nothing is forwarded meanwhile', async () => {
    const { upstream, proxy } = await proxyWith({});
    proxy.setOffline(true);
    expect(await send(proxy, 'batch 1')).toBe('network error');
    proxy.setOffline(false);
    expect(await send(proxy, 'batch 1')).toBe('{"stored":1}');
    expect(upstream.received).toEqual(['batch 1']);
  });

  it('resets the shop when the head office is down, and refuses a target off loopback', async () => {
    const upstream = await recorder();
    upstream.close();
    const proxy = await startFaultProxy({ target: upstream.url, seed: 1 });
    running.push(proxy);
    expect(await send(proxy, 'batch 1')).toBe('network error');
    expect(proxy.events).toMatchObject([{ fault: null, delivered: [0] }]);
    await expect(startFaultProxy({ target: 'http://10.0.0.1:80', seed: 1 })).rejects.toThrow(
      /loopback/,
    );
  });
});
