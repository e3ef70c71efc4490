import { z } from 'zod';
import { archiveFileSchema, archivePolicySchema } from '../../archive';
import { managerApprovalSchema } from '../../day';
import { noInput, procedure } from './procedure';

export const archives = {
  'archives.create': procedure(
    'user',
    'Writes the archive of a closed period (`2026-11` a month, `2026` a year) into the archives ' +
      'folder: its receipts, Z reports, closures and audit entries, the profiles in force, and a ' +
      'manifest of SHA-256 sums. Conflict when the period is not closed.',
    z.object({ period: z.string().max(7), manager: managerApprovalSchema.optional() }).strict(),
    z.object({ archive: archiveFileSchema }),
  ),
  'archives.list': procedure(
    'manager',
    'The archives kept, newest first, with the day each may be deleted.',
    noInput,
    z.object({ folder: z.string().nullable(), archives: z.array(archiveFileSchema) }),
  ),
  'archives.getPolicy': procedure(
    'manager',
    'How many years archives are kept after the end of their period (6 unless the shop changed it).',
    noInput,
    archivePolicySchema,
  ),
  'archives.setPolicy': procedure(
    'manager',
    'Changes how many years archives are kept (1 to 99); the day each may be deleted follows it. ' +
      'Nothing deletes an archive.',
    archivePolicySchema,
    archivePolicySchema,
  ),
};
