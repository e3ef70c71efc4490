import BetterSqlite3, { type Database } from 'better-sqlite3';

const sqliteCode = (error: unknown) => String((error as { code?: unknown }).code ?? '');

/** SQLite's own words for bytes that are not a (whole) database: a damaged page or header. */
export const isDatabaseDamage = (error: unknown) =>
  /^SQLITE_(NOTADB|CORRUPT)/.test(sqliteCode(error));

/**
 * `quick_check` reads every page's structure (fast enough for the start); `integrity_check` also
 * matches every index against its table (a damaged index page can pass the quick one).
 */
export type CheckKind = 'quick_check' | 'integrity_check';

/**
 * What SQLite found wrong with the database, empty when it is whole. A page so damaged that the
 * check itself fails is a finding too, not an error.
 */
export function findDamage(db: Database, kind: CheckKind): string[] {
  try {
    const rows = db.pragma(kind) as Record<string, string>[];
    const found = rows.map((row) => String(Object.values(row)[0]));
    return found.length === 1 && found[0] === 'ok' ? [] : found;
  } catch (error) {
    if (isDatabaseDamage(error)) return [(error as Error).message];
    throw error;
  }
}

/**
 * The same check on a connection of its own, read-only: it reads the file as it is on disk now,
 * not pages the shop's connection still holds in its cache.
 */
export function findDamageInFile(file: string, kind: CheckKind): string[] {
  let db: Database;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    if (isDatabaseDamage(error)) return [(error as Error).message];
    throw error;
  }
  try {
    return findDamage(db, kind);
  } finally {
    db.close();
  }
}
