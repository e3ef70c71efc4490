import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { createPrivateFile, makePrivateFolder } from '../private-files';
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
  migration: MigrationReport;
}

/**
 * Opens (creating if needed) the shop's database file and migrates it. WAL so readers never wait
 * on the writer; synchronous FULL because a committed sale must survive a power cut.
 */
export function openDatabase(file: string, now: () => Date = () => new Date()): OpenedDatabase {
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
    // Migrate before switching to WAL: a database from a newer Comptoir is refused untouched.
    const migration = migrate(db, migrations, now);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    return { db, migration };
  } catch (error) {
    db.close();
    throw error;
  }
}
