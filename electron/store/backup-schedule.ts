import type { Database } from 'better-sqlite3';
import type { Logger } from '../log';
import { type BackupFile, backUp, listBackups } from './backups';

export interface BackupPolicy {
  folder: string;
  /** How many backups are kept (the newest). */
  keep?: number;
  /** A backup is due this long after the previous one. */
  everyMs?: number;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Takes a backup when one is due (at start, then checked every hour), one at a time. A failed
 * backup is logged and tried again at the next check: it never stops the counter.
 */
export function scheduleBackups(
  db: Database,
  policy: BackupPolicy,
  options: {
    now: () => Date;
    log: Logger;
    checkEveryMs?: number;
    /** Told of each automatic backup once it is taken (the audit trail records it). */
    taken?: (backup: BackupFile) => void;
  },
) {
  const keep = policy.keep ?? 14;
  const everyMs = policy.everyMs ?? DAY;
  let running: Promise<BackupFile> | null = null;

  const take = (): Promise<BackupFile> => {
    running ??= backUp(db, policy.folder, { now: options.now, keep }).finally(() => {
      running = null;
    });
    return running;
  };
  const check = () => {
    const newest = listBackups(policy.folder)[0];
    const due = !newest || options.now().getTime() - Date.parse(newest.takenAt) >= everyMs;
    if (!due || running) return;
    take()
      .then((backup) => options.taken?.(backup))
      .catch((error: unknown) =>
        options.log.error(`Backup to ${policy.folder} failed: ${(error as Error).message}`),
      );
  };
  check();
  const timer = setInterval(check, options.checkEveryMs ?? 60 * 60 * 1000);
  timer.unref();
  return {
    folder: policy.folder,
    /** A backup now (a manager's request), or the one already being taken. */
    take,
    list: () => listBackups(policy.folder),
    async stop() {
      clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}

export type BackupSchedule = ReturnType<typeof scheduleBackups>;
