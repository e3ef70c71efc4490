import { z } from 'zod';
import { managerApprovalSchema } from '../../day';
import { procedure } from './procedure';

export const accountant = {
  'accountant.export': procedure(
    'user',
    'The accountant’s export of a shop’s day (YYYY-MM-DD), month (YYYY-MM) or year (YYYY): the ' +
      'sales journal as CSV (documented stable columns: receipt number, payment, tax by rate, ' +
      'correction links) and a summary by plan, tax rate and payment, UTF-8 with BOM.',
    z
      .object({
        kind: z.enum(['day', 'month', 'year']),
        period: z.string().max(10),
        manager: managerApprovalSchema.optional(),
      })
      .strict(),
    z.object({
      files: z.array(z.object({ name: z.string(), mediaType: z.string(), base64: z.string() })),
    }),
  ),
};
