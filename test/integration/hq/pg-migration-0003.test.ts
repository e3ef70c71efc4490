import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migratePg, pgMigrations } from '../../../electron/hq/migrate';
import { freshDatabase } from '../../support/postgres';

const at = () => new Date('2026-12-07T00:00:00Z');
let pool: pg.Pool;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await freshDatabase(inject('postgresUrl')) });
});
afterAll(() => pool.end());

describe('head office migration 0003: the day totals keep their margin apart', () => {
  it('gives the days counted before it their margin, the amount of their succeeded sales less its cost', async () => {
    await migratePg(pool, at, pgMigrations.slice(0, 2));
    const shop = await pool.query<{ id: string }>(
      `INSERT INTO shops (id, name, zone, currency, created_at, created_by)
       VALUES (gen_random_uuid(), 'Nouméa centre', 'Pacific/Noumea', 'XPF', now(), 'test') RETURNING id`,
    );
    await pool.query(
      `INSERT INTO day_totals (shop_id, local_day, till_id, clerk_id, clerk_name, carrier_id,
         plan_id, plan_name, currency, sales, amount, dealer_cost, refunds, refunded)
       VALUES ($1, '2026-12-07', '', 1, 'Léa', 'opt-nc', 'r-1000', 'Recharge', 'XPF', 2, 2000, 1900, 0, 0)`,
      [shop.rows[0]?.id],
    );
    expect(await migratePg(pool, at, pgMigrations.slice(0, 3))).toEqual({ from: 2, to: 3 });
    expect((await pool.query('SELECT amount, margin FROM day_totals')).rows).toEqual([
      { amount: '2000', margin: '100' },
    ]);
  });
});
