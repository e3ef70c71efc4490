import type { ProcedureOutput } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { hilinkAddressOf, type ModemSettings } from '../../shared/modem-bank';
import type { Handlers } from '../api/dispatcher';
import type { CarrierBook } from '../carriers/book';
import type { SaleFact } from '../day/report';
import { modemActivity } from './activity';
import type { ModemBank, ModemConfig } from './modem-bank';
import type { ShopModems } from './open-bank';
import { listSerialPorts } from './ports';

/**
 * How a configured modem enters the bank: its dealer SIM (and carrier), on a serial port or a
 * HiLink stick's address.
 */
export function modemConfigOf(settings: ModemSettings): ModemConfig {
  const hilink = hilinkAddressOf(settings.path);
  if (hilink !== null) {
    return {
      id: settings.id,
      carrierId: settings.carrierId,
      port: { kind: 'hilink', url: hilink },
      iccid: settings.iccid,
      imei: settings.imei,
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
    iccid: settings.iccid,
    imei: settings.imei,
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
  | 'modems.confirmSim'
  | 'modems.getActivity'
>;

export function modemBankHandlers(deps: {
  bank: ModemBank;
  carriers: CarrierBook;
  /** Null in demo mode: the demo's bank is simulated and cannot be configured. */
  real: ShopModems | null;
  listPorts?: typeof listSerialPorts;
  /** Finds the modems plugged into this machine (open-bank's detector). */
  detect: () => Promise<ProcedureOutput<'modems.detect'>>;
  /** The sales of the shop's current day, as the day report reads them. */
  salesToday(): readonly SaleFact[];
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
      const simOwner = settings.iccid === null ? null : real.settings.onSim(settings.iccid);
      if (simOwner !== null && simOwner !== settings.id) {
        throw issue('iccid', 'sim_in_use', `SIM ${settings.iccid} is already modem ${simOwner}`);
      }
      const isNew = !real.settings.list().some((modem) => modem.id === settings.id);
      if (isNew && dealerPin === undefined) {
        throw issue('dealerPin', 'required', 'A new modem needs its dealer SIM PIN');
      }
      // The PIN first: a modem never sits in the bank without the PIN it was saved with.
      if (dealerPin !== undefined) real.dealerPins.set(settings.id, dealerPin);
      real.settings.save(settings);
      // As stored: a SIM learnt before and not given again is kept, so the modem stays bound.
      const saved = real.settings.list().find((modem) => modem.id === settings.id) ?? settings;
      await deps.bank.remove(settings.id);
      void deps.bank.add(modemConfigOf(saved));
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
    'modems.detect': () => deps.detect(),
    'modems.confirmSim': ({ id, iccid: typed }) => {
      const status = deps.bank.statuses().find((modem) => modem.id === id);
      if (!status) throw new ApiError('not_found', `No modem ${id}`);
      // The SIM's record may end in F; the bank reads the ICCID without it.
      const iccid = typed.replace(/F$/, '');
      if (status.simChange?.foundIccid !== iccid) {
        throw new ApiError(
          'conflict',
          `Modem ${id} is not waiting for SIM ${iccid} to be confirmed (its SIM changed again, or was put back)`,
        );
      }
      if (deps.real) {
        const owner = deps.real.settings.onSim(iccid);
        if (owner !== null && owner !== id) {
          throw new ApiError('conflict', `SIM ${iccid} is already modem ${owner}`);
        }
        deps.real.settings.bindSim(id, { iccid, imei: status.imei });
      }
      deps.bank.confirmSim(id, iccid);
      return {};
    },
    'modems.getActivity': () => ({
      modems: modemActivity(
        deps.salesToday(),
        deps.bank.statuses().map((modem) => modem.id),
      ),
    }),
  };
}
