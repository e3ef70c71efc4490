import fs from 'node:fs';
import path from 'node:path';
import { makePrivateFolder, privateFileMode } from '../private-files';

/**
 * Who has the shop's database: a small file beside it, created exclusively, holding the pid of
 * the Comptoir that runs on it. Asking SQLite instead (an exclusive lock on the file) fails on a
 * damaged file for reasons that have nothing to do with another process, and told shops the
 * file was "in use" when nothing had it open.
 */
export interface InstanceLock {
  /** The database this lock is for (absolute). */
  databaseFile: string;
  /** Gives the lock up; a lock already given up, or taken over since, is left alone. */
  release(): void;
}

export class InstanceLockedError extends Error {
  constructor(
    readonly databaseFile: string,
    readonly pid: number,
  ) {
    super(
      `${databaseFile} is in use by Comptoir (process ${pid}): stop it first. If no such process is Comptoir, remove ${lockFileOf(databaseFile)}`,
    );
    this.name = 'InstanceLockedError';
  }
}

export const lockFileOf = (databaseFile: string) => `${path.resolve(databaseFile)}.lock`;

/** Whether a process with this pid exists: signal 0 checks without sending anything. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const holderOf = (lockFile: string): number | null => {
  try {
    const pid = Number(fs.readFileSync(lockFile, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
};

/**
 * Creates the lock file with this process's pid in it, in one step: the pid is written to a file
 * of this process's own, then linked under the lock's name, which fails if a lock is there. A
 * lock is never seen empty, so an empty or unreadable one can only be the remains of a crash.
 */
function createLockFile(lockFile: string): boolean {
  const own = `${lockFile}.${process.pid}`;
  fs.writeFileSync(own, `${process.pid}\n`, { mode: privateFileMode });
  try {
    fs.linkSync(own, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(own, { force: true });
  }
}

/**
 * Takes the lock of a database for this process, or throws InstanceLockedError naming the live
 * process that holds it. A lock left by a process that is gone (a crash, a power cut) is taken
 * over; so is one whose content is unreadable (a write cut short by a crash).
 */
export function takeInstanceLock(databaseFile: string): InstanceLock {
  const resolved = path.resolve(databaseFile);
  const lockFile = lockFileOf(resolved);
  makePrivateFolder(path.dirname(resolved));
  // Twice at most: once, and once more after clearing a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (createLockFile(lockFile)) {
      let held = true;
      return {
        databaseFile: resolved,
        release() {
          if (!held) return;
          held = false;
          if (holderOf(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
        },
      };
    }
    const holder = holderOf(lockFile);
    if (holder !== null && isAlive(holder)) throw new InstanceLockedError(resolved, holder);
    fs.rmSync(lockFile, { force: true });
  }
  throw new Error(`Cannot take the lock ${lockFile}: another process keeps taking it`);
}
