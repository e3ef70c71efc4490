import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalogHandlers, catalogPullFor } from '../../../electron/hq/catalog/api';
import { publishChange } from '../../../electron/hq/catalog/changes';
import type { HqCaller, HqContext } from '../../../electron/hq/handlers';
import { migratePg } from '../../../electron/hq/migrate';
import { carrierProfileSchema } from '../../../shared/carrier';
import { freshDatabase } from '../../support/postgres';

const shipped = carrierProfileSchema.parse(
  JSON.parse(fs.readFileSync(path.resolve('resources/carriers/nc-demo.json'), 'utf8')),
);
const staff: HqCaller = { staff: { id: 1, name: 'Marie' }, token: null, client: 'http:127.0.0.1' };
const noumea = '0190a1b2-0000-7000-8000-000000000001';
const clock = new Date('2026-12-07T00:00:00Z');
let pool: pg.Pool;
let context: HqContext;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await freshDatabase(inject('postgresUrl')) });
  context = { pool, now: () => clock, log: { error() {}, warn() {}, info() {} } };
  await migratePg(pool, () => clock);
  await pool.query(
    `INSERT INTO shops (id, name, zone, currency, managed, created_at, created_by)
     VALUES ($1, 'Nouméa centre', 'Pacific/Noumea', 'XPF', true, now(), 'hq')`,
    [noumea],
  );
});
afterAll(() => pool.end());

describe('publishing the catalog from two servers at once', () => {
  it('never lets a version be seen before a lower one still being committed', async () => {
    // A publish whose transaction commits later (a shop made managed, on another server).
    const first = await pool.connect();
    let firstVersion = 0;
    let second: Promise<{ change: { version: number } }>;
    try {
      await first.query('BEGIN');
      firstVersion = (
        await publishChange(
          first,
          { kind: 'shopSettings', settings: { managed: true } },
          null,
          [noumea],
          { at: clock, name: 'Marie' },
        )
      ).version;
      second = Promise.resolve(
        catalogHandlers(context, [shipped])['catalog.save'](
          { profile: shipped, effectiveFrom: null, shopIds: null },
          staff,
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      // A shop pulling now sees neither: the later version waits for the earlier one.
      expect((await catalogPullFor(context, noumea, 0)).changes).toEqual([]);
      await first.query('COMMIT');
    } finally {
      first.release();
    }
    const { change } = await second;
    expect(change.version).toBeGreaterThan(firstVersion);
    const pulled = await catalogPullFor(context, noumea, 0);
    expect(pulled.changes.map((pulledChange) => pulledChange.version)).toEqual([
      firstVersion,
      change.version,
    ]);
  });
});
