import { z } from 'zod';
import { saleSchema } from '../../sale';
import { shopProfileSchema } from '../../shop';
import { modemStatusSchema } from './modems';

/**
 * Events pushed to the signed-in interfaces whose user may hear them
 * (electron/api/event-audience.ts decides, per event).
 */
export const events = {
  'shop.updated': z.object({ profile: shopProfileSchema }),
  'sales.progress': z.object({ sale: saleSchema }),
  'modems.status': z.object({ modems: z.array(modemStatusSchema) }),
  /** A check while running found the database damaged: the shop is now in safe mode. */
  'app.databaseDamaged': z.object({}),
};
