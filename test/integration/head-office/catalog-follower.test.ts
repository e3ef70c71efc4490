import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCarrierBook } from '../../../electron/carriers/book';
import { createCatalogFollower } from '../../../electron/head-office/catalog-follower';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import type { CarrierProfile } from '../../../shared/carrier';
import type { CatalogChange } from '../../../shared/head-office';
import { withTempDirs } from '../../support/temp';
import { until } from '../../support/until';

const tempDir = withTempDirs();
const shippedDir = path.resolve(__dirname, '../../../resources/carriers');
const quiet = { error: () => {}, warn: () => {}, info: () => {} };
const followers: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const follower of followers.splice(0)) await follower.stop();
});

/** A shop in Nouméa (UTC+11) on a real database and a real carrier book, its clock set by `at`. */
async function shopAt(at: { now: Date }, timeZone: string | null = 'Pacific/Noumea') {
  const dir = tempDir();
  const db = new BetterSqlite3(path.join(dir, 'shop.sqlite'));
  migrate(db, migrations, () => at.now);
  db.prepare(
    `INSERT INTO head_office (id, url, shop_id, shop_name, credential_sealed, managed, enrolled_at, enrolled_by)
     VALUES (1, 'https://hq.example.nc', '0190a1b2-0000-7000-8000-000000000001', 'Koné', 'sealed', 0, ?, 'user:1')`,
  ).run(at.now.toISOString());
  const shopDir = path.join(dir, 'carriers');
  const carriers = await openCarrierBook([shippedDir, shopDir], shopDir, quiet);
  const follower = createCatalogFollower({
    db,
    carriers,
    timeZone: () => timeZone,
    currency: () => 'XPF',
    now: () => at.now,
    log: quiet,
  });
  followers.push(follower);
  const price = (planId: string) =>
    carriers.find('nc-demo')?.plans.find((plan) => plan.id === planId)?.price;
  return { db, carriers, follower, price, shopDir };
}

const shipped = JSON.parse(
  fs.readFileSync(path.join(shippedDir, 'nc-demo.json'), 'utf8'),
) as CarrierProfile;
const priced = (price: number): CarrierProfile => ({
  ...shipped,
  plans: shipped.plans.map((plan) => (plan.id === '1go' ? { ...plan, price } : plan)),
});
const profileChange = (
  version: number,
  price: number,
  effectiveFrom: string | null,
): CatalogChange => ({ version, kind: 'carrierProfile', profile: priced(price), effectiveFrom });

