import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../../electron/core';
import { recordFact } from '../../../electron/head-office/outbox';
import type { Outcome } from '../../../shared/api/bridge';
import { refusedWith, startStandIn } from '../../support/head-office-stand-in';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const quiet = { error: () => {}, warn: () => {}, info: () => {} };
const carrierDirs = [path.resolve(__dirname, '../../../resources/carriers')];
const code = 'ABCD-EFGH-JKMN';
const closing: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const each of closing.splice(0).reverse()) await each.close();
});

async function demoShop() {
  const core = await createCore({
    databaseFile: path.join(tempDir(), 'shop.sqlite'),
    demo: true,
    carrierDirs,
    modemProfileDirs: [SHIPPED_MODEMS],
    log: quiet,
    now: () => new Date('2026-12-07T09:00:00Z'),
  });
  closing.push(core);
  const login = await core.dispatch('auth.login', { name: 'manager', pin: '9999' });
  if (!login.ok) throw new Error(login.error.message);
  const token = (login.result as { token: string }).token;
  const call = (name: string, input: unknown) => core.dispatch(name as never, input, token);
  return { core, call };
}

const errorOf = (outcome: Outcome) => {
  if (outcome.ok) throw new Error('The call was not refused');
  return outcome.error;
};

function writeFact(core: Core, at: string) {
  core.db.transaction(() =>
    recordFact(
      core.db,
      {
        kind: 'cashMovement',
        payload: {
          shiftId: 1,
          tillId: null,
          kind: 'out',
          amount: 500,
          currency: 'XPF',
          reason: 'change',
          actorId: 1,
          at,
        },
      },
      new Date(at),
    ),
  )();
}

const auditKinds = async (call: (name: string, input: unknown) => Promise<Outcome>) => {
  const listed = await call('audit.list', {});
  return (
    (listed.ok ? listed.result : { events: [] }) as { events: { kind: string }[] }
  ).events.map((event) => event.kind);
};

