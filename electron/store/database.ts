import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { createPrivateFile, makePrivateFolder } from '../private-files';
import { findDamage } from './database-check';
import { type MigrationReport, migrate } from './migrate';
import { migrations } from './migrations';

export class DatabaseOpenError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`Cannot open the database ${file}: ${cause instanceof Error ? cause.message : cause}`, {
      cause,
    });
    this.name = 'DatabaseOpenError';
  }
}

interface OpenedDatabase {
  db: Database;
  /** A database found damaged is left as it was: nothing applied. */
  migration: MigrationReport;
  /** What SQLite's quick check found wrong, empty when the file is whole. */
  damage: string[];
}

/**
 * A damaged database is opened for reading only (safe mode): nothing is written to it, not even
 * a migration, so what can still be read stays as it is until a backup is restored.
 */
function openDamaged(file: string, db: Database, damage: string[]): OpenedDatabase {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== migrations.length) {
    // Its tables are not the ones this version reads, and it is not migrated while damaged.
    throw new DatabaseOpenError(
      file,
      `it is damaged (${damage[0]}) and of schema version ${version}: restore a backup with comptoir backup restore`,
    );
  }
  db.pragma('query_only = ON');
  db.pragma('foreign_keys = ON');
  return { db, migration: { from: version, to: version, applied: [] }, damage };
}

/**
 * Opens (creating if needed) the shop's database file, checks it (SQLite's quick check, before
 * anything is sold) and migrates it. WAL so readers never wait on the writer; synchronous FULL
 * because a committed sale must survive a power cut.
 */
export function openDatabase(
  file: string,
  now: () => Date = () => new Date(),
  /** Damage already found (a read at start failed): opened for reading only, unchecked. */
  knownDamage: string[] = [],
): OpenedDatabase {
  makePrivateFolder(path.dirname(path.resolve(file)));
  let db: Database;
  try {
    createPrivateFile(file);
    db = new BetterSqlite3(file);
    db.pragma('busy_timeout = 5000');
    // Reading the header now turns "file is not a database" into an error that names the file.
    db.pragma('user_version');
  } catch (cause) {
    throw new DatabaseOpenError(file, cause);
  }
  try {
    const damage = knownDamage.length > 0 ? knownDamage : findDamage(db, 'quick_check');
    if (damage.length > 0) return openDamaged(file, db, damage);
    // Migrate before switching to WAL: a database from a newer Comptoir is refused untouched.
    const migration = migrate(db, migrations, now);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    return { db, migration, damage };
  } catch (error) {
    db.close();
    throw error;
  }
}
