import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';

/** The SQLite result code of an error of better-sqlite3 (e.g. SQLITE_CORRUPT), or ''. */
export const sqliteCode = (error: unknown) => String((error as { code?: unknown }).code ?? '');

/** SQLite's own words for bytes that are not a (whole) database: a damaged page or header. */
export const isDatabaseDamage = (error: unknown) =>
  /^SQLITE_(NOTADB|CORRUPT)/.test(sqliteCode(error));

/**
 * `quick_check` reads every page's structure (fast enough for the start); `integrity_check` also
 * matches every index against its table (a damaged index page can pass the quick one).
 */
export type CheckKind = 'quick_check' | 'integrity_check';

/** SQLite's check answers one row "ok", or one row per problem. */
function findings(rows: Record<string, string>[]): string[] {
  const found = rows.map((row) => String(Object.values(row)[0]));
  return found.length === 1 && found[0] === 'ok' ? [] : found;
}

/**
 * What SQLite found wrong with the database, empty when it is whole. A page so damaged that the
 * check itself fails is a finding too, not an error.
 */
export function findDamage(db: Database, kind: CheckKind): string[] {
  try {
    return findings(db.pragma(kind) as Record<string, string>[]);
  } catch (error) {
    if (isDatabaseDamage(error)) return [(error as Error).message];
    throw error;
  }
}

/**
 * The worker's whole program, in plain JavaScript (it is not bundled): SQLite's check on a
 * read-only connection of its own, answered as rows or as the error's code and message.
 */
const checkInWorker = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  parentPort.postMessage({ rows: db.pragma(workerData.kind) });
} catch (error) {
  parentPort.postMessage({ error: { code: String(error.code ?? ''), message: error.message } });
} finally {
  if (db) db.close();
}
`;

type WorkerAnswer =
  | { rows: Record<string, string>[] }
  | { error: { code: string; message: string } };

/**
 * The same check on a connection of its own, in a worker thread: the full check of a large file
 * takes seconds, and the counter goes on meanwhile. It reads the file as it is on disk now, not
 * pages the shop's connection still holds in its cache.
 */
export function findDamageInFile(file: string, kind: CheckKind): Promise<string[]> {
  const driver = createRequire(__filename).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(checkInWorker, { eval: true, workerData: { driver, file, kind } });
    worker.once('message', (answer: WorkerAnswer) => {
      if ('rows' in answer) resolve(findings(answer.rows));
      else if (isDatabaseDamage(answer.error)) resolve([answer.error.message]);
      else reject(new Error(`The database check of ${file} failed: ${answer.error.message}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The database check stopped (exit ${code})`)));
  });
}
