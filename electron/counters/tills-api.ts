import type { Handlers } from '../api/dispatcher';
import type { Tills } from './tills';

/** The shop's tills as a screen sees them, and how cash is counted at the close. */
export function tillHandlers(tills: Tills): Pick<Handlers, 'tills.list' | 'tills.setDrawers'> {
  return {
    'tills.list': (_input, caller) => ({
      tills: tills.list(),
      current: caller.till,
      drawers: tills.drawers(),
    }),
    'tills.setDrawers': ({ drawers }) => ({ drawers: tills.setDrawers(drawers) }),
  };
}
