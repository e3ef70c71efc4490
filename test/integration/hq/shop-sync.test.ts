import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Core, createCore } from '../../../electron/core';
import { hubCertificate } from '../../../electron/counters/certificate';
import { recordFact } from '../../../electron/head-office/outbox';
import { keyFileSealer } from '../../../electron/store/dealer-pins';
import type { Outcome } from '../../../shared/api/bridge';
import type { SyncStatus } from '../../../shared/head-office';
import {
  createShop,
  signInStaff,
  startHeadOffice,
  startHeadOfficeInProcess,
} from '../../support/head-office';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';

/**
 * The shop's side of its head office against the real one: `hq serve`'s server on a real
 * PostgreSQL (in this process, and the built CLI over TLS), a real shop core on SQLite.
 */

const tempDir = withTempDirs();
const quiet = { error: () => {}, warn: () => {}, info: () => {} };
const carrierDirs = [path.resolve(__dirname, '../../../resources/carriers')];
let headOffice: Awaited<ReturnType<typeof startHeadOfficeInProcess>>;
const closing: { close(): Promise<unknown> }[] = [];

beforeAll(async () => {
  headOffice = await startHeadOfficeInProcess({ postgresUrl: inject('postgresUrl') });
  await signInStaff(headOffice);
});
afterAll(() => headOffice.stop());
afterEach(async () => {
  for (const each of closing.splice(0).reverse()) await each.close();
});

async function demoShop() {
  const databaseFile = path.join(tempDir(), 'shop.sqlite');
  const core = await createCore({
    databaseFile,
    demo: true,
    carrierDirs,
    modemProfileDirs: [SHIPPED_MODEMS],
    log: quiet,
  });
  closing.push(core);
  const login = await core.dispatch('auth.login', { name: 'manager', pin: '9999' });
  if (!login.ok) throw new Error(login.error.message);
  const token = (login.result as { token: string }).token;
  const call = (name: string, input: unknown) => core.dispatch(name as never, input, token);
  return { core, call, databaseFile };
}

const resultOf = <T>(outcome: Outcome) => {
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.result as T;
};
const errorOf = (outcome: Outcome) => {
  if (outcome.ok) throw new Error('The call was not refused');
  return outcome.error;
};

/** `count` cash movements, written as the books write facts. */
function writeFacts(core: Core, count: number) {
  core.db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const at = new Date(Date.now() - (count - i) * 1_000);
      recordFact(
        core.db,
        {
          kind: 'cashMovement',
          payload: {
            shiftId: 1,
            tillId: null,
            kind: 'in',
            amount: 100 * (i + 1),
            currency: 'XPF',
            reason: 'float',
            actorId: 1,
            at: at.toISOString(),
          },
        },
        at,
      );
    }
  })();
}

const outboxIds = (core: Core) =>
  core.db.prepare('SELECT id FROM outbox ORDER BY id').pluck().all() as string[];

const storedAt = async (databaseUrl: string, shopId: string) => {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  try {
    const facts = await pool.query<{ id: string }>(
      'SELECT id::text FROM facts WHERE shop_id = $1 ORDER BY id',
      [shopId],
    );
    const shop = await pool.query<{ high_water: string | null }>(
      'SELECT high_water::text FROM shops WHERE id = $1',
      [shopId],
    );
    return { ids: facts.rows.map((row) => row.id), highWater: shop.rows[0]?.high_water ?? null };
  } finally {
    await pool.end();
  }
};

