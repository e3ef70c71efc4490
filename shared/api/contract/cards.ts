import { z } from 'zod';
import { cardSchema, typedMsisdnSchema, upgradeAdviceSchema } from '../../balance';
import { procedure } from './procedure';

export const cards = {
  'cards.get': procedure(
    'user',
    'A card: its renewals and balance checks (newest first), its usage rate, and for a ' +
      'departure date (the shop’s calendar), the smallest plan that covers the rest of the stay.',
    z
      .object({
        msisdn: typedMsisdnSchema,
        departureDate: z.iso.date().optional(),
        carrierId: z.string().max(40).optional(),
      })
      .strict(),
    cardSchema,
  ),
  'cards.getUpgradeAdvice': procedure(
    'user',
    'Whether a larger plan would have cost less than the card’s top-ups of the last 30 days with ' +
      'the plan about to be sold: advice for the confirmation, never a refusal.',
    z
      .object({
        msisdn: typedMsisdnSchema,
        planId: z.string().max(40),
        carrierId: z.string().max(40).optional(),
      })
      .strict(),
    z.object({ advice: upgradeAdviceSchema.nullable() }),
  ),
};
