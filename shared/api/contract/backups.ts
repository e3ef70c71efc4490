import { z } from 'zod';
import { noInput, procedure } from './procedure';

const backupSchema = z.object({
  file: z.string(),
  /** Its file name in the backups folder: what `backups.restore` is given. */
  name: z.string(),
  takenAt: z.string(),
  bytes: z.number().int(),
});

/** What a restore did, and what it carried over from the file it replaced. */
const restoreReportSchema = z.object({
  /** Where the database that was replaced is kept (never deleted); null if there was none. */
  setAside: z.string().nullable(),
  /** Rows per table the backup lacked, carried in from the replaced file as they were. */
  carriedOver: z.record(z.string(), z.number().int()),
  /** Rows of the replaced file that could not be carried over, by table and number. */
  unreadable: z.array(
    z.object({
      table: z.string().nullable(),
      number: z.number().int().nullable(),
      reason: z.string(),
      known: z.record(z.string(), z.unknown()),
    }),
  ),
  /** The CSV beside the database listing `unreadable`; null when nothing was left behind. */
  unreadableCsv: z.string().nullable(),
});

export const backups = {
  'backups.list': procedure(
    'manager',
    'The automatic backups of the shop database, newest first (none in the demo).',
    noInput,
    z.object({ folder: z.string().nullable(), backups: z.array(backupSchema) }),
  ),
  'backups.create': procedure(
    'manager',
    'Takes a backup now (online: sales go on meanwhile), checked before it counts.',
    noInput,
    z.object({ backup: backupSchema }),
  ),
  'backups.restore': procedure(
    'manager',
    'Puts a backup of the list in place of the shop database, with the checks of `comptoir ' +
      'backup restore`; the current file is set aside, and the shop reopens on the restored one ' +
      '(everyone signs in again).',
    z.object({ name: z.string().min(1).max(100) }).strict(),
    z.object({ report: restoreReportSchema }),
  ),
};
