import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCarrierBook } from '../../../electron/carriers/book';
import { hubCertificate } from '../../../electron/counters/certificate';
import { createCatalogFollower } from '../../../electron/head-office/catalog-follower';
import { createLinkStore } from '../../../electron/head-office/link-store';
import { recordFact } from '../../../electron/head-office/outbox';
import { nextBatch } from '../../../electron/head-office/outbox-batches';
import { createSyncWorker } from '../../../electron/head-office/sync-worker';
import { openDatabase } from '../../../electron/store/database';
import { keyFileSealer } from '../../../electron/store/dealer-pins';
import type { Fact } from '../../../shared/head-office';
import {
  refusedWith,
  type StandInAnswer,
  type StandInRequest,
  startStandIn,
} from '../../support/head-office-stand-in';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const quiet = { error: () => {}, warn: () => {}, info: () => {} };
// The catalogs these head offices answer are empty: the book is never asked to change.
const carriers = await openCarrierBook([], null, quiet);
const timing = { everyMs: 60_000, retryFirstMs: 4_000, retryMaxMs: 60_000 };
const credential = 'c'.repeat(48);
const opened: { close(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const each of opened.splice(0).reverse()) await each.close();
});

function shop() {
  const dir = tempDir();
  const { db } = openDatabase(path.join(dir, 'shop.sqlite'));
  opened.push({
    close: () => {
      db.close();
    },
  });
  return { db, dir };
}

/** `count` cash movements written as the books write facts (in a transaction: one, here). */
function writeFacts(db: Database, count: number, reason = 'float') {
  const ids: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      ids.push(
        recordFact(
          db,
          {
            kind: 'cashMovement',
            payload: {
              shiftId: 1,
              tillId: null,
              kind: 'in',
              amount: 1_000 + i,
              currency: 'XPF',
              reason,
              actorId: 1,
              at: '2026-12-07T08:00:00.000Z',
            },
          },
          new Date('2026-12-07T08:00:00Z'),
        ),
      );
    }
  })();
  return ids;
}

const unsent = (db: Database) =>
  db.prepare('SELECT id FROM outbox WHERE sent_at IS NULL ORDER BY id').pluck().all() as string[];
const linkRow = (db: Database) =>
  db.prepare('SELECT * FROM head_office').get() as Record<string, string | number | null>;

