import { z } from 'zod';
import { carrierProfileSchema } from '../../carrier';
import { managerApprovalSchema } from '../../day';
import { noInput, procedure } from './procedure';

export const carriers = {
  'carriers.list': procedure(
    'manager',
    'The carrier profiles in service (shipped, or edited by the shop) and the files that failed to load.',
    noInput,
    z.object({
      carriers: z.array(
        z.object({ id: z.string(), name: z.string(), file: z.string(), edited: z.boolean() }),
      ),
      problems: z.array(z.object({ file: z.string(), message: z.string() })),
      /** Managed: the head office sets the carriers and prices, the shop runs catalog `version`. */
      headOffice: z.object({ managed: z.boolean(), version: z.number().int().nonnegative() }),
    }),
  ),
  'carriers.get': procedure(
    'manager',
    'One carrier profile, whole, to edit.',
    z.object({ id: z.string().min(1).max(40) }).strict(),
    z.object({ profile: carrierProfileSchema }),
  ),
  'carriers.save': procedure(
    'user',
    'Validates a carrier profile and puts it in service at once, saved in the shop’s own folder ' +
      '(it then replaces the shipped profile of the same id). A manager, or a clerk as the shop ' +
      'set it (editing prices). Refused while the head office manages the shop’s carriers.',
    z.object({ profile: carrierProfileSchema, manager: managerApprovalSchema.optional() }).strict(),
    z.object({ profile: carrierProfileSchema }),
  ),
};
