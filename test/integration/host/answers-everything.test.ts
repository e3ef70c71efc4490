import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHost } from '../../../electron/host/server';
import { everyRequestAnswered, everyUpgradeAnswered } from '../../support/fuzz-properties';
import { handshake, rawRequest } from '../../support/fuzz-traffic';
import { withTestHosts } from '../../support/host';
import { type RawAnswer, rawExchange } from '../../support/raw-http';

const startTestHost = withTestHosts();

/** A refusal in the one error shape with `code`. */
function expectRefusal(answer: RawAnswer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers).toMatch(/content-type: application\/json/i);
  const body = JSON.parse(answer.body);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
}

/** The host still lists its API, and nothing a stranger sent was kept. */
async function expectUnharmed(
  port: number,
  db: { prepare(sql: string): { pluck(): { get(): unknown } } },
) {
  const listing = await rawExchange(port, rawRequest(port, 'GET /api HTTP/1.1'));
  expect(listing.status).toBe(200);
  for (const table of ['sales', 'shop_profile', 'users', 'receipts']) {
    expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
  }
}

describe('the browser host answers every request and keeps running', () => {
  // The reproductions of issue 11, defect 1: each of these stopped the host.
  it.each([
    ['a bad percent-encoding under /api/', 'GET /api/%E0%A4%A HTTP/1.1', []],
    ['a POST to /api/%ZZ', 'POST /api/%ZZ HTTP/1.1', ['content-type: application/json']],
    ['a bad byte after a procedure name', 'GET /api/sales.list%FF HTTP/1.1', []],
    ['an absolute URL that cannot be parsed', 'GET http://[ HTTP/1.1', []],
    [
      'a cross-site <img> (a GET with no Origin)',
      'GET /api/%E0%A4%A HTTP/1.1',
      ['referer: https://attacker.example/', 'sec-fetch-site: cross-site', 'accept: image/*'],
    ],
    ['a bad percent-encoding in a file path', 'GET /assets/%E0%A4%A.js HTTP/1.1', []],
  ])('answers %s with 400 bad_request', async (_label, line, headers) => {
    const { host, core } = await startTestHost();
    expectRefusal(
      await rawExchange(host.port, rawRequest(host.port, line, headers)),
      400,
      'bad_request',
    );
    await expectUnharmed(host.port, core.db);
  });

  it('answers a path that only looks like an authority (//[) as a client route', async () => {
    const { host, core } = await startTestHost();
    const answer = await rawExchange(host.port, rawRequest(host.port, 'GET //[ HTTP/1.1'));
    expect(answer.status).toBe(200);
    await expectUnharmed(host.port, core.db);
  });

  it.each([
    ['to a path that cannot be parsed (//[)', 'GET //[ HTTP/1.1', 404, 'not_found'],
    ['with a bad percent-encoding', 'GET /%E0%A4%A HTTP/1.1', 400, 'bad_request'],
    ['to an absolute URL that cannot be parsed', 'GET http://[ HTTP/1.1', 400, 'bad_request'],
    ['to another path', 'GET /api HTTP/1.1', 404, 'not_found'],
  ])('refuses a WebSocket upgrade %s', async (_label, line, status, code) => {
    const { host, core } = await startTestHost();
    const answer = await rawExchange(
      host.port,
      rawRequest(host.port, line, handshake, '', 'upgrade'),
    );
    expectRefusal(answer, status, code);
    await expectUnharmed(host.port, core.db);
  });

  it('refuses a handshake to /events that is not a WebSocket one, in the one shape', async () => {
    const { host, core } = await startTestHost();
    const answer = await rawExchange(
      host.port,
      rawRequest(host.port, 'GET /events HTTP/1.1', ['upgrade: h2c'], '', 'upgrade'),
    );
    expectRefusal(answer, 400, 'bad_request');
    await expectUnharmed(host.port, core.db);
  });

  it.each([
    ['a header line without a colon', 'GET /api HTTP/1.1', ['no colon here'], 400, 'bad_request'],
    ['an unknown method', 'BREW /api HTTP/1.1', [], 400, 'bad_request'],
    ['a request line with spaces in the path', 'GET /a b c HTTP/1.1', [], 400, 'bad_request'],
    [
      'headers over 16 KiB',
      'GET /api HTTP/1.1',
      [`x-big: ${'x'.repeat(20_000)}`],
      431,
      'headers_too_large',
    ],
    ['CONNECT', 'CONNECT 127.0.0.1:22 HTTP/1.1', [], 405, 'method_not_allowed'],
    ['POST /api', 'POST /api HTTP/1.1', [], 405, 'method_not_allowed'],
  ])('answers %s in the one error shape', async (_label, line, headers, status, code) => {
    const { host, core } = await startTestHost();
    expectRefusal(await rawExchange(host.port, rawRequest(host.port, line, headers)), status, code);
    await expectUnharmed(host.port, core.db);
  });

  it.each([
    ['a path under a file', 'GET /index.html/app.js HTTP/1.1'],
    ['a file name too long for the disk', `GET /${'a'.repeat(300)}.js HTTP/1.1`],
  ])('answers %s with 404', async (_label, line) => {
    const { host, core } = await startTestHost();
    expectRefusal(await rawExchange(host.port, rawRequest(host.port, line)), 404, 'not_found');
    await expectUnharmed(host.port, core.db);
  });

  it('drops an event socket that sends a message over the limit, and keeps the others', async () => {
    const { host, core } = await startTestHost();
    const url = `${host.url.replace('http', 'ws')}events`;
    const open = (socket: WebSocket) =>
      new Promise<void>((resolve, reject) => {
        socket.on('open', () => resolve());
        socket.on('error', reject);
      });
    const quiet = new WebSocket(url);
    const noisy = new WebSocket(url);
    await Promise.all([open(quiet), open(noisy)]);
    const closed = new Promise<number>((resolve) => noisy.on('close', resolve));
    noisy.send('x'.repeat(5000));
    expect(await closed).toBeGreaterThan(1000);
    expect(quiet.readyState).toBe(WebSocket.OPEN);
    quiet.close();
    await expectUnharmed(host.port, core.db);
  });

  it('logs an exception inside a handler and answers 500, then goes on answering', async () => {
    const { core, rendererDir } = await startTestHost();
    const logged: unknown[] = [];
    const throwing = {
      ...core,
      dispatch: () => {
        throw new Error('the handler broke');
      },
    };
    const host = await startHost({
      core: throwing,
      rendererDir,
      log: { error: (...args: unknown[]) => logged.push(...args) },
    });
    try {
      const answer = await rawExchange(
        host.port,
        rawRequest(
          host.port,
          'POST /api/shop.get HTTP/1.1',
          ['content-type: application/json'],
          '{}',
        ),
      );
      expect(answer.status).toBe(500);
      expect(JSON.parse(answer.body)).toEqual({
        error: { code: 'internal', message: 'Internal error' },
      });
      expect(logged).toContainEqual(new Error('the handler broke'));
      await expectUnharmed(host.port, core.db);
    } finally {
      await host.close();
    }
  });
});

describe('the browser host under generated traffic', () => {
  it('answers every generated request below 500 and in the one shape, and wrote nothing', async () => {
    const { host, core } = await startTestHost();
    await fc.assert(
      everyRequestAnswered((line, headers, content) =>
        rawExchange(host.port, rawRequest(host.port, line, headers, content)),
      ),
      { numRuns: 1000 },
    );
    await expectUnharmed(host.port, core.db);
  }, 120_000);

  it('answers every generated WebSocket upgrade and survives any frame sent on /events', async () => {
    const { host, core } = await startTestHost();
    await fc.assert(
      everyUpgradeAnswered((line, headers, frame) =>
        rawExchange(host.port, rawRequest(host.port, line, headers, '', 'upgrade'), {
          afterUpgrade: frame,
        }),
      ),
      { numRuns: 400 },
    );
    await expectUnharmed(host.port, core.db);
  }, 120_000);
});
