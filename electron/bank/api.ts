import { ApiError } from '../../shared/api/errors';
import { hilinkAddressOf, type ModemSettings } from '../../shared/modem-bank';
import type { Handlers } from '../api/dispatcher';
import type { CarrierBook } from '../carriers/book';
import type { ModemBank, ModemConfig } from './modem-bank';
import type { ShopModems } from './open-bank';
import { listSerialPorts } from './ports';

/**
 * How a configured modem enters the bank: a serial port, or a HiLink stick's address, bound to
 * its dealer SIM's carrier.
 */
export function modemConfigOf(settings: ModemSettings): ModemConfig {
  const hilink = hilinkAddressOf(settings.path);
  if (hilink !== null) {
    return {
      id: settings.id,
      carrierId: settings.carrierId,
      port: { kind: 'hilink', url: hilink },
    };
  }
  return {
    id: settings.id,
    carrierId: settings.carrierId,
    port: {
      kind: 'serial',
      path: settings.path,
      ...(settings.baudRate ? { baudRate: settings.baudRate } : {}),
      ...(settings.hardwareFlowControl ? { rtscts: true } : {}),
    },
  };
}

type ModemBankHandlers = Pick<
  Handlers,
  | 'modems.list'
  | 'modems.listSettings'
  | 'modems.save'
  | 'modems.remove'
  | 'modems.listPorts'
  | 'modems.detect'
  | 'modems.heal'
  | 'modems.setInService'
  | 'modems.confirmSim'
  | 'modems.timeline'
  | 'modems.listFloats'
  | 'modems.setFloatWatch'
  | 'modems.getActivity'
>;

// Issue 12 in progress: each helper replaces its own procedures' placeholder.
const notBuiltYet = () => {
  throw new ApiError('conflict', 'Not built yet');
};

export function modemBankHandlers(deps: {
  bank: ModemBank;
  carriers: CarrierBook;
  /** Null in demo mode: the demo's bank is simulated and cannot be configured. */
  real: ShopModems | null;
  listPorts?: typeof listSerialPorts;
}): ModemBankHandlers {
  const realBank = () => {
    if (!deps.real) {
      throw new ApiError(
        'conflict',
        'The demo runs simulated modems only: configure real modems in the shop (not the demo)',
      );
    }
    return deps.real;
  };
  const configured = (real: NonNullable<typeof deps.real>) =>
    real.settings.list().map((settings) => ({
      ...settings,
      hasDealerPin: real.dealerPins.has(settings.id),
    }));
  return {
    'modems.list': () => ({ modems: deps.bank.statuses() }),
    'modems.listSettings': () => ({ modems: deps.real ? configured(deps.real) : [] }),
    'modems.save': async ({ dealerPin, ...settings }) => {
      const real = realBank();
      const issue = (path: string, code: string, message: string) =>
        new ApiError('invalid_input', message, [{ path, code, message }]);
      if (!deps.carriers.find(settings.carrierId)) {
        throw issue('carrierId', 'unknown_carrier', `No carrier ${settings.carrierId}`);
      }
      const owner = real.settings.onPort(settings.path);
      if (owner !== null && owner !== settings.id) {
        throw issue('path', 'port_in_use', `${settings.path} is already modem ${owner}`);
      }
      const isNew = !real.settings.list().some((modem) => modem.id === settings.id);
      if (isNew && dealerPin === undefined) {
        throw issue('dealerPin', 'required', 'A new modem needs its dealer SIM PIN');
      }
      // The PIN first: a modem never sits in the bank without the PIN it was saved with.
      if (dealerPin !== undefined) real.dealerPins.set(settings.id, dealerPin);
      real.settings.save(settings);
      await deps.bank.remove(settings.id);
      void deps.bank.add(modemConfigOf(settings));
      const modem = configured(real).find((candidate) => candidate.id === settings.id);
      if (!modem) throw new Error(`Modem ${settings.id} was not saved`);
      return { modem };
    },
    'modems.remove': async ({ id }) => {
      const real = realBank();
      if (!real.settings.remove(id)) throw new ApiError('not_found', `No modem ${id}`);
      await deps.bank.remove(id);
      real.dealerPins.remove(id);
      return {};
    },
    'modems.listPorts': async () => ({ ports: await (deps.listPorts ?? listSerialPorts)() }),
    'modems.detect': notBuiltYet,
    'modems.heal': notBuiltYet,
    'modems.setInService': notBuiltYet,
    'modems.confirmSim': notBuiltYet,
    'modems.timeline': notBuiltYet,
    'modems.listFloats': notBuiltYet,
    'modems.setFloatWatch': notBuiltYet,
    'modems.getActivity': notBuiltYet,
  };
}
