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

describe('head office migration 0002: wrong passwords counted in the database', () => {
  it('adds the table on a database at 0001 with its staff, keeping them, one row per client', async () => {
    await migratePg(pool, at, pgMigrations.slice(0, 1));
    await pool.query(
      `INSERT INTO staff (name, password_hash, created_at) VALUES ('Marie', 'scrypt$x', now())`,
    );
    expect(await migratePg(pool, at, pgMigrations.slice(0, 2))).toEqual({ from: 1, to: 2 });
    expect((await pool.query('SELECT name FROM staff')).rows).toEqual([{ name: 'Marie' }]);
    const insert = `INSERT INTO staff_sign_in_failures (client, failures, last_at)
      VALUES ('http:127.0.0.1', $1, now())`;
    await pool.query(insert, [1]);
    await expect(pool.query(insert, [2])).rejects.toThrow(/duplicate key/);
    await expect(
      pool.query(`INSERT INTO staff_sign_in_failures VALUES ('http:127.0.0.2', 0, now())`),
    ).rejects.toThrow(/check constraint/);
  });
});
