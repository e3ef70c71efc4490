import { z } from 'zod';
import { carrierProfileSchema } from '../../carrier';
import { catalogChangeSchema, localDateTimeSchema } from '../../head-office';
import { noInput } from '../contract/procedure';
import { hqProcedure } from './procedure';

export const catalog = {
  'catalog.list': hqProcedure(
    'staff',
    'The chain’s carrier profiles as they stand, the changes scheduled, and the version each shop runs.',
    noInput,
    z.object({
      version: z.number().int(),
      profiles: z.array(carrierProfileSchema),
      changes: z.array(
        z.object({
          change: catalogChangeSchema,
          shopIds: z.array(z.string()).nullable(),
          createdAt: z.string(),
          createdBy: z.string(),
        }),
      ),
      shops: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          version: z.number().int(),
          managed: z.boolean(),
        }),
      ),
    }),
  ),
  'catalog.save': hqProcedure(
    'staff',
    'Publishes a carrier profile (plans and prices), validated as the shop’s editor does, to apply ' +
      'at a local time in each shop’s zone (null: at once), for some shops or all managed ones.',
    z
      .object({
        profile: carrierProfileSchema,
        effectiveFrom: localDateTimeSchema.nullable(),
        shopIds: z.array(z.uuid()).min(1).nullable(),
      })
      .strict(),
    z.object({ change: catalogChangeSchema }),
  ),
  'catalog.setManaged': hqProcedure(
    'staff',
    'Whether a shop’s carrier profiles and prices are the head office’s (it cannot edit them).',
    z.object({ shopId: z.uuid(), managed: z.boolean() }).strict(),
    z.object({ change: catalogChangeSchema }),
  ),
};
