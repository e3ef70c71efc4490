import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrate } from '../../electron/store/migrate';
import { migrations } from '../../electron/store/migrations';
import { withTempDirs } from './temp';

/** The instant every migration test migrates at. */
export const migratedAt = () => new Date('2026-11-22T00:00:00Z');

/**
 * A real database file at a schema version (foreign keys on, as the app runs it), to write the
 * previous version's data into before running the next migration.
 */
export function withDatabasesAtVersion() {
  const tempDir = withTempDirs();
  return (version: number) => {
    const db = new BetterSqlite3(path.join(tempDir(), 'shop.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, version), migratedAt);
    return db;
  };
}
