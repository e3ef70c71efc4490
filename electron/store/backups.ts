import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { createPrivateFile, makePrivateFolder, privateFileMode } from '../private-files';
import { migrations } from './migrations';

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

const sqliteCode = (error: unknown) => String((error as { code?: unknown }).code ?? '');

/** SQLite's own words for a file whose bytes are not a (whole) database. */
const isDamage = (error: unknown) => /^SQLITE_(NOTADB|CORRUPT)/.test(sqliteCode(error));

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
    if (isDamage(error)) throw damaged(file, error);
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

/**
 * Refuses a database file another connection has open. In exclusive locking mode the lock fails
 * while any other connection has the file open (measured: plain BEGIN EXCLUSIVE does not, in
 * WAL); the checkpoint folds the -wal in. A file whose header is damaged fails before any lock
 * is tried, so it is reported as damaged: calling it "in use" sent shops looking for a process
 * that did not exist.
 */
function assertNotInUse(databaseFile: string) {
  const current = new BetterSqlite3(databaseFile, { fileMustExist: true });
  try {
    current.pragma('busy_timeout = 0');
    current.pragma('locking_mode = EXCLUSIVE');
    current.exec('BEGIN EXCLUSIVE; COMMIT;');
    current.pragma('wal_checkpoint(TRUNCATE)');
  } catch (error) {
    if (/^SQLITE_(BUSY|LOCKED)/.test(sqliteCode(error))) {
      throw new BackupError(`${databaseFile} is in use: stop Comptoir before restoring`);
    }
    if (isDamage(error)) {
      throw new BackupError(
        `${databaseFile} is damaged or not a database (${(error as Error).message}), so whether Comptoir has it open cannot be checked: nothing was restored. Stop Comptoir, move the file aside, then restore again`,
      );
    }
    throw new BackupError(`${databaseFile} cannot be checked: ${(error as Error).message}`);
  } finally {
    current.close();
  }
}

/**
 * Puts a backup in place of the shop's database, which must not be open (Comptoir stopped).
 * The current file is kept beside it, renamed, never deleted: a restore can be undone.
 */
export function restoreBackup(
  backup: string,
  databaseFile: string,
  now: () => Date,
): { setAside: string | null } {
  checkBackup(backup);
  let setAside: string | null = null;
  if (fs.existsSync(databaseFile)) {
    assertNotInUse(databaseFile);
    setAside = `${databaseFile}.before-restore-${now().toISOString().replace(/[-:.]/g, '')}`;
    fs.renameSync(databaseFile, setAside);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${databaseFile}${suffix}`, { force: true });
  }
  fs.copyFileSync(backup, databaseFile);
  // A copy takes its source's mode, and a backup from an earlier version is world-readable.
  fs.chmodSync(databaseFile, privateFileMode);
  return { setAside };
}
