import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { Handlers } from '../api/dispatcher';
import type { BackupSchedule } from '../store/backup-schedule';
import { BackupError, listBackups, type RestoreReport } from '../store/backups';

type BackupHandlers = Pick<Handlers, 'backups.list' | 'backups.create' | 'backups.restore'>;

export function backupHandlers(deps: {
  /** The backups folder; null in the demo, whose practice data is never backed up. */
  folder: string | null;
  /** Null in the demo, and in safe mode: a damaged database is not backed up. */
  schedule: BackupSchedule | null;
  /** Puts the backup file in place of the shop's database and reopens the shop on it. */
  restore(backupFile: string): Promise<RestoreReport>;
}): BackupHandlers {
  const { folder, schedule } = deps;
  const list = () =>
    (folder ? listBackups(folder) : []).map((backup) => ({
      ...backup,
      name: path.basename(backup.file),
    }));
  return {
    'backups.list': () => ({ folder, backups: list() }),
    'backups.create': async () => {
      if (!schedule) throw new ApiError('conflict', 'No backups are kept here');
      const backup = await schedule.take();
      return { backup: { ...backup, name: path.basename(backup.file) } };
    },
    'backups.restore': async ({ name }) => {
      if (!folder) throw new ApiError('conflict', 'No backups are kept here');
      // Only a backup of the list: a name is never read as a path, so nothing outside the
      // backups folder can be put in place of the shop's database.
      const backup = list().find((listed) => listed.name === name);
      if (!backup) throw new ApiError('not_found', `No backup named "${name}" in ${folder}`);
      try {
        return { report: await deps.restore(backup.file) };
      } catch (error) {
        if (error instanceof BackupError) throw new ApiError('conflict', error.message);
        throw error;
      }
    },
  };
}