describe('the shop following the head office’s catalog', () => {
  it('applies a change at once, and a scheduled price at midnight in the shop’s zone', async () => {
    // 22:00 in Nouméa on 7 December.
    const at = { now: new Date('2026-12-07T11:00:00Z') };
    const { follower, price, db } = await shopAt(at);
    await follower.receive({
      changes: [profileChange(1, 1600, null), profileChange(2, 1700, '2026-12-08T00:00')],
      version: 2,
    });
    expect(price('1go')).toBe(1600);
    expect(follower.status()).toEqual({
      received: 2,
      applied: 1,
      managed: false,
      scheduled: [{ version: 2, kind: 'carrierProfile', effectiveFrom: '2026-12-08T00:00' }],
      stuck: null,
    });
    // 23:59 in Nouméa, then its midnight (13:00 UTC), with no pull in between.
    at.now = new Date('2026-12-07T12:59:00Z');
    await follower.receive({ changes: [], version: 2 });
    expect(price('1go')).toBe(1600);
    at.now = new Date('2026-12-07T13:00:00Z');
    await follower.receive({ changes: [], version: 2 });
    expect(price('1go')).toBe(1700);
    expect(follower.status()).toMatchObject({ received: 2, applied: 2, scheduled: [] });
    expect(
      db.prepare('SELECT applied_at FROM catalog_changes WHERE version = 2').pluck().get(),
    ).toBe('2026-12-07T13:00:00.000Z');
  });

  it('wakes by itself at the change’s time, offline', async () => {
    // Two seconds before midnight in Nouméa, and the clock runs.
    const offset = new Date('2026-12-07T12:59:58Z').getTime() - Date.now();
    const at = {
      get now() {
        return new Date(Date.now() + offset);
      },
    };
    const { follower, price } = await shopAt(at);
    follower.start();
    await follower.receive({ changes: [profileChange(1, 1800, '2026-12-08T00:00')], version: 1 });
    expect(price('1go')).toBe(1500);
    await until(
      () => price('1go'),
      (value) => value === 1800,
      'the price at midnight',
    );
    expect(at.now.getTime()).toBeGreaterThanOrEqual(new Date('2026-12-07T13:00:00Z').getTime());
  });

  it('applies at start what became due while it was closed, in order of time', async () => {
    const at = { now: new Date('2026-12-07T11:00:00Z') };
    const { follower, db, shopDir } = await shopAt(at);
    // Published in this order, but the later version is meant for the earlier day.
    await follower.receive({
      changes: [
        profileChange(1, 1900, '2026-12-10T00:00'),
        profileChange(2, 1650, '2026-12-09T00:00'),
      ],
      version: 2,
    });
    await follower.stop();
    at.now = new Date('2026-12-11T00:00:00Z');
    const carriers = await openCarrierBook([shippedDir, shopDir], shopDir, quiet);
    const again = createCatalogFollower({
      db,
      carriers,
      timeZone: () => 'Pacific/Noumea',
      currency: () => 'XPF',
      now: () => at.now,
      log: quiet,
    });
    followers.push(again);
    again.start();
    await until(
      () => again.status().applied,
      (applied) => applied === 2,
      'both changes',
    );
    expect(carriers.find('nc-demo')?.plans[0]?.price).toBe(1900);
  });

  it('keeps an "at once" correction published after a dated price, when the shop gets both together', async () => {
    // Enrolled (or back online) on 10 March: it pulls both changes in one go.
    const at = { now: new Date('2026-03-10T00:00:00Z') };
    const { follower, price } = await shopAt(at);
    await follower.receive({
      changes: [
        { ...profileChange(1, 1200, '2026-03-01T00:00'), publishedAt: '2026-02-20T09:00:00Z' },
        { ...profileChange(2, 1100, null), publishedAt: '2026-03-05T09:00:00Z' },
      ],
      version: 2,
    });
    expect(price('1go')).toBe(1100);
    expect(follower.status()).toMatchObject({ received: 2, applied: 2 });
  });

  it('counts a change dated in the past from its publication', async () => {
    const at = { now: new Date('2026-03-10T00:00:00Z') };
    const { follower, price } = await shopAt(at);
    await follower.receive({
      changes: [
        { ...profileChange(1, 1100, null), publishedAt: '2026-03-05T09:00:00Z' },
        { ...profileChange(2, 1300, '2026-03-02T00:00'), publishedAt: '2026-03-06T09:00:00Z' },
      ],
      version: 2,
    });
    expect(price('1go')).toBe(1300);
  });

  it('takes shop settings: the head office manages the carriers from then on', async () => {
    const at = { now: new Date('2026-12-07T11:00:00Z') };
    const { follower } = await shopAt(at);
    expect(follower.managed()).toEqual({ managed: false, version: 0 });
    await follower.receive({
      changes: [
        { version: 4, kind: 'shopSettings', settings: { managed: true }, effectiveFrom: null },
      ],
      version: 4,
    });
    expect(follower.managed()).toEqual({ managed: true, version: 4 });
    expect(follower.receivedVersion()).toBe(4);
  });

  it('keeps nothing of a pull that does not read, and a version received twice once', async () => {
    const at = { now: new Date('2026-12-07T11:00:00Z') };
    const { follower, price, db } = await shopAt(at);
    const wrong = { changes: [{ ...profileChange(1, 1600, '2026-12-08 00:00') }], version: 1 };
    await expect(follower.receive(wrong)).rejects.toThrow();
    expect(follower.receivedVersion()).toBe(0);
    await follower.receive({ changes: [profileChange(1, 1600, null)], version: 1 });
    await follower.receive({ changes: [profileChange(1, 9999, null)], version: 1 });
    expect(price('1go')).toBe(1600);
    expect(db.prepare('SELECT count(*) FROM catalog_changes').pluck().get()).toBe(1);
  });

  it('holds the changes after one it cannot apply', async () => {
    const at = { now: new Date('2026-12-07T11:00:00Z') };
    const { follower, price } = await shopAt(at);
    // A plan id that the shop's own demo carrier already sells.
    const clash: CatalogChange = {
      version: 1,
      kind: 'carrierProfile',
      profile: { ...priced(100), id: 'other', name: 'Other' },
      effectiveFrom: null,
    };
    await follower.receive({ changes: [clash, profileChange(2, 1600, null)], version: 2 });
    expect(follower.status()).toMatchObject({ received: 2, applied: 0 });
    // Why, as the screen words it: the carrier book's refusal and the field at fault, the
    // English message only beside them.
    expect(follower.status().stuck).toEqual({
      version: 1,
      kind: 'carrierProfile',
      code: 'plan_of_another_carrier',
      issues: [
        {
          path: 'plans.0.id',
          code: 'plan_of_another_carrier',
          message: expect.any(String),
          params: { plan: shipped.plans[0]?.id, carrier: shipped.name },
        },
      ],
      message: expect.stringContaining(shipped.name),
    });
    expect(price('1go')).toBe(1500);
  });

  it('applies no profile priced in another currency than the shop’s, and holds those after it', async () => {
    const at = { now: new Date('2026-12-07T11:00:00Z') };
    const { follower, price, shopDir } = await shopAt(at);
    // The shop counts in XPF: a head office sending euros would have the till count them so.
    const euros: CatalogChange = {
      version: 1,
      kind: 'carrierProfile',
      profile: { ...priced(15), currency: 'EUR' },
      effectiveFrom: null,
    };
    await follower.receive({ changes: [euros, profileChange(2, 1600, null)], version: 2 });
    expect(follower.status()).toMatchObject({ received: 2, applied: 0 });
    expect(follower.status().stuck).toEqual({
      version: 1,
      kind: 'carrierProfile',
      code: 'foreign_currency',
      issues: [
        {
          path: 'currency',
          code: 'foreign_currency',
          message: 'The shop counts in XPF, not EUR',
          params: { currency: 'XPF' },
        },
      ],
      message: 'The shop counts in XPF, not EUR',
    });
    expect(price('1go')).toBe(1500);
    expect(fs.existsSync(shopDir)).toBe(false);
  });

  it('says a failure that is not the carrier book’s refusal by its message', async () => {
    const at = { now: new Date('2026-12-07T11:00:00Z') };
    const { follower, shopDir } = await shopAt(at);
    // The shop's folder for profiles is a file: the profile cannot be written.
    fs.writeFileSync(shopDir, 'not a folder');
    await follower.receive({ changes: [profileChange(1, 1600, null)], version: 1 });
    expect(follower.status().stuck).toEqual({
      version: 1,
      kind: 'carrierProfile',
      code: 'failed',
      message: expect.stringContaining('EEXIST'),
    });
  });

  it('says it runs no version above one stuck, even when a later one applied before it', async () => {
    const at = { now: new Date('2026-03-10T00:00:00Z') };
    const { follower, price } = await shopAt(at);
    const clash: CatalogChange = {
      version: 2,
      kind: 'carrierProfile',
      profile: { ...priced(100), id: 'other', name: 'Other' },
      effectiveFrom: '2026-03-08T00:00',
      publishedAt: '2026-03-01T00:00:00Z',
    };
    await follower.receive({
      changes: [
        profileChange(1, 1600, null),
        clash,
        // Published after version 2, for an earlier day: it applies first.
        { ...profileChange(3, 1700, '2026-03-05T00:00'), publishedAt: '2026-03-02T00:00:00Z' },
      ],
      version: 3,
    });
    expect(price('1go')).toBe(1700);
    expect(follower.status()).toMatchObject({ received: 3, applied: 1, stuck: { version: 2 } });
    expect(follower.managed().version).toBe(1);
  });

  it('waits for the shop’s zone before applying a change at a local time', async () => {
    const at = { now: new Date('2026-12-20T00:00:00Z') };
    const { follower, price } = await shopAt(at, null);
    await follower.receive({ changes: [profileChange(1, 1600, '2026-12-08T00:00')], version: 1 });
    expect(price('1go')).toBe(1500);
    expect(follower.status().scheduled).toHaveLength(1);
  });
});
