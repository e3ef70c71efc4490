import { z } from 'zod';
import { shopProfileSchema } from '../../shop';
import { noInput, procedure } from './procedure';

export const shop = {
  'shop.get': procedure(
    'public',
    'The shop profile, or null before it is first saved.',
    noInput,
    z.object({ profile: shopProfileSchema.nullable() }),
  ),
  'shop.update': procedure(
    'setup',
    'Validates and saves the whole shop profile.',
    shopProfileSchema,
    z.object({ profile: shopProfileSchema }),
  ),
};
