import type { Pool } from 'pg';
import { pgMigration0001 } from './migrations/0001-chain-books';
import { pgMigration0002 } from './migrations/0002-sign-in-throttle';
import { pgMigration0003 } from './migrations/0003-day-margin';
import { pgMigration0004 } from './migrations/0004-refund-per-fact';

/** A numbered change to the head office's PostgreSQL schema, applied once, in order. */
export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

/** In order, one per schema version. */
export const pgMigrations: readonly PgMigration[] = [
  pgMigration0001,
  pgMigration0002,
  pgMigration0003,
  pgMigration0004,
];

// Taken for the whole run: several head-office servers starting together migrate once.
const migrationLock = 0x636f6d70; // "comp"

/**
 * Brings the database to the newest schema: each migration not yet applied runs in its own
 * transaction with its row in `schema_migrations`, so a stop halfway leaves the previous
 * version whole. Refuses a database newer than this software.
 */
export async function migratePg(
  pool: Pool,
  now: () => Date,
  migrations: readonly PgMigration[] = pgMigrations,
): Promise<{ from: number; to: number }> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [migrationLock]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)`);
    const applied = await client.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    const done = new Set(applied.rows.map((row) => row.version));
    const from = Math.max(0, ...done);
    const newest = Math.max(0, ...migrations.map((migration) => migration.version));
    if (from > newest) {
      throw new Error(
        `The head office's database is at schema ${from}, newer than this Comptoir (${newest}): update Comptoir`,
      );
    }
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
          [migration.version, migration.name, now()],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return { from, to: Math.max(from, newest) };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [migrationLock]).catch(() => {});
    client.release();
  }
}
