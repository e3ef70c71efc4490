import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { databaseFileIn, defaultDataDir } from '../paths';
import { UsageError } from './command';

/**
 * The shop's database (`--db`, or the default data folder's), opened read-only for a command
 * that only reads it: nothing it does can change the books. A missing file is a usage error.
 */
export function openShopDatabaseReadOnly(db: unknown): {
  file: string;
  db: BetterSqlite3.Database;
} {
  const file = path.resolve(typeof db === 'string' ? db : databaseFileIn(defaultDataDir(), false));
  try {
    return { file, db: new BetterSqlite3(file, { readonly: true, fileMustExist: true }) };
  } catch (error) {
    throw new UsageError(`No database at ${file} (${(error as Error).message})`);
  }
}
