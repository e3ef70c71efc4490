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

describe('head office migration 0001: the chain’s books', () => {
  it('makes the tables on an empty database, once, and says a newer database is refused', async () => {
    expect(await migratePg(pool, at, pgMigrations.slice(0, 1))).toEqual({ from: 0, to: 1 });
    // Several servers starting at once: the second finds nothing to do.
    const again = await Promise.all([
      migratePg(pool, at, pgMigrations.slice(0, 1)),
      migratePg(pool, at, pgMigrations.slice(0, 1)),
    ]);
    expect(again.map((run) => run.from)).toEqual([1, 1]);

    const shop = '0190a1b2-0000-7000-8000-000000000001';
    await pool.query(
      `INSERT INTO shops (id, name, zone, currency, created_at, created_by)
       VALUES ($1, 'Nouméa centre', 'Pacific/Noumea', 'XPF', now(), 'hq')`,
      [shop],
    );
    const fact = ['0190a1b2-0000-7000-8000-00000000000a', 'sale', '{}'];
    const insert = `INSERT INTO facts (shop_id, id, kind, payload, received_at)
      VALUES ($1, $2, $3, $4, now()) ON CONFLICT DO NOTHING`;
    expect((await pool.query(insert, [shop, ...fact])).rowCount).toBe(1);
    expect((await pool.query(insert, [shop, ...fact])).rowCount).toBe(0);
    await expect(
      pool.query(`INSERT INTO facts (shop_id, id, kind, payload, received_at)
        VALUES ('0190a1b2-0000-7000-8000-0000000000ff', gen_random_uuid(), 'sale', '{}', now())`),
    ).rejects.toThrow(/foreign key/);

    await expect(
      migratePg(pool, at, [{ version: 1, name: 'chain-books', sql: '' }].slice(0, 0)),
    ).rejects.toThrow(/newer than this Comptoir/);
  });
});
