import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { EventBus } from '../api/event-bus';
import type { CarrierBook } from '../carriers/book';
import { demoDealerPin } from '../demo';
import { loadModemProfiles } from '../gsm/profiles';
import type { Logger } from '../log';
import { createDealerPins, keyFileSealer, type SecretSealer } from '../store/dealer-pins';
import { createModemSettingsStore } from '../store/modem-settings';
import { createReceivedSmsStore } from '../store/received-sms';
import { modemBankHandlers, modemConfigOf } from './api';
import { guessCarrier } from './carrier-guess';
import { type DetectedDevice, detectModems } from './detect';
import {
  answersAt,
  deviceOf,
  identifyModem,
  listUsbSerialPorts,
  type SystemTree,
} from './detect-ports';
import { openModemLink } from './links';
import { createModemBank, type ModemBank, type ModemConfig } from './modem-bank';
import { usbIdOfPort } from './ports';
import { createSmsInboxes } from './sms-inboxes';
import { shippedUsbModels } from './usb-models';

/**
 * The modems a shop's manager set up, with their dealer PINs sealed in a file of their own beside
 * the database (never in the database or its backups): by default with a key file beside it.
 */
function openShopModems(
  db: Database,
  databaseFile: string,
  options: { sealer: SecretSealer | undefined; now: () => Date },
) {
  const dataDir = path.dirname(path.resolve(databaseFile));
  return {
    settings: createModemSettingsStore(db, options.now),
    dealerPins: createDealerPins(
      path.join(dataDir, `${path.parse(databaseFile).name}.dealer-pins.json`),
      options.sealer ?? keyFileSealer(path.join(dataDir, 'comptoir-secrets.key')),
    ),
  };
}

export type ShopModems = ReturnType<typeof openShopModems>;

/**
 * `modems.detect` on this machine: its USB serial ports, the bank's modems reported as the bank
 * knows them (their ports never opened by detection), the others probed and identified.
 */
function modemDetector(deps: {
  bank: ModemBank;
  real: ShopModems | null;
  carriers: CarrierBook;
  modemProfileDirs: readonly string[];
  deviceTree: SystemTree | null;
  hilinkSticks: (() => Promise<DetectedDevice[]>) | undefined;
}) {
  const table = shippedUsbModels();
  return () =>
    detectModems({
      table,
      listPorts: () => listUsbSerialPorts(deps.deviceTree),
      configured: async () => {
        const statuses = deps.bank.statuses();
        const settings = deps.real?.settings.list() ?? [];
        return Promise.all(
          settings.map(async (modem) => ({
            id: modem.id,
            carrierId: modem.carrierId,
            device: await deviceOf(modem.path),
            status: statuses.find((status) => status.id === modem.id) ?? null,
          })),
        );
      },
      answersAt: (portPath) => answersAt(portPath),
      identify: (portPath) =>
        identifyModem(portPath, {
          profiles: loadModemProfiles(deps.modemProfileDirs).then((loaded) => loaded.profiles),
          usbId: () => usbIdOfPort(portPath).catch(() => null),
        }),
      guessCarrier: (imsi) => guessCarrier(imsi, deps.carriers.list()),
      ...(deps.hilinkSticks ? { hilinkSticks: deps.hilinkSticks } : {}),
    });
}

/**
 * The modem bank and every modem's SMS inbox, not started yet: the demo's simulated modems in
 * this process, or the modems the shop's manager set up.
 */
export function openBank(deps: {
  db: Database;
  databaseFile: string;
  /** The demo's simulated modems; null in a shop. */
  demoBank: ModemConfig[] | null;
  sealer?: SecretSealer | undefined;
  /** Demo only: simulated network delay of each USSD and SMS answer. */
  simLatencyMs?: number | undefined;
  /** Folders of modem profiles, later ones overriding earlier ones (shipped, then the shop's). */
  modemProfileDirs: readonly string[];
  /** Test/dev only: detection reads this folder laid out like `/` instead of /sys and /dev. */
  deviceTree?: SystemTree | undefined;
  /** HiLink sticks for detection to list after the serial ports (their own module finds them). */
  hilinkSticks?: () => Promise<DetectedDevice[]>;
  carriers: CarrierBook;
  events: EventBus;
  now: () => Date;
  log: Logger;
}) {
  const { db, now, log } = deps;
  const real = deps.demoBank
    ? null
    : openShopModems(db, deps.databaseFile, { sealer: deps.sealer, now });
  const inboxes = createSmsInboxes({ storeFor: createReceivedSmsStore(db).forModem, now, log });
  const bank = createModemBank({
    modems: real ? real.settings.list().map(modemConfigOf) : (deps.demoBank ?? []),
    openLink: (port) => openModemLink(port, { simLatencyMs: deps.simLatencyMs ?? 0 }),
    onStatus: (modems) => deps.events.emit('modems.status', { modems }),
    onOpened: inboxes.open,
    profileDirs: deps.modemProfileDirs,
    log,
    now,
  });
  return {
    bank,
    inboxes,
    /** The dealer PIN of a modem's SIM: a secret kept apart from the settings. */
    dealerPin: (modemId: string) => (real ? real.dealerPins.get(modemId) : demoDealerPin),
    handlers: modemBankHandlers({
      bank,
      carriers: deps.carriers,
      real,
      detect: modemDetector({
        bank,
        real,
        carriers: deps.carriers,
        modemProfileDirs: deps.modemProfileDirs,
        deviceTree: deps.deviceTree ?? null,
        hilinkSticks: deps.hilinkSticks,
      }),
    }),
    async close() {
      await bank.close();
      await inboxes.close();
    },
  };
}
