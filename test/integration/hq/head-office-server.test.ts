import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ingestRetryAfterSeconds } from '../../../electron/hq/ingest';
import type { ApiError } from '../../../shared/api/errors';
import { batchLimits, headOfficeWire } from '../../../shared/head-office';
import { factIds, receiptFacts, saleFact } from '../../support/chain-facts';
import {
  createShop,
  enrolAsShop,
  sendFacts,
  signInStaff,
  startHeadOfficeInProcess,
  testStaff,
} from '../../support/head-office';

let clock = Date.parse('2026-12-07T08:00:00Z');
const now = () => new Date(clock);
let headOffice: Awaited<ReturnType<typeof startHeadOfficeInProcess>>;

beforeAll(async () => {
  headOffice = await startHeadOfficeInProcess({ postgresUrl: inject('postgresUrl'), now });
});
afterAll(() => headOffice.stop());

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: ApiError) => error.code,
  );

async function count(sql: string, params: unknown[] = []) {
  const found = await headOffice.pool.query<{ n: string }>(sql, params);
  return Number(found.rows[0]?.n);
}

describe('the head office’s staff', () => {
  it('makes the first account once, signs in, slows wrong passwords down and signs out', async () => {
    const { client } = headOffice;
    expect(await client.call('staff.getAbout', {})).toEqual({ hasStaff: false });
    expect(await refusal(client.call('shops.list', {}))).toBe('unauthorized');
    const token = await signInStaff(headOffice);
    expect(await client.call('staff.getAbout', {})).toEqual({ hasStaff: true });
    expect(await refusal(client.call('staff.setup', testStaff))).toBe('conflict');
    expect((await client.call('staff.list', {})).staff.map((staff) => staff.name)).toEqual([
      testStaff.name,
    ]);

    // Three wrong passwords are typing mistakes; the fourth try waits, even with the right one.
    for (let i = 0; i < 3; i++) {
      expect(
        await refusal(client.call('staff.login', { name: testStaff.name, password: 'wrong' })),
      ).toBe('unauthorized');
    }
    expect(await refusal(client.call('staff.login', testStaff))).toBe('rate_limited');
    clock += 1_100;
    expect((await client.call('staff.login', testStaff)).name).toBe(testStaff.name);

    client.setToken(token);
    await client.call('staff.logout', {});
    expect(await refusal(client.call('shops.list', {}))).toBe('session_expired');
    await signInStaff(headOffice);
    // A session lasts a working day.
    clock += 12 * 3_600_000 + 1;
    expect(await refusal(client.call('shops.list', {}))).toBe('session_expired');
    await signInStaff(headOffice);
    // Ended sessions are swept as new ones open.
    expect(
      await count('SELECT count(*) AS n FROM staff_sessions WHERE expires_at <= $1', [now()]),
    ).toBe(0);
  });
});

describe('enrolment', () => {
  it('gives a shop its credential once for a code, refuses used, voided and expired codes', async () => {
    await signInStaff(headOffice);
    const { shopId, code } = await createShop(headOffice, { name: 'Nouméa centre' });
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(
      await refusal(
        headOffice.client.call('shops.create', {
          name: 'Nouméa centre',
          zone: 'Pacific/Noumea',
          currency: 'XPF',
          managed: true,
        }),
      ),
    ).toBe('conflict');

    // Typed in lower case without dashes, as a manager might.
    const enrolled = await enrolAsShop(headOffice, code.replaceAll('-', '').toLowerCase());
    expect(enrolled.status).toBe(200);
    expect(enrolled.body).toMatchObject({
      shopId,
      name: 'Nouméa centre',
      zone: 'Pacific/Noumea',
      currency: 'XPF',
      managed: true,
    });
    const again = await enrolAsShop(headOffice, code);
    expect(again.status).toBe(403);
    expect(again.body).toMatchObject({ error: { code: 'enrolment_refused' } });

    // A renewed code voids the one before it.
    const first = await headOffice.client.call('shops.renewCode', { shopId });
    const second = await headOffice.client.call('shops.renewCode', { shopId });
    expect((await enrolAsShop(headOffice, first.code)).status).toBe(403);
    // A day later, the code is void too.
    clock += 24 * 3_600_000 + 1;
    expect((await enrolAsShop(headOffice, second.code)).status).toBe(403);
    await signInStaff(headOffice);

    // Enrolled again: the new credential works, the old one no longer does.
    const third = await headOffice.client.call('shops.renewCode', { shopId });
    const reenrolled = await enrolAsShop(headOffice, third.code);
    const ids = factIds();
    const fact = saleFact(ids(), { saleId: 1 });
    expect((await sendFacts(headOffice, enrolled.body.credential, [fact])).status).toBe(401);
    expect((await sendFacts(headOffice, reenrolled.body.credential, [fact])).status).toBe(200);

    const wrong = await enrolAsShop(headOffice, 'not a code');
    expect(wrong).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });
    expect(
      (await headOffice.client.call('shops.list', {})).shops.find((shop) => shop.id === shopId),
    ).toMatchObject({ factsStored: 1, enrolledAt: expect.any(String) });
  });
});