describe('a shop and its head office', () => {
  it('enrols with a code, keeps the credential sealed, sends its books once and catches up after more', async () => {
    const { core, call, databaseFile } = await demoShop();
    writeFacts(core, 3);
    const { shopId, code } = await createShop(headOffice, { name: 'Koné', managed: false });

    const enrolled = resultOf<SyncStatus>(
      await call('sync.enrol', { url: headOffice.url, code, fingerprint: null }),
    );
    expect(enrolled.headOffice).toMatchObject({ shopId, shopName: 'Koné', fingerprint: null });

    // Everything the shop's books wrote (its books check at start, the audit trail's entries,
    // the facts above), in order, once.
    const sent = resultOf<SyncStatus>(await call('sync.send', {}));
    expect(sent).toMatchObject({ backlog: 0, oldestPendingAt: null });
    const ids = outboxIds(core);
    expect(ids.length).toBeGreaterThan(3);
    expect(await storedAt(headOffice.databaseUrl, shopId)).toEqual({ ids, highWater: ids.at(-1) });

    // The credential the head office knows (hashed) is the one the shop keeps, sealed with the
    // key file beside its database: never in clear in the database (nor its backups).
    const sealed = core.db.prepare('SELECT credential_sealed FROM head_office').pluck().get();
    const credential = keyFileSealer(
      path.join(path.dirname(databaseFile), 'comptoir-secrets.key'),
    ).open(sealed as string);
    const hashes = await headOffice.pool.query<{ credential_hash: string }>(
      'SELECT credential_hash FROM shops WHERE id = $1',
      [shopId],
    );
    expect(hashes.rows[0]?.credential_hash).toBe(
      createHash('sha256').update(credential).digest('hex'),
    );
    expect(sealed).not.toContain(credential);

    writeFacts(core, 2);
    resultOf(await call('sync.send', {}));
    expect((await storedAt(headOffice.databaseUrl, shopId)).ids).toEqual(outboxIds(core));
    expect(outboxIds(core)).toHaveLength(ids.length + 2);

    const trail = resultOf<{ events: { kind: string; subject: string | null }[] }>(
      await call('audit.list', { kind: 'sync.enrolled' }),
    );
    expect(trail.events).toEqual([expect.objectContaining({ subject: 'Koné' })]);
    expect(
      errorOf(await call('sync.enrol', { url: headOffice.url, code, fingerprint: null })).code,
    ).toBe('conflict');
  });

  it('names the fact the head office refuses for good in the Sync status', async () => {
    const { core, call } = await demoShop();
    const { shopId, code } = await createShop(headOffice, { name: 'Poum', managed: false });
    resultOf(await call('sync.enrol', { url: headOffice.url, code, fingerprint: null }));
    resultOf(await call('sync.send', {}));
    // Two facts the head office takes, in the same batch as the one it refuses.
    writeFacts(core, 2);
    const before = outboxIds(core);
    // A time the shop's outbox takes as text but the head office cannot store as one.
    const at = new Date('2026-12-07T08:00:00.000Z');
    const id = core.db.transaction(() =>
      recordFact(
        core.db,
        {
          kind: 'refund',
          payload: {
            saleId: 7,
            tillId: null,
            amount: 1_500,
            currency: 'XPF',
            method: 'cash',
            reason: 'card refused',
            at: 'the seventh, in the morning',
          },
        },
        at,
      ),
    )();
    writeFacts(core, 2);

    const status = resultOf<SyncStatus>(await call('sync.send', {}));
    expect(status.lastError).toMatchObject({ code: 'refused' });
    expect(status.refusedFact).toEqual({
      id,
      kind: 'refund',
      recordedAt: at.toISOString(),
      at: expect.any(String),
      issues: [{ path: 'payload.at', code: 'invalid_instant', message: expect.any(String) }],
    });
    // The facts before it arrived; it and those after it wait, in order.
    expect(await storedAt(headOffice.databaseUrl, shopId)).toEqual({
      ids: before,
      highWater: before.at(-1),
    });
    expect(status.backlog).toBe(3);
  });

  it('refuses a shop set to another zone than the head office has, without using its code, then enrols it with the same code once corrected', async () => {
    const { core, call } = await demoShop();
    const { shopId, code } = await createShop(headOffice, { name: 'Wallis', managed: false });
    const { profile } = resultOf<{ profile: Record<string, unknown> }>(await call('shop.get', {}));
    resultOf(await call('shop.update', { ...profile, timeZone: 'Europe/Paris' }));
    const enrol = () => call('sync.enrol', { url: headOffice.url, code, fingerprint: null });

    const refused = errorOf(await enrol());
    expect(refused).toMatchObject({
      code: 'enrolment_refused',
      message:
        'The head office has this shop in Pacific/Noumea, XPF; this shop is set to Europe/Paris, XPF: correct one of them, then enrol again',
      params: {
        reason: 'zone_mismatch',
        headOfficeZone: 'Pacific/Noumea',
        headOfficeCurrency: 'XPF',
        shopZone: 'Europe/Paris',
        shopCurrency: 'XPF',
      },
    });
    // Nothing kept on either side: no link here, no credential there, the code still unused.
    expect(core.db.prepare('SELECT count(*) FROM head_office').pluck().get()).toBe(0);
    const trail = resultOf<{ events: unknown[] }>(
      await call('audit.list', { kind: 'sync.enrolled' }),
    );
    expect(trail.events).toEqual([]);
    const there = await headOffice.pool.query(
      `SELECT shops.credential_hash, shops.enrolled_at, enrolment_codes.used_at
       FROM shops JOIN enrolment_codes ON enrolment_codes.shop_id = shops.id WHERE shops.id = $1`,
      [shopId],
    );
    expect(there.rows).toEqual([{ credential_hash: null, enrolled_at: null, used_at: null }]);

    resultOf(await call('shop.update', { ...profile, timeZone: 'Pacific/Noumea' }));
    const enrolled = resultOf<SyncStatus>(await enrol());
    expect(enrolled.headOffice).toMatchObject({ shopId, shopName: 'Wallis' });
  });

  it('cannot use a code twice: the second shop is refused and stays unenrolled', async () => {
    const { code } = await createShop(headOffice, { name: 'Poindimié' });
    const first = await demoShop();
    resultOf(await first.call('sync.enrol', { url: headOffice.url, code, fingerprint: null }));
    const second = await demoShop();
    const refused = errorOf(
      await second.call('sync.enrol', { url: headOffice.url, code, fingerprint: null }),
    );
    expect(refused.code).toBe('enrolment_refused');
    expect(resultOf<SyncStatus>(await second.call('sync.getStatus', {})).headOffice).toBeNull();
  });

  it('says in words when the head office no longer knows the shop’s credential', async () => {
    const { core, call } = await demoShop();
    const { shopId, code } = await createShop(headOffice, { name: 'Bourail' });
    resultOf(await call('sync.enrol', { url: headOffice.url, code, fingerprint: null }));
    expect(resultOf<SyncStatus>(await call('sync.send', {})).backlog).toBe(0);
    writeFacts(core, 1);
    await headOffice.pool.query('UPDATE shops SET credential_hash = $2 WHERE id = $1', [
      shopId,
      createHash('sha256').update('another').digest('hex'),
    ]);
    const status = resultOf<SyncStatus>(await call('sync.send', {}));
    expect(status.lastError).toMatchObject({
      code: 'credential_refused',
      message: expect.stringContaining('no longer accepts this shop’s credential'),
    });
    expect(status.backlog).toBe(1);
  });
});

