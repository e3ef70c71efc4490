import { z } from 'zod';
import { drawerModeSchema, tillSchema } from '../../counters';
import { noInput, procedure } from './procedure';

export const tills = {
  'tills.list': procedure(
    'user',
    'The shop’s tills, the caller’s own, and how cash is counted at the close.',
    noInput,
    z.object({ tills: z.array(tillSchema), current: tillSchema, drawers: drawerModeSchema }),
  ),
  'tills.setDrawers': procedure(
    'manager',
    'A drawer per till (one Z per till per day) or one drawer for the shop; refused while a ' +
      'shift is open.',
    z.object({ drawers: drawerModeSchema }).strict(),
    z.object({ drawers: drawerModeSchema }),
  ),
};
