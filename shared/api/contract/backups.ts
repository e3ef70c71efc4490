import { z } from 'zod';
import { noInput, procedure } from './procedure';

const backupSchema = z.object({ file: z.string(), takenAt: z.string(), bytes: z.number().int() });

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
};