describe('enrolment of a shop kept in another zone or currency', () => {
  it('is refused with both sides’ values, the code left unused for the shop once corrected', async () => {
    await signInStaff(headOffice);
    const { shopId, code } = await createShop(headOffice, { name: 'Futuna' });
    const refused = await enrolAsShop(headOffice, code, { currency: 'EUR' });
    expect(refused).toMatchObject({
      status: 403,
      body: {
        error: {
          code: 'enrolment_refused',
          message:
            'The head office has this shop in Pacific/Noumea, XPF; this shop is set to Pacific/Noumea, EUR: correct one of them, then enrol again',
          params: {
            reason: 'zone_mismatch',
            headOfficeZone: 'Pacific/Noumea',
            headOfficeCurrency: 'XPF',
            shopZone: 'Pacific/Noumea',
            shopCurrency: 'EUR',
          },
        },
      },
    });
    // A wrong code tells nothing of any shop, whatever zone it names.
    const wrong = await enrolAsShop(headOffice, 'ABCD-EFGH-JKMN', { zone: 'Europe/Paris' });
    expect(wrong).toMatchObject({ status: 403, body: { error: { code: 'enrolment_refused' } } });
    expect(JSON.stringify(wrong.body)).not.toContain('Pacific/Noumea');

    const enrolled = await enrolAsShop(headOffice, code, {
      zone: 'Pacific/Noumea',
      currency: 'XPF',
    });
    expect(enrolled).toMatchObject({ status: 200, body: { shopId } });
  });
});

async function enrolledShop(name: string, zone = 'Pacific/Noumea') {
  await signInStaff(headOffice);
  const { shopId, code } = await createShop(headOffice, { name, zone });
  const { body } = await enrolAsShop(headOffice, code);
  return { shopId, credential: body.credential };
}