describe('a shop enrolling from an address that sent wrong codes', () => {
  it('says how long to wait, then enrols with its right code once the wait is over', async () => {
    // A head office of its own, on a clock the test moves: the others here are not held up.
    let clock = Date.now();
    const strict = await startHeadOfficeInProcess({
      postgresUrl: inject('postgresUrl'),
      now: () => new Date(clock),
    });
    closing.push({ close: () => strict.stop() });
    await signInStaff(strict);
    const { shopId, code } = await createShop(strict, { name: 'Ouvéa' });
    const { call } = await demoShop();
    const enrol = (typed: string) =>
      call('sync.enrol', { url: strict.url, code: typed, fingerprint: null });
    for (const wrong of ['WRNG-CDEX-XXAA', 'WRNG-CDEX-XXBB', 'WRNG-CDEX-XXCC']) {
      expect(errorOf(await enrol(wrong))).toMatchObject({ code: 'enrolment_refused' });
    }
    expect(errorOf(await enrol(code))).toMatchObject({
      code: 'enrolment_refused',
      message: 'Too many wrong codes from this address: try again in 1 s',
      params: { reason: 'rate_limited', retryAfter: '1' },
    });
    expect(resultOf<SyncStatus>(await call('sync.getStatus', {})).headOffice).toBeNull();
    clock += 1_000;
    expect(resultOf<SyncStatus>(await enrol(code)).headOffice).toMatchObject({ shopId });
  });
});

describe('a head office with its own certificate', () => {
  it('is reached only through the fingerprint the manager enters', async () => {
    const dir = tempDir();
    const certificate = await hubCertificate(dir);
    const certFile = path.join(dir, 'hq.pem');
    const keyFile = path.join(dir, 'hq-key.pem');
    fs.writeFileSync(certFile, certificate.cert);
    fs.writeFileSync(keyFile, certificate.key);
    const served = await startHeadOffice({
      postgresUrl: inject('postgresUrl'),
      databaseUrl: headOffice.databaseUrl,
      tls: { certFile, keyFile },
    });
    closing.push({ close: () => served.stop() });
    const { code } = await createShop(headOffice, { name: 'Lifou' });

    const { core, call } = await demoShop();
    const untrusted = errorOf(
      await call('sync.enrol', { url: served.url, code, fingerprint: null }),
    );
    expect(untrusted).toMatchObject({
      code: 'unreachable',
      params: { reason: 'untrusted_certificate' },
    });
    const fingerprint = certificate.fingerprint.replace(/(..)(?!$)/g, '$1:');
    const enrolled = resultOf<SyncStatus>(
      await call('sync.enrol', { url: served.url, code, fingerprint }),
    );
    expect(enrolled.headOffice?.fingerprint).toBe(certificate.fingerprint.toLowerCase());
    writeFacts(core, 2);
    expect(resultOf<SyncStatus>(await call('sync.send', {}))).toMatchObject({ backlog: 0 });
  });
});
