import { randomBytes } from 'node:crypto';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openCarrierBook } from '../../../electron/carriers/book';
import { createCatalogFollower } from '../../../electron/head-office/catalog-follower';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { ApiError } from '../../../shared/api/errors';
import {
  catalogPullSchema,
  type Fact,
  headOfficeWire,
  nextUuidv7,
} from '../../../shared/head-office';
import {
  createShop,
  enrolAsShop,
  sendFacts,
  signInStaff,
  startHeadOffice,
  type TestHeadOffice,
} from '../../support/head-office';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const shippedDir = path.resolve(__dirname, '../../../resources/carriers');
const quiet = { error: () => {}, warn: () => {}, info: () => {} };
let headOffice: TestHeadOffice;

beforeAll(async () => {
  headOffice = await startHeadOffice({ postgresUrl: inject('postgresUrl') });
  await signInStaff(headOffice);
}, 60_000);
afterAll(() => headOffice.stop());

async function pull(credential: string, since: string) {
  const response = await fetch(
    new URL(`${headOffice.url.replace(/\/$/, '')}${headOfficeWire.catalog}?since=${since}`),
    {
      headers: { authorization: `Bearer ${credential}` },
    },
  );
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('the catalog over hq serve', () => {
  it('starts from the shipped carriers, publishes a price for midnight, and a shop pulls and applies it', async () => {
    const { code } = await createShop(headOffice, { name: 'Koné' });
    const { body: enrolled } = await enrolAsShop(headOffice, code);
    const { profiles } = await headOffice.client.call('catalog.list', {});
    const shipped = profiles.find((profile) => profile.id === 'nc-demo');
    if (!shipped) throw new Error('hq serve lists the shipped carriers');
    expect(shipped.plans[0]?.price).toBe(1500);

    const plans = shipped.plans.map((plan, index) =>
      index === 0 ? { ...plan, price: 1650 } : plan,
    );
    const { change } = await headOffice.client.call('catalog.save', {
      profile: { ...shipped, plans },
      effectiveFrom: '2026-12-08T00:00',
      shopIds: null,
    });
    const refused = await headOffice.client
      .call('catalog.save', { profile: shipped, effectiveFrom: '2026-13-01T00:00', shopIds: null })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('invalid_input');

    const answer = await pull(enrolled.credential, '0');
    expect(answer.status).toBe(200);
    const pulled = catalogPullSchema.parse(answer.body);
    expect(pulled).toMatchObject({
      version: change.version,
      changes: [{ version: change.version }],
    });
    expect(await pull('not-a-credential', '0')).toMatchObject({ status: 401 });

    // The shop, in Nouméa: kept at 22:00, applied at its midnight.
    const dir = tempDir();
    const clock = { now: new Date('2026-12-07T11:00:00Z') };
    const db = new BetterSqlite3(path.join(dir, 'shop.sqlite'));
    migrate(db, migrations, () => clock.now);
    const carriers = await openCarrierBook(
      [shippedDir, path.join(dir, 'carriers')],
      path.join(dir, 'carriers'),
      quiet,
    );
    const follower = createCatalogFollower({
      db,
      carriers,
      timeZone: () => 'Pacific/Noumea',
      currency: () => 'XPF',
      now: () => clock.now,
      log: quiet,
    });
    await follower.receive(pulled);
    expect(carriers.find('nc-demo')?.plans[0]?.price).toBe(1500);
    clock.now = new Date('2026-12-07T13:00:00Z');
    await follower.receive(
      catalogPullSchema.parse(
        (await pull(enrolled.credential, String(follower.receivedVersion()))).body,
      ),
    );
    expect(carriers.find('nc-demo')?.plans[0]?.price).toBe(1650);

    // The version it runs goes up with its next batch, and the head office shows it.
    const booksCheck: Fact = {
      id: nextUuidv7(null, clock.now.getTime(), randomBytes(10)),
      kind: 'booksCheck',
      payload: { at: clock.now.toISOString(), tills: [] },
    };
    const sent = await sendFacts(headOffice, enrolled.credential, [booksCheck], {
      catalogVersion: follower.status().applied,
    });
    expect(sent.status).toBe(200);
    const listed = await headOffice.client.call('catalog.list', {});
    expect(listed.shops.find((shop) => shop.name === 'Koné')).toMatchObject({
      version: change.version,
      managed: true,
    });
  });
});
