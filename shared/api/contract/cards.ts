import { z } from 'zod';
import { cardSchema, typedMsisdnSchema } from '../../balance';
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
};
