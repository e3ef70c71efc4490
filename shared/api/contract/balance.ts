import { z } from 'zod';
import { balanceReadingSchema, typedMsisdnSchema } from '../../balance';
import { procedure } from './procedure';

export const balance = {
  'balance.check': procedure(
    'user',
    'Asks the card’s carrier by SMS what is left on it, through an idle modem of that carrier, ' +
      'and keeps the answer with the card. Errors: no_modem, carrier_timeout, carrier_reply ' +
      '(params: reason and the reply text).',
    z
      .object({
        msisdn: typedMsisdnSchema,
        /** Only when several carriers' numbers look alike and the card is new to the shop. */
        carrierId: z.string().max(40).optional(),
      })
      .strict(),
    balanceReadingSchema,
  ),
};
