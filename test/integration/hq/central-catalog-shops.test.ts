import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openCarrierBook } from '../../../electron/carriers/book';
import { createCatalogFollower } from '../../../electron/head-office/catalog-follower';
import { catalogHandlers, catalogPullFor } from '../../../electron/hq/catalog/api';
import type { HqContext } from '../../../electron/hq/handlers';
import { migratePg } from '../../../electron/hq/migrate';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { type CarrierProfile, carrierProfileSchema } from '../../../shared/carrier';
import { freshDatabase } from '../../support/postgres';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const shippedDir = path.resolve(__dirname, '../../../resources/carriers');
const shipped = carrierProfileSchema.parse(
  JSON.parse(fs.readFileSync(path.join(shippedDir, 'nc-demo.json'), 'utf8')),
);
const quiet = { error: () => {}, warn: () => {}, info: () => {} };
const staff = { staff: { id: 1, name: 'Marie' }, token: null, client: 'http:127.0.0.1' };
const noumeaShop = {
  id: '0190a1b2-0000-7000-8000-000000000001',
  name: 'Nouméa centre',
  zone: 'Pacific/Noumea',
};
const papeeteShop = {
  id: '0190a1b2-0000-7000-8000-000000000002',
  name: 'Papeete',
  zone: 'Pacific/Tahiti',
};
const shops = [noumeaShop, papeeteShop];

let pool: pg.Pool;
let clock = { now: new Date('2026-12-07T10:00:00Z') };
beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await freshDatabase(inject('postgresUrl')) });
  await migratePg(pool, () => clock.now);
  for (const shop of shops) {
    await pool.query(
      `INSERT INTO shops (id, name, zone, currency, created_at, created_by)
       VALUES ($1, $2, $3, 'XPF', now(), 'hq')`,
      [shop.id, shop.name, shop.zone],
    );
  }
});
afterAll(() => pool.end());

/** A shop of the chain on its own SQLite file and carrier book, following the catalog. */
async function shopFollowing(zone: string) {
  const dir = tempDir();
  const db = new BetterSqlite3(path.join(dir, 'shop.sqlite'));
  migrate(db, migrations, () => clock.now);
  const shopDir = path.join(dir, 'carriers');
  const carriers = await openCarrierBook([shippedDir, shopDir], shopDir, quiet);
  const follower = createCatalogFollower({
    db,
    carriers,
    timeZone: () => zone,
    currency: () => 'XPF',
    now: () => clock.now,
    log: quiet,
  });
  return { follower, price: () => carriers.find('nc-demo')?.plans[0]?.price };
}

describe('a price published at the head office for midnight', () => {
  it('reaches each shop and applies at the midnight of its own zone', async () => {
    const context: HqContext = { pool, now: () => clock.now, log: quiet };
    const profile: CarrierProfile = {
      ...shipped,
      plans: shipped.plans.map((plan, index) => (index === 0 ? { ...plan, price: 1650 } : plan)),
    };
    await catalogHandlers(context, [shipped])['catalog.save'](
      { profile, effectiveFrom: '2026-12-08T00:00', shopIds: null },
      staff,
    );
    const noumea = await shopFollowing(noumeaShop.zone);
    const papeete = await shopFollowing(papeeteShop.zone);
    // Each pulls what came after its version, twice (a pull repeated changes nothing).
    for (const [shop, follower] of [
      [noumeaShop, noumea.follower],
      [papeeteShop, papeete.follower],
    ] as const) {
      await follower.receive(await catalogPullFor(context, shop.id, follower.receivedVersion()));
      await follower.receive(await catalogPullFor(context, shop.id, follower.receivedVersion()));
    }
    expect([noumea.price(), papeete.price()]).toEqual([1500, 1500]);

    // Midnight in Nouméa (UTC+11) is 13:00 UTC; in Papeete (UTC−10) it is 10:00 UTC the next day.
    const wake = async (at: string) => {
      clock = { now: new Date(at) };
      await noumea.follower.receive({ changes: [], version: noumea.follower.receivedVersion() });
      await papeete.follower.receive({ changes: [], version: papeete.follower.receivedVersion() });
      return [noumea.price(), papeete.price()];
    };
    expect(await wake('2026-12-07T12:59:00Z')).toEqual([1500, 1500]);
    expect(await wake('2026-12-07T13:00:00Z')).toEqual([1650, 1500]);
    expect(await wake('2026-12-08T09:59:00Z')).toEqual([1650, 1500]);
    expect(await wake('2026-12-08T10:00:00Z')).toEqual([1650, 1650]);
    expect(noumea.follower.status()).toMatchObject({ received: 1, applied: 1, scheduled: [] });
  });
});
