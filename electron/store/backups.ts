import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import { copyPrivateFile, createPrivateFile, makePrivateFolder } from '../private-files';
import { type CarriedOver, type CarryOverReport, carryOver, nothingCarried } from './carry-over';
import { isDatabaseDamage } from './database-check';
import { type InstanceLock, takeInstanceLock } from './instance-lock';
import { migrate } from './migrate';
import { migrations } from './migrations';
import { openCopyToSalvage, type UnreadableRow } from './salvage';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface BackupFile {
  file: string;
  /** When it was taken (from its name: the file's own time can change when it is copied). */
  takenAt: string;
  bytes: number;
}

const PREFIX = 'comptoir-';
const NAME = /^comptoir-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z\.sqlite$/;

function nameAt(at: Date) {
  return `${PREFIX}${at.toISOString().replace(/[-:.]/g, '')}.sqlite`;
}

function takenAtOf(name: string): string | null {
  const parts = NAME.exec(name);
  if (!parts) return null;
  const [, year, month, day, hour, minute, second, millis] = parts;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}Z`;
}

/** The backups in a folder, newest first; other files are not ours and are left alone. */
export function listBackups(folder: string): BackupFile[] {
  const names = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
  return names
    .flatMap((name) => {
      const takenAt = takenAtOf(name);
      if (!takenAt) return [];
      const file = path.join(folder, name);
      return [{ file, takenAt, bytes: fs.statSync(file).size }];
    })
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

const damaged = (file: string, error: unknown) =>
  new BackupError(`${file} is damaged or not a database: ${(error as Error).message}`);

/**
 * Checks that a file is a whole Comptoir database this version can open: SQLite's own check,
 * and a schema no newer than ours. Read-only: checking changes nothing.
 */
export function checkBackup(file: string): { schemaVersion: number } {
  let db: Database;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} cannot be opened: ${(error as Error).message}`);
  }
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`${file} is damaged: ${String(check)}`);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const newest = migrations.at(-1)?.version ?? 0;
    if (schemaVersion === 0 || schemaVersion > newest) {
      throw new BackupError(
        `${file} is not a database of this Comptoir (schema version ${schemaVersion})`,
      );
    }
    return { schemaVersion };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    if (isDatabaseDamage(error)) throw damaged(file, error);
    throw new BackupError(`${file} is not a Comptoir database: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

/**
 * The copy carries the shop's WAL mode in its header, and every reader of a WAL file leaves a
 * -wal and a -shm beside it (the checked partial left them behind at every backup). In rollback
 * mode a backup is one file; the database it is restored into is put back in WAL on open.
 */
function makeOneFile(file: string) {
  const copy = new BetterSqlite3(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

const removeWithSideFiles = (file: string) => {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
};

const SIDE_FILE = /^(comptoir-\d{8}T\d{9}Z\.sqlite(?:\.partial)?)-(?:wal|shm)$/;

/**
 * Removes the -wal and -shm of backups (and partial copies) that are gone, as earlier versions
 * left them. Those of a file still there are left: another backup may be writing it.
 */
function pruneSideFiles(folder: string) {
  const names = new Set(fs.readdirSync(folder));
  for (const name of names) {
    const owner = SIDE_FILE.exec(name)?.[1];
    if (owner && !names.has(owner)) fs.rmSync(path.join(folder, name), { force: true });
  }
}

/**
 * Takes a backup with SQLite's online backup (the shop keeps selling meanwhile), checks it,
 * then keeps only the newest `keep` backups of the folder. Backups are owner-only: they hold the
 * PIN hashes.
 */
export async function backUp(
  db: Database,
  folder: string,
  options: { now: () => Date; keep: number },
): Promise<BackupFile> {
  makePrivateFolder(folder);
  const file = path.join(folder, nameAt(options.now()));
  // Under a name listBackups ignores until whole and checked: a stop halfway leaves no backup
  // that looks good and is not.
  const partial = `${file}.partial`;
  try {
    createPrivateFile(partial);
    await db.backup(partial);
    makeOneFile(partial);
    checkBackup(partial);
    fs.renameSync(partial, file);
  } catch (error) {
    removeWithSideFiles(partial);
    throw error;
  }
  for (const old of listBackups(folder).slice(options.keep)) removeWithSideFiles(old.file);
  pruneSideFiles(folder);
  const taken = listBackups(folder).find((backup) => backup.file === file);
  if (!taken) throw new BackupError(`The backup ${file} disappeared`);
  return taken;
}

export interface RestoreReport {
  /** The replaced file, kept beside the restored one under this name; null if there was none. */
  setAside: string | null;
  /** What the replaced file had that the backup lacked, carried into the restored database. */
  carriedOver: CarriedOver;
  /** The replaced file's rows that could not be carried over, each named by table and number. */
  unreadable: UnreadableRow[];
  /** The CSV beside the restored file listing `unreadable`; null when nothing was left behind. */
  unreadableCsv: string | null;
}

const stampOf = (at: Date) => at.toISOString().replace(/[-:.]/g, '');

const BOM = '\uFEFF';

/** The rows left behind, for the shop to see what the sales were (UTF-8 with BOM, as day.export). */
function unreadableCsvText(rows: readonly UnreadableRow[]): string {
  return `${BOM}${stringify(
    rows.map((row) => [row.table ?? '', row.number ?? '', row.reason, JSON.stringify(row.known)]),
    { header: true, columns: ['table', 'number', 'reason', 'known'], record_delimiter: 'unix' },
  )}`;
}

/** Makes a file's new name, or its removal, survive a power cut (POSIX; Windows has no way). */
function syncFolder(folder: string) {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(folder, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function syncFile(file: string) {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Carries into `db` what the file `current` has that it lacks, read from a copy of it made
 * beside `db`'s file. A file whose list of tables cannot be read is named in `unreadable`.
 */
function carryFrom(current: string, db: Database, copy: string): CarryOverReport {
  let old: Database | null = null;
  try {
    old = openCopyToSalvage(current, copy);
    return carryOver(old, db);
  } catch (error) {
    if (!isDatabaseDamage(error)) throw error;
    const reason = `${current} cannot be read at all: ${(error as Error).message}`;
    return {
      carriedOver: nothingCarried(),
      unreadable: [{ table: null, number: null, reason, known: {} }],
    };
  } finally {
    old?.close();
    removeWithSideFiles(copy);
  }
}

/** The backup, migrated to this version, with what `current` has that it lacks, in `result`. */
function buildRestored(
  backup: string,
  current: string | null,
  result: string,
  now: () => Date,
): CarryOverReport {
  copyPrivateFile(backup, result);
  const db = new BetterSqlite3(result, { fileMustExist: true });
  try {
    // One file to put in place, written through to the disk at each commit.
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = FULL');
    migrate(db, migrations, now);
    if (current === null) return { carriedOver: nothingCarried(), unreadable: [] };
    // A row whose parent could not be read is kept all the same (a receipt of a lost sale row).
    db.pragma('foreign_keys = OFF');
    return carryFrom(current, db, `${result}.replaced`);
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place of the shop's database, losing nothing the replaced file still has:
 * its sales, receipts, refunds, Z reports (and what they need) that the backup lacks are
 * carried over as they were, read row by row where the file is damaged; what cannot be read is
 * listed in the report and in a CSV beside the database. The replaced file is kept beside it,
 * renamed, never deleted: a restore can be undone.
 *
 * Comptoir must not be running on the file: its instance lock is taken, or, when `lock` is
 * given, already held by the caller (a running core restoring in place), which has closed its
 * own connection to the file.
 *
 * The order loses nothing to a crash: the result is built and synced in a private file of its
 * own; the replaced file and its -wal are kept whole under the set-aside name before anything
 * at the database's name changes; the restored file arrives there by one rename.
 */
export function restoreBackup(
  backup: string,
  databaseFile: string,
  now: () => Date,
  options: { lock?: InstanceLock } = {},
): RestoreReport {
  checkBackup(backup);
  const file = path.resolve(databaseFile);
  if (options.lock && options.lock.databaseFile !== file) {
    throw new BackupError(`The lock held is for ${options.lock.databaseFile}, not ${file}`);
  }
  const lock = options.lock ?? takeInstanceLock(file);
  try {
    return restoreLocked(backup, file, now);
  } finally {
    if (!options.lock) lock.release();
  }
}

/**
 * Keeps the replaced file and its -wal under the set-aside name: linked, not moved, so the file
 * stays in place, whole, until the restored one replaces it. Undone if it cannot be done whole.
 */
function keepAside(file: string, setAside: string) {
  fs.linkSync(file, setAside);
  try {
    if (fs.existsSync(`${file}-wal`)) fs.linkSync(`${file}-wal`, `${setAside}-wal`);
  } catch (error) {
    fs.rmSync(setAside, { force: true });
    throw error;
  }
}

function restoreLocked(backup: string, file: string, now: () => Date): RestoreReport {
  const stamp = stampOf(now());
  const folder = path.dirname(file);
  const current = fs.existsSync(file) ? file : null;
  const result = `${file}.restoring-${stamp}`;
  const csv = `${file}.unreadable-${stamp}.csv`;
  const setAside = current ? `${file}.before-restore-${stamp}` : null;
  let report: RestoreReport;
  try {
    const { carriedOver, unreadable } = buildRestored(backup, current, result, now);
    let unreadableCsv: string | null = null;
    if (unreadable.length > 0) {
      createPrivateFile(csv);
      fs.writeFileSync(csv, unreadableCsvText(unreadable));
      unreadableCsv = csv;
    }
    syncFile(result);
    if (setAside) keepAside(file, setAside);
    report = { setAside, carriedOver, unreadable, unreadableCsv };
  } catch (error) {
    for (const leftover of [result, `${result}-journal`, csv]) fs.rmSync(leftover, { force: true });
    throw error;
  }
  syncFolder(folder);
  // Left in place, the replaced file's -wal would be replayed over the restored one.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.renameSync(result, file);
  syncFolder(folder);
  return report;
}
