import { z } from 'zod';
import { saleSchema } from '../../sale';
import { shopProfileSchema } from '../../shop';
import { dealerFloatSchema, modemStatusSchema } from './modems';

/**
 * Events pushed to the signed-in interfaces whose user may hear them
 * (electron/api/event-audience.ts decides, per event).
 */
export const events = {
  'shop.updated': z.object({ profile: shopProfileSchema }),
  'sales.progress': z.object({ sale: saleSchema }),
  'modems.status': z.object({ modems: z.array(modemStatusSchema) }),
  /** A dealer SIM's float changed (a top-up's reply, a check) or crossed its threshold. */
  'modems.floats': z.object({ floats: z.array(dealerFloatSchema) }),
  /** A check while running found the database damaged: the shop is now in safe mode. */
  'app.databaseDamaged': z.object({}),
  /**
   * A counter's link to its hub (counter mode only: sent by the counter's own process): lost,
   * sales are refused with the reason and it keeps retrying; back, the counter sells again.
   */
  'app.hubConnection': z.object({
    reachable: z.boolean(),
    since: z.iso.datetime(),
    problem: z.string().nullable(),
  }),
};
