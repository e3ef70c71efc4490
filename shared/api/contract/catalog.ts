import { z } from 'zod';
import { msisdnFormats } from '../../carrier';
import { moneySchema } from '../../currencies';
import { noInput, procedure } from './procedure';

export const catalog = {
  'catalog.list': procedure(
    'user',
    'The carriers the shop sells: their plans and prices, and how their numbers are written.',
    noInput,
    z.object({
      carriers: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          currency: z.string(),
          /** How customer numbers are read (customerNumber), so the counter checks them as typed. */
          numberRegion: z.string(),
          msisdnFormat: z.enum(msisdnFormats),
          numberValidation: z.enum(['valid', 'possible']),
          plans: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              dataMb: z.number().int(),
              validityDays: z.number().int(),
              price: moneySchema,
            }),
          ),
        }),
      ),
    }),
  ),
};