/** The shop enrolled at `url` (as sync.enrol leaves it) and its worker on a clock the test sets. */
function enrolledWorker(
  db: Database,
  dir: string,
  url: string,
  options: {
    fingerprint?: string;
    limits?: { facts: number; bytes: number };
    timeoutMs?: number;
  } = {},
) {
  const links = createLinkStore(db, keyFileSealer(path.join(dir, 'comptoir-secrets.key')));
  links.enrol({
    url,
    shopId: randomUUID(),
    shopName: 'Koné',
    fingerprint: options.fingerprint ?? null,
    managed: false,
    credential,
    at: '2026-12-07T07:00:00.000Z',
    by: 'manager:1',
  });
  const clock = { now: new Date('2026-12-07T09:00:00Z') };
  const worker = createSyncWorker({
    db,
    links,
    follower: createCatalogFollower({
      db,
      carriers,
      timeZone: () => 'Pacific/Noumea',
      currency: () => 'XPF',
      now: () => clock.now,
      log: quiet,
    }),
    timing,
    timeoutMs: options.timeoutMs ?? 800,
    now: () => clock.now,
    random: () => 0,
    log: quiet,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  opened.push({ close: () => worker.stop() });
  return { worker, links, clock };
}

async function standIn(answer: (request: StandInRequest) => StandInAnswer) {
  const server = await startStandIn(answer);
  opened.push(server);
  return server;
}

/** The ack of a batch as the head office gives it: every fact stored, up to its last. */
const ackOf = (request: StandInRequest): StandInAnswer => {
  const facts = (request.body as { facts: Fact[] }).facts;
  return { status: 200, body: { highWater: facts.at(-1)?.id, stored: facts.length } };
};

describe('the outbox’s batches', () => {
  it('go in id order, at most 500 facts each', () => {
    const { db } = shop();
    const ids = writeFacts(db, 1_203);
    const first = nextBatch(db);
    expect(first.map((fact) => fact.id)).toEqual(ids.slice(0, 500));
    expect(first[0]).toMatchObject({ kind: 'cashMovement', payload: { amount: 1_000 } });
  });

  it('stay under the byte bound, and a fact bigger than it goes alone', () => {
    const { db } = shop();
    const ids = writeFacts(db, 7, 'x'.repeat(200));
    const size = Buffer.byteLength(JSON.stringify(nextBatch(db, { facts: 1, bytes: 1 })[0])) + 1;
    const batch = nextBatch(db, { facts: 500, bytes: 100 + 3 * size });
    expect(batch.map((fact) => fact.id)).toEqual(ids.slice(0, 3));
    expect(nextBatch(db, { facts: 500, bytes: 10 }).map((fact) => fact.id)).toEqual([ids[0]]);
  });
});

describe('the sync worker when the head office fails', () => {
  it('keeps what was acknowledged, retries later and later, then catches up by itself', async () => {
    const { db, dir } = shop();
    const ids = writeFacts(db, 5);
    let failing = true;
    let batches = 0;
    const server = await standIn((request) => {
      if (request.path.startsWith('/hq/v1/catalog'))
        return { status: 200, body: { changes: [], version: 0 } };
      batches += 1;
      return failing && batches > 1
        ? refusedWith(503, 'internal', 'database restarting')
        : ackOf(request);
    });
    const { worker, clock } = enrolledWorker(db, dir, server.url, {
      limits: { facts: 2, bytes: 1_000_000 },
    });

    await worker.sendNow();
    // The first batch is stored and marked; the second failed and stays, in order.
    expect(unsent(db)).toEqual(ids.slice(2));
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/hq/v1/facts',
      authorization: `Bearer ${credential}`,
      body: { facts: [{ id: ids[0] }, { id: ids[1] }], backlog: 3, catalogVersion: 0 },
    });
    expect(linkRow(db)).toMatchObject({
      last_attempt_at: '2026-12-07T09:00:00.000Z',
      last_success_at: null,
      last_error_at: '2026-12-07T09:00:00.000Z',
      last_error_code: 'server_error',
      failures: 1,
      // The first retry after 4 s, jittered down to half.
      next_attempt_at: '2026-12-07T09:00:02.000Z',
    });
    expect(linkRow(db).last_error_message).toContain('database restarting');

    clock.now = new Date('2026-12-07T09:00:10Z');
    await worker.sendNow();
    expect(linkRow(db)).toMatchObject({ failures: 2, next_attempt_at: '2026-12-07T09:00:14.000Z' });

    failing = false;
    clock.now = new Date('2026-12-07T09:00:20Z');
    await worker.sendNow();
    expect(unsent(db)).toEqual([]);
    // Each failed round still asked for the catalog: the head office was there.
    expect(server.requests.map((request) => request.path)).toEqual([
      '/hq/v1/facts',
      '/hq/v1/facts',
      '/hq/v1/catalog?since=0',
      '/hq/v1/facts',
      '/hq/v1/catalog?since=0',
      '/hq/v1/facts',
      '/hq/v1/facts',
      '/hq/v1/catalog?since=0',
    ]);
    expect(server.requests.at(-2)?.body).toMatchObject({ facts: [{ id: ids[4] }], backlog: 0 });
    expect(linkRow(db)).toMatchObject({
      last_success_at: '2026-12-07T09:00:20.000Z',
      failures: 0,
      next_attempt_at: '2026-12-07T09:01:20.000Z',
      // The success ends the error: the manager reads none.
      last_error_at: null,
      last_error_code: null,
      last_error_message: null,
    });
  });

  it('says in words that the head office refused the shop’s credential (401)', async () => {
    const { db, dir } = shop();
    writeFacts(db, 2);
    const server = await standIn(() => refusedWith(401, 'unauthorized', 'unknown credential'));
    const { worker } = enrolledWorker(db, dir, server.url);
    await worker.sendNow();
    expect(unsent(db)).toHaveLength(2);
    expect(linkRow(db).last_error_code).toBe('credential_refused');
    expect(linkRow(db).last_error_message).toMatch(/no longer accepts this shop’s credential/);
  });

  it('still takes the catalog when the head office refuses a batch', async () => {
    const { db, dir } = shop();
    writeFacts(db, 2);
    const server = await standIn((request) =>
      request.path.startsWith('/hq/v1/catalog')
        ? {
            status: 200,
            body: {
              changes: [
                {
                  version: 1,
                  kind: 'shopSettings',
                  settings: { managed: true },
                  effectiveFrom: null,
                },
              ],
              version: 1,
            },
          }
        : refusedWith(400, 'invalid_input', 'facts.0.payload.reason: not storable'),
    );
    const { worker } = enrolledWorker(db, dir, server.url);
    await worker.sendNow();
    expect(server.requests.map((request) => request.path)).toEqual([
      '/hq/v1/facts',
      '/hq/v1/catalog?since=0',
    ]);
    expect(unsent(db)).toHaveLength(2);
    // The refusal is what the manager reads; the head office's prices came down all the same.
    expect(linkRow(db)).toMatchObject({ last_error_code: 'refused', managed: 1, failures: 1 });
    expect(db.prepare('SELECT version FROM catalog_changes').pluck().all()).toEqual([1]);
  });

  it('names the fact the head office refuses for good, until a batch goes through', async () => {
    const { db, dir } = shop();
    const ids = writeFacts(db, 3);
    let refusing = true;
    const server = await standIn((request) => {
      if (request.path.startsWith('/hq/v1/catalog'))
        return { status: 200, body: { changes: [], version: 0 } };
      return refusing
        ? refusedWith(400, 'invalid_input', 'Invalid batch of facts', [
            { path: 'facts.1.payload.reason', code: 'invalid_string', message: 'a NUL' },
            { path: 'facts.2.payload.at', code: 'invalid_instant', message: 'not a time' },
            { path: 'facts.1.payload.at', code: 'invalid_instant', message: 'not a time' },
          ])
        : ackOf(request);
    });
    const { worker, clock } = enrolledWorker(db, dir, server.url);
    expect(worker.refusedFact()).toBeNull();
    await worker.sendNow();
    // The first fact the head office names, when the shop wrote it and the head office's reasons
    // for it (paths within the fact); the last error stays the refusal.
    expect(worker.refusedFact()).toEqual({
      id: ids[1],
      kind: 'cashMovement',
      recordedAt: '2026-12-07T08:00:00.000Z',
      at: '2026-12-07T09:00:00.000Z',
      issues: [
        { path: 'payload.reason', code: 'invalid_string', message: 'a NUL' },
        { path: 'payload.at', code: 'invalid_instant', message: 'not a time' },
      ],
    });
    expect(linkRow(db)).toMatchObject({ last_error_code: 'refused' });
    expect(unsent(db)).toEqual(ids);

    refusing = false;
    clock.now = new Date('2026-12-07T09:05:00Z');
    await worker.sendNow();
    expect(worker.refusedFact()).toBeNull();
    expect(unsent(db)).toEqual([]);
  });

  it('sends alone the facts before the one refused for good: only it and those after it wait', async () => {
    const { db, dir } = shop();
    const ids = writeFacts(db, 5);
    // A head office refusing the third fact wherever it comes in a batch, storing any other.
    const server = await standIn((request) => {
      if (request.path.startsWith('/hq/v1/catalog'))
        return { status: 200, body: { changes: [], version: 0 } };
      const at = (request.body as { facts: Fact[] }).facts.findIndex((f) => f.id === ids[2]);
      return at === -1
        ? ackOf(request)
        : refusedWith(400, 'invalid_input', 'Invalid batch of facts', [
            { path: `facts.${at}.payload.at`, code: 'invalid_instant', message: 'not a time' },
          ]);
    });
    const { worker, clock } = enrolledWorker(db, dir, server.url);
    await worker.sendNow();
    const batches = () =>
      server.requests
        .filter((request) => request.path === '/hq/v1/facts')
        .map((request) => (request.body as { facts: Fact[] }).facts.map((fact) => fact.id));
    // The batch refused, then the two facts before the refused one, alone.
    expect(batches()).toEqual([ids, ids.slice(0, 2)]);
    expect(unsent(db)).toEqual(ids.slice(2));
    expect(worker.refusedFact()).toMatchObject({ id: ids[2], issues: [{ path: 'payload.at' }] });
    expect(linkRow(db)).toMatchObject({ last_error_code: 'refused', failures: 1 });

    // The next round sends one batch, refused at its first fact: nothing more to send alone.
    clock.now = new Date('2026-12-07T09:05:00Z');
    await worker.sendNow();
    expect(batches().slice(2)).toEqual([ids.slice(2)]);
    expect(unsent(db)).toEqual(ids.slice(2));
    expect(worker.refusedFact()).toMatchObject({ id: ids[2] });
    expect(linkRow(db)).toMatchObject({ last_error_code: 'refused', failures: 2 });
  });

  it('names no fact for a refusal of the batch itself', async () => {
    const { db, dir } = shop();
    writeFacts(db, 1);
    const server = await standIn(() =>
      refusedWith(400, 'invalid_input', 'Invalid batch of facts', [
        { path: 'backlog', code: 'too_big', message: 'At most 2147483647' },
        { path: 'facts.7.payload.at', code: 'invalid_instant', message: 'not in this batch' },
      ]),
    );
    const { worker } = enrolledWorker(db, dir, server.url);
    await worker.sendNow();
    expect(linkRow(db)).toMatchObject({ last_error_code: 'refused' });
    expect(worker.refusedFact()).toBeNull();
  });

  it('gives up a request the head office never answers, within its timeout', async () => {
    const { db, dir } = shop();
    writeFacts(db, 1);
    const server = await standIn(() => 'hang');
    const { worker } = enrolledWorker(db, dir, server.url);
    const started = Date.now();
    await worker.sendNow();
    // Without the timeout the round would wait for the test's own (20 s): a wide bound, not a race.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(linkRow(db)).toMatchObject({ last_error_code: 'timeout', failures: 1 });
    expect(unsent(db)).toHaveLength(1);
  });

  it('stops at once when the shop closes, mid-request, and keeps nothing of it', async () => {
    const { db, dir } = shop();
    writeFacts(db, 1);
    const server = await standIn(() => 'hang');
    // A long request timeout, so that only the stop can end the round this soon.
    const { worker } = enrolledWorker(db, dir, server.url, { timeoutMs: 15_000 });
    const round = worker.sendNow();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await worker.stop();
    await round;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(linkRow(db)).toMatchObject({ last_error_code: null, failures: 0 });
  });

  it('marks only what it sent, whatever high-water mark comes back', async () => {
    const { db, dir } = shop();
    const ids = writeFacts(db, 4);
    // A head office naming a later fact than the batch (the shop was restored from a backup…).
    const later = await standIn((request) =>
      request.path.startsWith('/hq/v1/catalog')
        ? refusedWith(503, 'internal', 'stop here')
        : { status: 200, body: { highWater: ids[3], stored: 2 } },
    );
    const first = enrolledWorker(db, dir, later.url, { limits: { facts: 2, bytes: 1_000_000 } });
    await first.worker.sendNow();
    // Two batches, each marked up to its own last fact: none was marked before it was sent.
    expect(later.requests.filter((request) => request.path === '/hq/v1/facts')).toHaveLength(2);
    expect(unsent(db)).toEqual([]);

    const { db: other, dir: otherDir } = shop();
    const otherIds = writeFacts(other, 2);
    const before = await standIn(() => ({
      status: 200,
      body: { highWater: '00000000-0000-7000-8000-000000000000', stored: 0 },
    }));
    const second = enrolledWorker(other, otherDir, before.url);
    await second.worker.sendNow();
    expect(unsent(other)).toEqual(otherIds);
    expect(linkRow(other).last_error_code).toBe('bad_answer');
  });

  it.each([
    ['no JSON', { raw: '<html>proxy error</html>' }],
    ['JSON of another shape', { status: 200, body: { ok: true } }],
  ] as const)('refuses an answer it cannot read (%s)', async (_, answer) => {
    const { db, dir } = shop();
    writeFacts(db, 1);
    const server = await standIn(() => answer);
    const { worker } = enrolledWorker(db, dir, server.url);
    await worker.sendNow();
    expect(linkRow(db).last_error_code).toBe('bad_answer');
    expect(unsent(db)).toHaveLength(1);
  });

  it('sends nothing to a head office showing another certificate than the one pinned', async () => {
    const { db, dir } = shop();
    writeFacts(db, 1);
    const certificate = await hubCertificate(tempDir());
    const other = await hubCertificate(tempDir());
    const server = await startStandIn(() => refusedWith(503, 'internal', 'reached'), certificate);
    opened.push(server);

    const pinnedWrong = enrolledWorker(db, dir, server.url, {
      fingerprint: other.fingerprint.toLowerCase(),
    });
    await pinnedWrong.worker.sendNow();
    expect(server.requests).toEqual([]);
    expect(linkRow(db).last_error_code).toBe('certificate_changed');
  });

  it('reaches a self-signed head office only through its pinned fingerprint', async () => {
    const certificate = await hubCertificate(tempDir());
    const server = await startStandIn(() => refusedWith(503, 'internal', 'reached'), certificate);
    opened.push(server);

    const unpinned = shop();
    writeFacts(unpinned.db, 1);
    await enrolledWorker(unpinned.db, unpinned.dir, server.url).worker.sendNow();
    expect(linkRow(unpinned.db).last_error_code).toBe('untrusted_certificate');
    expect(server.requests).toEqual([]);

    const pinned = shop();
    writeFacts(pinned.db, 1);
    await enrolledWorker(pinned.db, pinned.dir, server.url, {
      fingerprint: certificate.fingerprint.toLowerCase(),
    }).worker.sendNow();
    expect(server.requests).toEqual([
      expect.objectContaining({ path: '/hq/v1/facts', authorization: `Bearer ${credential}` }),
      expect.objectContaining({ path: '/hq/v1/catalog?since=0' }),
    ]);
    expect(linkRow(pinned.db).last_error_code).toBe('server_error');
  });

  it('follows no redirect, pinned or not: nothing goes to the other address', async () => {
    const elsewhere = await standIn(ackOf);
    const certificate = await hubCertificate(tempDir());
    for (const tls of [null, certificate]) {
      const redirecting = (request: http.IncomingMessage, response: http.ServerResponse) => {
        request.resume();
        response.writeHead(307, { location: `${elsewhere.url}${request.url}` }).end();
      };
      const server = tls ? https.createServer(tls, redirecting) : http.createServer(redirecting);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      opened.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
      const { port } = server.address() as AddressInfo;
      const { db, dir } = shop();
      writeFacts(db, 1);
      const { worker } = enrolledWorker(db, dir, `${tls ? 'https' : 'http'}://127.0.0.1:${port}`, {
        ...(tls ? { fingerprint: tls.fingerprint } : {}),
      });
      await worker.sendNow();
      expect(unsent(db)).toHaveLength(1);
      expect(linkRow(db)).toMatchObject({ last_error_code: 'refused' });
      expect(linkRow(db).last_error_message).toContain('redirect');
    }
    expect(elsewhere.requests).toEqual([]);
  });

  it('says so when nothing answers at the address', async () => {
    const { db, dir } = shop();
    writeFacts(db, 1);
    const server = await startStandIn(() => 'hang');
    const { url } = server;
    await server.close();
    const { worker } = enrolledWorker(db, dir, url);
    await worker.sendNow();
    expect(linkRow(db).last_error_code).toBe('no_answer');
    expect(linkRow(db).last_error_message).toMatch(
      /Nothing answers at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/,
    );
  });
});

