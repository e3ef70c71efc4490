import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hqPoolOptions } from '../../../electron/cli/hq';
import { freshDatabase } from '../../support/postgres';

let pool: pg.Pool;

beforeAll(async () => {
  pool = new pg.Pool(hqPoolOptions(await freshDatabase(inject('postgresUrl'))));
});
afterAll(() => pool.end());

describe('the head office’s connections to PostgreSQL', () => {
  it('bound every wait: for a connection, a statement, a lock, a transaction left idle', async () => {
    expect(hqPoolOptions('postgres://x').connectionTimeoutMillis).toBeGreaterThan(0);
    const setting = async (name: string) =>
      (await pool.query<Record<string, string>>(`SHOW ${name}`)).rows[0]?.[name];
    expect(await setting('statement_timeout')).toBe('30s');
    expect(await setting('lock_timeout')).toBe('10s');
    expect(await setting('idle_in_transaction_session_timeout')).toBe('1min');
  });
});
