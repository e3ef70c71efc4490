import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalogHandlers, catalogPullFor } from '../../../electron/hq/catalog/api';
import type { HqCaller, HqContext } from '../../../electron/hq/handlers';
import { migratePg } from '../../../electron/hq/migrate';
import { ApiError } from '../../../shared/api/errors';
import { type CarrierProfile, carrierProfileSchema } from '../../../shared/carrier';
import { freshDatabase } from '../../support/postgres';

const shipped = carrierProfileSchema.parse(
  JSON.parse(fs.readFileSync(path.resolve('resources/carriers/nc-demo.json'), 'utf8')),
);
const staff: HqCaller = { staff: { id: 1, name: 'Marie' }, token: null, client: 'http:127.0.0.1' };
const noumea = '0190a1b2-0000-7000-8000-000000000001';
const kone = '0190a1b2-0000-7000-8000-000000000002';
const lifou = '0190a1b2-0000-7000-8000-000000000003';

let pool: pg.Pool;
let context: HqContext;
const clock = new Date('2026-12-07T00:00:00Z');

const priced = (price: number, id = shipped.id): CarrierProfile => ({
  ...shipped,
  id,
  plans: shipped.plans.map((plan, index) =>
    index === 0 ? { ...plan, price } : { ...plan, id: `${id}-${plan.id}` },
  ),
});

async function issueOf(answer: unknown) {
  const error = await Promise.resolve(answer).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  const { code, issues } = error as ApiError;
  return { code, issue: issues?.[0] ? { path: issues[0].path, code: issues[0].code } : null };
}

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await freshDatabase(inject('postgresUrl')) });
  context = { pool, now: () => clock, log: { error() {}, warn() {}, info() {} } };
  await migratePg(pool, () => clock);
  for (const [id, name, managed, currency] of [
    [noumea, 'Nouméa centre', true, 'XPF'],
    [kone, 'Koné', true, 'XPF'],
    [lifou, 'Lifou', false, 'XPF'],
  ] as const) {
    await pool.query(
      `INSERT INTO shops (id, name, zone, currency, managed, created_at, created_by)
       VALUES ($1, $2, 'Pacific/Noumea', $4, $3, now(), 'hq')`,
      [id, name, managed, currency],
    );
  }
});
afterAll(() => pool.end());

describe('the head office’s catalog', () => {
  it('starts from the shipped profiles, then lists what staff publish with its version', async () => {
    const catalog = catalogHandlers(context, [shipped]);
    const before = await catalog['catalog.list']({}, staff);
    expect(before.version).toBe(0);
    expect(before.profiles.map((profile) => profile.plans[0]?.price)).toEqual([1500]);
    expect(before.shops.map((shop) => [shop.name, shop.managed])).toEqual([
      ['Koné', true],
      ['Lifou', false],
      ['Nouméa centre', true],
    ]);

    const { change } = await catalog['catalog.save'](
      { profile: priced(1600), effectiveFrom: '2026-12-08T00:00', shopIds: null },
      staff,
    );
    expect(change).toMatchObject({
      version: 1,
      kind: 'carrierProfile',
      effectiveFrom: '2026-12-08T00:00',
    });
    const after = await catalog['catalog.list']({}, staff);
    expect(after.version).toBe(1);
    expect(after.profiles.map((profile) => profile.plans[0]?.price)).toEqual([1600]);
    expect(after.changes[0]).toMatchObject({ shopIds: null, createdBy: 'Marie' });
  });

  it('sends each shop the changes for it after its version: managed shops get the chain’s', async () => {
    const catalog = catalogHandlers(context, [shipped]);
    await catalog['catalog.save'](
      { profile: priced(1700), effectiveFrom: null, shopIds: [kone] },
      staff,
    );
    const toNoumea = await catalogPullFor(context, noumea, 0);
    expect(toNoumea.changes.map((change) => change.version)).toEqual([1]);
    expect(toNoumea.version).toBe(1);
    // Its publication, by which the shop orders an "at once" change after dated ones due.
    expect(toNoumea.changes[0]?.publishedAt).toBe(clock.toISOString());
    expect(
      (await catalogPullFor(context, kone, 0)).changes.map((change) => change.version),
    ).toEqual([1, 2]);
    expect(await catalogPullFor(context, kone, 2)).toEqual({ changes: [], version: 2 });
    // Lifou sets its own prices: nothing of the chain's comes to it.
    expect(await catalogPullFor(context, lifou, 0)).toEqual({ changes: [], version: 0 });
  });

  it('refuses a profile the shop’s own editor would refuse, and publishes nothing', async () => {
    const catalog = catalogHandlers(context, [shipped]);
    const other = { ...priced(900, 'mobi'), plans: [{ ...shipped.plans[0], id: '1go' }] };
    expect(
      await issueOf(
        catalog['catalog.save'](
          { profile: other as CarrierProfile, effectiveFrom: null, shopIds: null },
          staff,
        ),
      ),
    ).toEqual({
      code: 'invalid_input',
      issue: { path: 'profile.plans.0.id', code: 'plan_of_another_carrier' },
    });
    expect(
      await issueOf(
        catalog['catalog.save'](
          { profile: priced(1600), effectiveFrom: '2026-02-30T00:00', shopIds: null },
          staff,
        ),
      ),
    ).toEqual({ code: 'invalid_input', issue: { path: 'effectiveFrom', code: 'invalid_date' } });
    expect(
      await issueOf(
        catalog['catalog.save'](
          { profile: { ...priced(1600), currency: 'EUR' }, effectiveFrom: null, shopIds: null },
          staff,
        ),
      ),
    ).toEqual({
      code: 'invalid_input',
      issue: { path: 'profile.currency', code: 'foreign_currency' },
    });
    expect(
      await issueOf(
        catalog['catalog.save'](
          {
            profile: priced(1600),
            effectiveFrom: null,
            shopIds: [noumea, '0190a1b2-0000-7000-8000-0000000000ff'],
          },
          staff,
        ),
      ),
    ).toEqual({ code: 'invalid_input', issue: { path: 'shopIds.1', code: 'unknown_shop' } });
    expect((await catalog['catalog.list']({}, staff)).version).toBe(2);
  });

  it('a shop made managed is told so, and then gets the chain’s changes; let go, it gets none', async () => {
    const catalog = catalogHandlers(context, [shipped]);
    expect(
      await issueOf(
        catalog['catalog.save'](
          { profile: priced(1600), effectiveFrom: null, shopIds: [lifou] },
          staff,
        ),
      ),
    ).toEqual({ code: 'invalid_input', issue: { path: 'shopIds.0', code: 'not_managed' } });
    const { change } = await catalog['catalog.setManaged']({ shopId: lifou, managed: true }, staff);
    expect(change).toMatchObject({
      version: 3,
      kind: 'shopSettings',
      settings: { managed: true },
      effectiveFrom: null,
    });
    expect((await catalogPullFor(context, lifou, 0)).changes.map((c) => c.version)).toEqual([1, 3]);

    await catalog['catalog.setManaged']({ shopId: kone, managed: false }, staff);
    await catalog['catalog.save'](
      { profile: priced(1900), effectiveFrom: null, shopIds: null },
      staff,
    );
    expect(await catalogPullFor(context, kone, 2)).toMatchObject({
      changes: [{ version: 4 }],
      version: 4,
    });
    expect((await catalog['catalog.list']({}, staff)).shops.map((shop) => shop.managed)).toEqual([
      false,
      true,
      true,
    ]);
    await expect(
      catalog['catalog.setManaged'](
        { shopId: '0190a1b2-0000-7000-8000-0000000000ff', managed: true },
        staff,
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