describe('the head office link, as the manager sees it', () => {
  it('says the shop is not enrolled, with the facts waiting and the oldest one’s time', async () => {
    const { core, call } = await demoShop();
    // The books' own facts from the start (its books check, the sign-in's audit entry) wait too.
    const before = await call('sync.getStatus', {});
    const waiting = before.ok ? (before.result as { backlog: number }).backlog : -1;
    writeFact(core, '2026-12-05T22:00:00.000Z');
    writeFact(core, '2026-12-06T22:00:00.000Z');
    const oldest = core.db
      .prepare('SELECT created_at FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT 1')
      .pluck()
      .get();
    const status = await call('sync.getStatus', {});
    expect(status).toEqual({
      ok: true,
      result: {
        headOffice: null,
        lastSuccessAt: null,
        lastAttemptAt: null,
        lastError: null,
        backlog: waiting + 2,
        oldestPendingAt: oldest,
        nextAttemptAt: null,
        refusedFact: null,
        catalog: { received: 0, applied: 0, managed: false, scheduled: [], stuck: null },
      },
    });
    expect(errorOf(await call('sync.send', {})).code).toBe('conflict');
  });

  it('refuses plain HTTP to another machine, and a code of the wrong shape, before sending anything', async () => {
    const { call } = await demoShop();
    const plain = errorOf(
      await call('sync.enrol', { url: 'http://hq.example.nc:7400', code, fingerprint: null }),
    );
    expect(plain).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'url', code: 'tls_required' }],
    });
    expect(plain.message).toContain('TLS is required except on loopback');
    const badCode = errorOf(
      await call('sync.enrol', {
        url: 'https://hq.example.nc',
        code: 'ABCD-EFGH-JKM0',
        fingerprint: null,
      }),
    );
    expect(badCode).toMatchObject({ issues: [{ path: 'code', code: 'enrolment_code' }] });
  });

  it('says the code was refused when the head office refuses it, and stays unenrolled', async () => {
    const { core, call } = await demoShop();
    const server = await startStandIn(() =>
      refusedWith(403, 'enrolment_refused', 'This code was used already'),
    );
    closing.push(server);
    const refused = errorOf(
      await call('sync.enrol', {
        url: server.url,
        code: 'abcd efgh jkmn'.replaceAll(' ', ''),
        fingerprint: null,
      }),
    );
    expect(refused).toMatchObject({
      code: 'enrolment_refused',
      message: 'This code was used already',
    });
    // The code was sent as the head office spells it; nothing was kept, nothing audited.
    expect(server.requests).toEqual([
      expect.objectContaining({
        path: '/hq/v1/enrol',
        authorization: null,
        body: {
          code: 'ABCDEFGHJKMN',
          software: expect.stringMatching(/^Comptoir \d/),
          zone: 'Pacific/Noumea',
          currency: 'XPF',
        },
      }),
    ]);
    expect(core.db.prepare('SELECT count(*) FROM head_office').pluck().get()).toBe(0);
    expect(await auditKinds(call)).not.toContain('sync.enrolled');
  });

  it('asks for the shop’s time zone and currency before enrolling a shop set up without them', async () => {
    const { core, call } = await demoShop();
    const server = await startStandIn(() => 'hang');
    closing.push(server);
    core.db.prepare('DELETE FROM shop_profile').run();
    const refused = errorOf(await call('sync.enrol', { url: server.url, code, fingerprint: null }));
    expect(refused).toMatchObject({ code: 'enrolment_refused', params: { reason: 'no_profile' } });
    expect(server.requests).toEqual([]);
  });

  it('keeps no link when the head office answers for another zone or currency than the shop’s', async () => {
    const { core, call } = await demoShop();
    // A head office that enrols without comparing (it has the shop in Paris, in euros).
    const server = await startStandIn(() => ({
      status: 200,
      body: {
        shopId: '0190a1b2-0000-7000-8000-000000000001',
        name: 'Koné',
        zone: 'Europe/Paris',
        currency: 'EUR',
        managed: false,
        credential: 'd'.repeat(40),
      },
    }));
    closing.push(server);
    const refused = errorOf(await call('sync.enrol', { url: server.url, code, fingerprint: null }));
    expect(refused).toMatchObject({
      code: 'enrolment_refused',
      params: {
        reason: 'zone_mismatch_answer',
        headOfficeZone: 'Europe/Paris',
        headOfficeCurrency: 'EUR',
        shopZone: 'Pacific/Noumea',
        shopCurrency: 'XPF',
      },
    });
    expect(refused.message).toContain('Europe/Paris, EUR; this shop is set to Pacific/Noumea, XPF');
    expect(core.db.prepare('SELECT count(*) FROM head_office').pluck().get()).toBe(0);
    expect(await auditKinds(call)).not.toContain('sync.enrolled');
    expect(server.requests).toHaveLength(1);
  });

  it('enrols again, audited, once the head office refuses the credential; not before', async () => {
    const { core, call } = await demoShop();
    const credentials = ['a'.repeat(40), 'b'.repeat(40)];
    const enrolments: string[] = [];
    // The head office renewed the shop's code: it refuses the first credential from then on.
    const server = await startStandIn((request) => {
      if (request.path === '/hq/v1/enrol') {
        const credential = credentials[enrolments.length] as string;
        enrolments.push(credential);
        const shopId = '0190a1b2-0000-7000-8000-00000000000'.concat(String(enrolments.length));
        const answer = { shopId, name: `Koné ${enrolments.length}`, zone: 'Pacific/Noumea' };
        return {
          status: 200,
          body: { ...answer, currency: 'XPF', managed: false, credential },
        };
      }
      if (request.authorization !== `Bearer ${credentials[1]}`) {
        return refusedWith(401, 'unauthorized', 'unknown credential');
      }
      if (request.path.startsWith('/hq/v1/catalog')) {
        return { status: 200, body: { changes: [], version: 0 } };
      }
      const facts = (request.body as { facts: { id: string }[] }).facts;
      return { status: 200, body: { highWater: facts.at(-1)?.id, stored: facts.length } };
    });
    closing.push(server);
    const enrol = () => call('sync.enrol', { url: server.url, code, fingerprint: null });
    expect((await enrol()).ok).toBe(true);
    const refused = await call('sync.send', {});
    expect(refused).toMatchObject({
      ok: true,
      result: { lastError: { code: 'credential_refused' } },
    });
    const again = await enrol();
    expect(again).toMatchObject({ ok: true, result: { headOffice: { shopName: 'Koné 2' } } });
    const sent = await call('sync.send', {});
    expect(sent).toMatchObject({ ok: true, result: { backlog: 0, lastError: null } });
    expect(core.db.prepare('SELECT count(*) FROM head_office').pluck().get()).toBe(1);
    const listed = await call('audit.list', { kind: 'sync.enrolled' });
    const events = (listed.ok ? listed.result : { events: [] }) as {
      events: { before: unknown; after: unknown }[];
    };
    // Newest first: the enrolment again says which link it replaced.
    expect(events.events).toMatchObject([
      { before: { shopName: 'Koné 1' }, after: { shopName: 'Koné 2' } },
      { before: null, after: { shopName: 'Koné 1' } },
    ]);
    // A link that works is kept: enrolling once more is refused, and nothing is asked.
    expect(errorOf(await enrol()).code).toBe('conflict');
    expect(enrolments).toHaveLength(2);
  });

  it('enrols again when this PC cannot open the credential (a backup restored elsewhere)', async () => {
    const { core, call } = await demoShop();
    const server = await startStandIn((request) =>
      request.path === '/hq/v1/enrol'
        ? {
            status: 200,
            body: {
              shopId: '0190a1b2-0000-7000-8000-000000000001',
              name: 'Koné',
              zone: 'Pacific/Noumea',
              currency: 'XPF',
              managed: false,
              credential: 'c'.repeat(40),
            },
          }
        : refusedWith(503, 'internal', 'down'),
    );
    closing.push(server);
    const enrol = () => call('sync.enrol', { url: server.url, code, fingerprint: null });
    expect((await enrol()).ok).toBe(true);
    // The round the enrolment started, then the database as a backup restored on another PC.
    await call('sync.send', {});
    core.db.prepare("UPDATE head_office SET credential_sealed = 'not sealed here'").run();
    const unreadable = await call('sync.send', {});
    expect(unreadable).toMatchObject({ result: { lastError: { code: 'credential_unreadable' } } });
    expect((await enrol()).ok).toBe(true);
  });

  it('says why the head office could not be reached', async () => {
    const { call } = await demoShop();
    const server = await startStandIn(() => 'hang');
    const { url } = server;
    await server.close();
    const unreachable = errorOf(await call('sync.enrol', { url, code, fingerprint: null }));
    expect(unreachable).toMatchObject({ code: 'unreachable', params: { reason: 'no_answer' } });
  });
});
