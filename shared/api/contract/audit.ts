import { z } from 'zod';
import { auditEventSchema, auditFilterSchema } from '../../audit';
import { chainFindingSchema } from '../../books';
import { managerApprovalSchema } from '../../day';
import { noInput, procedure } from './procedure';

export const audit = {
  'audit.list': procedure(
    'manager',
    'The audit trail, newest first, filtered by kind, user and shop’s day; `more` when older ' +
      'entries match too (ask again with `beforeSeq`).',
    auditFilterSchema,
    z.object({ events: z.array(auditEventSchema), more: z.boolean() }),
  ),
  'audit.verify': procedure(
    'manager',
    'Checks the audit trail’s chain (each hash, each link, no gap); names the first entry that ' +
      'does not fit. Changes nothing.',
    noInput,
    chainFindingSchema,
  ),
  'audit.export': procedure(
    'user',
    'The audit entries the filter finds (without its limit) as CSV, UTF-8 with BOM. A manager, ' +
      'or a clerk as the shop set it (exports).',
    auditFilterSchema
      .omit({ limit: true, beforeSeq: true })
      .extend({ manager: managerApprovalSchema.optional() }),
    z.object({
      files: z.array(z.object({ name: z.string(), mediaType: z.string(), base64: z.string() })),
    }),
  ),
};