describe('the sync worker when its outcome cannot be kept', () => {
  it('waits a failure’s delay before the next round, instead of trying again at once', async () => {
    const { db, dir } = shop();
    writeFacts(db, 1);
    const server = await standIn(ackOf);
    const { worker } = enrolledWorker(db, dir, server.url);
    // The database takes no more writes to the link (a disk full, a file gone read-only).
    let attempts = 0;
    db.function('attempt_refused', () => {
      attempts += 1;
      return null;
    });
    db.exec(`CREATE TRIGGER link_frozen BEFORE UPDATE ON head_office
      BEGIN SELECT attempt_refused(); SELECT RAISE(ABORT, 'disk full'); END`);
    worker.start();
    await new Promise((resolve) => setTimeout(resolve, 400));
    // One round, then the wait after a failure (2 s here): not a round on every tick.
    expect(attempts).toBe(1);
    expect(unsent(db)).toHaveLength(1);
  });
});

describe('the shop’s credential', () => {
  it('is kept sealed: the database (and its backups) never hold it in clear', () => {
    const { db, dir } = shop();
    const { links } = enrolledWorker(db, dir, 'https://hq.example.nc');
    expect(JSON.stringify(linkRow(db))).not.toContain(credential);
    expect(links.credential()).toBe(credential);
  });
});
