import { ApiError } from '../../shared/api/errors';
import type { Handlers } from '../api/dispatcher';
import type { BackupSchedule } from '../store/backup-schedule';

type BackupHandlers = Pick<Handlers, 'backups.list' | 'backups.create'>;

/** `schedule` is null in the demo, whose practice data is never backed up. */
export function backupHandlers(schedule: BackupSchedule | null): BackupHandlers {
  return {
    'backups.list': () => ({ folder: schedule?.folder ?? null, backups: schedule?.list() ?? [] }),
    'backups.create': async () => {
      if (!schedule) throw new ApiError('conflict', 'The demo keeps no backups');
      return { backup: await schedule.take() };
    },
  };
}