describe('the ingest', () => {
  it('stores each fact once, acknowledges the newest, and counts each sale once in its day', async () => {
    const { shopId, credential } = await enrolledShop('Koné');
    const ids = factIds();
    const pending = saleFact(ids(), {
      saleId: 1,
      status: 'unknown',
      // 12:30 UTC is 23:30 in Nouméa: the shop's 6th, whatever the day in UTC.
      soldAt: '2026-12-06T12:30:00.000Z',
    });
    const sold = saleFact(ids(), { saleId: 2, price: 2000, dealerCost: 1900 });
    const receipts = receiptFacts(ids, [
      { number: 1, saleId: 2 },
      { number: 2, saleId: 3 },
    ]);
    const batch = [pending, sold, ...receipts];
    const first = await sendFacts(headOffice, credential, batch, { backlog: 7, catalogVersion: 3 });
    expect(first).toEqual({
      status: 200,
      body: { highWater: receipts[1]?.id, stored: 4 },
    });
    // The same batch again (an ack lost on the way): nothing more is stored or counted.
    const second = await sendFacts(headOffice, credential, batch, {
      backlog: 7,
      catalogVersion: 3,
    });
    expect(second.body).toEqual({ highWater: receipts[1]?.id, stored: 0 });
    expect(await count('SELECT count(*) AS n FROM facts WHERE shop_id = $1', [shopId])).toBe(4);

    // The pending sale resolved later: counted on the day it was sold, in the shop's zone.
    const resolved = saleFact(ids(), {
      ...pending.payload,
      saleId: 1,
      status: 'succeeded',
      at: '2026-12-07T09:00:00.000Z',
      resolvedBy: 'Léa',
    } as never);
    const late = saleFact(ids(), { ...pending.payload, saleId: 1, status: 'unknown' } as never);
    await sendFacts(headOffice, credential, [resolved, late], { backlog: 0, catalogVersion: 4 });
    const days = await headOffice.pool.query(
      `SELECT local_day::text AS day, sum(sales)::int AS sales, sum(amount)::int AS amount,
         sum(dealer_cost)::int AS cost
       FROM day_totals WHERE shop_id = $1 GROUP BY local_day ORDER BY local_day`,
      [shopId],
    );
    expect(days.rows).toEqual([
      { day: '2026-12-06', sales: 1, amount: 1000, cost: 950 },
      { day: '2026-12-07', sales: 1, amount: 2000, cost: 1900 },
    ]);
    const sale = await headOffice.pool.query(
      'SELECT status, resolved_by FROM sales WHERE shop_id = $1 AND sale_id = 1',
      [shopId],
    );
    expect(sale.rows).toEqual([{ status: 'succeeded', resolved_by: 'Léa' }]);
    expect(await count('SELECT count(*) AS n FROM receipts WHERE shop_id = $1', [shopId])).toBe(2);
    const shop = (await headOffice.client.call('shops.list', {})).shops.find(
      (row) => row.id === shopId,
    );
    expect(shop).toMatchObject({ backlog: 0, catalogVersion: 4, factsStored: 6, openFlags: 0 });
  });

  it('counts refunds on their own day and keeps the newest float of each dealer SIM', async () => {
    const { shopId, credential } = await enrolledShop('Bourail');
    const ids = factIds();
    const facts = [
      saleFact(ids(), { saleId: 5 }),
      {
        id: ids(),
        kind: 'refund',
        payload: {
          saleId: 5,
          tillId: null,
          amount: 1000,
          currency: 'XPF',
          method: 'cash',
          reason: 'Wrong number',
          at: '2026-12-08T01:00:00.000Z',
        },
      },
      ...[
        ['2026-12-07T10:00:00.000Z', 40_000],
        ['2026-12-07T09:00:00.000Z', 45_000],
      ].map(([at, amount]) => ({
        id: ids(),
        kind: 'dealerBalance' as const,
        payload: {
          modemId: 'modem-1',
          carrierId: 'opt-nc',
          amount: amount as number,
          currency: 'XPF' as const,
          alertBelow: 20_000,
          at: at as string,
        },
      })),
    ] as Parameters<typeof sendFacts>[2];
    expect((await sendFacts(headOffice, credential, facts)).body.stored).toBe(4);
    const days = await headOffice.pool.query(
      `SELECT local_day::text AS day, sales, refunds, refunded::int AS refunded FROM day_totals
       WHERE shop_id = $1 ORDER BY local_day`,
      [shopId],
    );
    expect(days.rows).toEqual([
      { day: '2026-12-07', sales: 1, refunds: 0, refunded: 0 },
      { day: '2026-12-08', sales: 0, refunds: 1, refunded: 1000 },
    ]);
    const floats = await headOffice.pool.query(
      'SELECT amount::int AS amount FROM dealer_floats WHERE shop_id = $1',
      [shopId],
    );
    expect(floats.rows).toEqual([{ amount: 40_000 }]);
  });

  it('stores one shop’s batches sent at once by two connections exactly once', async () => {
    const { shopId, credential } = await enrolledShop('Lifou');
    const ids = factIds();
    const batch = Array.from({ length: 50 }, (_, i) => saleFact(ids(), { saleId: i + 1 }));
    // A batch finding another of its shop's being stored is told to come back, as the shop does.
    const sendUntilStored = async (facts: typeof batch) => {
      for (;;) {
        const answer = await sendFacts(headOffice, credential, facts);
        if (answer.status !== 503) return answer;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const answers = await Promise.all(
      [batch, batch.slice(10), batch.slice(0, 40)].map(sendUntilStored),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(answers.reduce((sum, answer) => sum + Number(answer.body.stored), 0)).toBe(50);
    expect(await count('SELECT sum(sales) AS n FROM day_totals WHERE shop_id = $1', [shopId])).toBe(
      50,
    );
  });

  it('tells a shop whose other batch is being stored to come back, without holding the others up', async () => {
    const busy = await enrolledShop('Maré');
    const other = await enrolledShop('Tiga');
    const ids = factIds();
    // Another server (or a slow retry) is storing Maré's facts: it holds the shop's lock.
    const elsewhere = await headOffice.pool.connect();
    try {
      await elsewhere.query('BEGIN');
      await elsewhere.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
        0x6871,
        busy.shopId,
      ]);
      const started = Date.now();
      const refusals = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          fetch(new URL(headOfficeWire.facts, headOffice.url), {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${busy.credential}`,
            },
            body: JSON.stringify({
              facts: [saleFact(ids(), { saleId: i + 1 })],
              backlog: 0,
              catalogVersion: 0,
            }),
          }),
        ),
      );
      expect(refusals.map((answer) => answer.status)).toEqual(Array(12).fill(503));
      expect(refusals[0]?.headers.get('retry-after')).toBe(String(ingestRetryAfterSeconds));
      expect(await refusals[0]?.json()).toMatchObject({ error: { code: 'unreachable' } });
      expect(Date.now() - started).toBeLessThan(5_000);
      // Another shop's batch goes through meanwhile.
      expect(
        (await sendFacts(headOffice, other.credential, [saleFact(ids(), { saleId: 1 })])).status,
      ).toBe(200);
    } finally {
      await elsewhere.query('ROLLBACK');
      elsewhere.release();
    }
    expect(await count('SELECT count(*) AS n FROM facts WHERE shop_id = $1', [busy.shopId])).toBe(
      0,
    );
    const again = await sendFacts(headOffice, busy.credential, [saleFact(ids(), { saleId: 1 })]);
    expect(again.status).toBe(200);
  });

  it('refuses what PostgreSQL cannot hold anywhere in a fact with a 400 naming it, never a 500', async () => {
    const { shopId, credential } = await enrolledShop('Hienghène');
    const ids = factIds();
    const good = saleFact(ids(), { saleId: 1 });
    const nulName = saleFact(ids(), { saleId: 2, clerkName: 'Léa\u0000' });
    const taxRate = saleFact(ids(), { saleId: 3, taxRate: 2 ** 31 });
    const [nulInContent] = receiptFacts(ids, [
      { number: 1, saleId: 1, content: { number: 1, saleId: 1, 'note\u0000': 'x' } },
    ]);
    const halfCharacter = saleFact(ids(), { saleId: 4, planName: 'Recharge \ud800' });
    const check = {
      id: ids(),
      kind: 'booksCheck' as const,
      payload: {
        at: '2026-12-07T09:00:00.000Z',
        tills: [{ tillId: null, receipts: [{ number: 2 ** 31, hash: 'a'.repeat(64) }] }],
      },
    };
    const facts = [good, nulName, taxRate, nulInContent, halfCharacter, check] as Parameters<
      typeof sendFacts
    >[2];
    const refused = await sendFacts(headOffice, credential, facts, { backlog: 2 ** 31 });
    expect(refused.status).toBe(400);
    const issues = (refused.body.error as { issues: { path: string; message: string }[] }).issues;
    expect(issues.map((issue) => issue.path)).toEqual([
      'facts.1.payload.clerkName',
      'facts.2.payload.taxRate',
      'facts.3.payload.content.note\u0000',
      'facts.4.payload.planName',
      'facts.5.payload.tills.0.receipts.0.number',
      'backlog',
    ]);
    expect(issues[0]?.message).toContain(nulName.id);
    expect(await count('SELECT count(*) AS n FROM facts WHERE shop_id = $1', [shopId])).toBe(0);
    expect((await sendFacts(headOffice, credential, [good])).status).toBe(200);
  });

  it('refuses a bad batch whole, with the one error shape, and stores nothing of it', async () => {
    const { shopId, credential } = await enrolledShop('Poindimié');
    const ids = factIds();
    const good = saleFact(ids(), { saleId: 1 });
    const bad = { ...saleFact(ids(), { saleId: 2 }), payload: { saleId: 2, price: 'lots' } };
    const refused = await sendFacts(headOffice, credential, [good, bad as never]);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: { code: 'invalid_input', issues: expect.any(Array) },
    });
    expect(await count('SELECT count(*) AS n FROM facts WHERE shop_id = $1', [shopId])).toBe(0);

    // What the schemas let by and PostgreSQL would refuse halfway: refused before, whole.
    const notATime = saleFact(ids(), { saleId: 3, soldAt: 'the seventh of December' });
    const tooBig = receiptFacts(ids, [{ number: 2 ** 31, saleId: 4 }]);
    const values = await sendFacts(headOffice, credential, [good, notATime, ...tooBig]);
    expect(values).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });
    expect(
      (values.body.error as { issues: { path: string }[] }).issues.map((issue) => issue.path),
    ).toEqual(['facts.1.payload.soldAt', 'facts.1.payload.at', 'facts.2.payload.number']);

    const tooMany = Array.from({ length: batchLimits.facts + 1 }, (_, i) =>
      saleFact(ids(), { saleId: i + 1 }),
    );
    expect((await sendFacts(headOffice, credential, tooMany)).status).toBe(400);
    const huge = await fetch(new URL(headOfficeWire.facts, headOffice.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
      body: JSON.stringify({ facts: [], padding: 'x'.repeat(batchLimits.bytes + 20_000) }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    const unknown = await sendFacts(headOffice, 'ab'.repeat(32), [good]);
    expect(unknown).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    expect(await count('SELECT count(*) AS n FROM facts WHERE shop_id = $1', [shopId])).toBe(0);
  });
});

describe('the server', () => {
  it('serves the React app marked as the head office’s, and answers wrong paths in one shape', async () => {
    const page = await fetch(new URL('/shops', headOffice.url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<meta name="comptoir-role" content="head-office">');
    const wrongPath = await fetch(new URL('/hq/v1/nothing', headOffice.url), { method: 'POST' });
    expect(wrongPath.status).toBe(404);
    expect(await wrongPath.json()).toMatchObject({ error: { code: 'not_found' } });
    const wrongMethod = await fetch(new URL(headOfficeWire.facts, headOffice.url));
    expect(wrongMethod.status).toBe(405);
    // The catalog is the shops' too: a credential first, then a version that is a number.
    const anonymous = await fetch(new URL(`${headOfficeWire.catalog}?since=0`, headOffice.url));
    expect(anonymous.status).toBe(401);
    const { credential } = await enrolledShop('Ouvéa');
    const badVersion = await fetch(new URL(`${headOfficeWire.catalog}?since=-1`, headOffice.url), {
      headers: { authorization: `Bearer ${credential}` },
    });
    expect(badVersion.status).toBe(400);
    expect(await badVersion.json()).toMatchObject({ error: { code: 'invalid_input' } });
    const notJson = await fetch(new URL('/api/staff.getAbout', headOffice.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(await notJson.json()).toMatchObject({ error: { code: 'invalid_json' } });
    const crossSite = await fetch(new URL('/api/staff.getAbout', headOffice.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
  });
});
