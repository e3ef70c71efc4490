import { z } from 'zod';
import { managerApprovalSchema, reasonSchema } from '../../day';
import { saleCardCheckSchema, saleMoveRepliesSchema } from '../../pending-sale';
import { renewalRequestSchema, saleSchema, saleStatuses } from '../../sale';
import { procedure } from './procedure';

export const sales = {
  'sales.renew': procedure(
    'user',
    'Sells a renewal and tops the card up through the modem bank; answers once the sale is ' +
      'succeeded, failed (refunded) or unknown. Progress comes as sales.progress events.',
    renewalRequestSchema,
    z.object({ sale: saleSchema }),
  ),
  'sales.get': procedure(
    'user',
    'One sale.',
    z.object({ id: z.number().int().positive() }).strict(),
    z.object({ sale: saleSchema }),
  ),
  'sales.list': procedure(
    'user',
    'Sales, newest first (at most 500): between two instants, with a status, for a number.',
    z
      .object({
        from: z.iso.datetime().optional(),
        to: z.iso.datetime().optional(),
        status: z.enum(saleStatuses).optional(),
        msisdn: z
          .string()
          .regex(/^\+[0-9]{6,15}$/, { error: 'An international number such as +687271234' })
          .optional(),
      })
      .strict(),
    z.object({ sales: z.array(saleSchema) }),
  ),
  'sales.resolve': procedure(
    'user',
    "Verification of an unknown sale by a manager (or a clerk with a manager's name and PIN): " +
      'succeeded, or failed (refunded), with why.',
    z
      .object({
        id: z.number().int().positive(),
        outcome: z.enum(['succeeded', 'failed']),
        reason: reasonSchema,
        manager: managerApprovalSchema.optional(),
      })
      .strict(),
    z.object({ sale: saleSchema }),
  ),
  'sales.listCarrierReplies': procedure(
    'user',
    "What the carrier answered during a sale, move by move, read from the sale's transcripts " +
      '(USSD answers decoded, a confirmation SMS); the dealer PIN was masked when they were kept.',
    z.object({ id: z.number().int().positive() }).strict(),
    z.object({ saleId: z.number().int(), moves: z.array(saleMoveRepliesSchema) }),
  ),
  'sales.checkCard': procedure(
    'user',
    "Checks a pending sale's card now (the carrier's balance SMS, as balance.check) and says " +
      'whether the top-up landed: the reading against the one from before the sale and the ' +
      "plan's validity. Errors: conflict (not pending), no_modem, carrier_timeout, carrier_reply.",
    z.object({ id: z.number().int().positive() }).strict(),
    saleCardCheckSchema,
  ),
};
