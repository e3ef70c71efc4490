import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

/**
 * Whether the shop's own database has real modems configured: until it does, starting Comptoir
 * without saying which runs the clearly marked demo. Read-only: deciding changes nothing.
 */
export function shopHasModems(databaseFile: string): boolean {
  if (!fs.existsSync(databaseFile)) return false;
  const db = new BetterSqlite3(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const hasTable = db
      .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'modems'")
      .pluck()
      .get();
    return hasTable === 1 && db.prepare('SELECT count(*) FROM modems').pluck().get() !== 0;
  } finally {
    db.close();
  }
}
