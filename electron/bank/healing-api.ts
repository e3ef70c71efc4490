import { ApiError } from '../../shared/api/errors';
import type { Handlers } from '../api/dispatcher';
import type { ModemCareStore } from '../store/modem-care';
import type { ModemTimelineStore } from '../store/modem-timeline';
import type { ModemBank } from './modem-bank';

type HealingHandlers = Pick<
  Handlers,
  | 'modems.heal'
  | 'modems.setInService'
  | 'modems.timeline'
  | 'modems.getPowerCycle'
  | 'modems.setPowerCycle'
>;

/** A manager's hand on a modem's health: its timeline, a healing step, out of service and back. */
export function healingHandlers(deps: {
  bank: ModemBank;
  timeline: ModemTimelineStore;
  care: ModemCareStore;
}): HealingHandlers {
  const known = (id: string) => {
    if (!deps.bank.statuses().some((modem) => modem.id === id)) {
      throw new ApiError('not_found', `No modem ${id}`);
    }
  };
  return {
    'modems.timeline': ({ id }) => {
      known(id);
      return { entries: deps.timeline.list(id) };
    },
    'modems.heal': ({ id, step }) => {
      const outcome = deps.bank.heal(id, step);
      if (outcome === 'unknown') throw new ApiError('not_found', `No modem ${id}`);
      if (outcome === 'held-out') {
        throw new ApiError(
          'conflict',
          `Modem ${id} is out of service: put it back in service first`,
        );
      }
      if (outcome === 'no-power-cycle') {
        throw new ApiError('conflict', `Modem ${id} has no power-cycle command: set one first`);
      }
      if (outcome === 'under-way') {
        throw new ApiError('conflict', `Modem ${id} is opening or healing already: wait for it`);
      }
      return {};
    },
    'modems.setInService': async ({ id, inService }) => {
      known(id);
      // Kept first: a modem taken out stays out even if the shop restarts right now.
      deps.care.setHeldOut(id, !inService);
      await deps.bank.setInService(id, inService);
      return {};
    },
    'modems.getPowerCycle': ({ id }) => {
      known(id);
      return { command: deps.care.powerCycle(id) };
    },
    'modems.setPowerCycle': ({ id, command }) => {
      known(id);
      deps.care.setPowerCycle(id, command);
      return {};
    },
  };
}
