import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { EventBus } from '../api/event-bus';
import type { CarrierBook } from '../carriers/book';
import { demoDealerPin } from '../demo';
import type { Logger } from '../log';
import { createDealerPins, keyFileSealer, type SecretSealer } from '../store/dealer-pins';
import { createModemSettingsStore } from '../store/modem-settings';
import { createReceivedSmsStore } from '../store/received-sms';
import { modemBankHandlers, modemConfigOf } from './api';
import { watchSerialDevices } from './hotplug';
import { openModemLink } from './links';
import { createModemBank, type ModemConfig } from './modem-bank';
import { serialDevicePaths } from './ports';
import { createSmsInboxes } from './sms-inboxes';

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
  carriers: CarrierBook;
  events: EventBus;
  now: () => Date;
  log: Logger;
  /** Where the hot-plug watcher looks (tests give folders of links to pseudo-terminals). */
  devices?: { byIdFolder: string; watchFolders: readonly string[] };
}) {
  const { db, now, log } = deps;
  const real = deps.demoBank
    ? null
    : openShopModems(db, deps.databaseFile, { sealer: deps.sealer, now });
  const byIdFolder = deps.devices?.byIdFolder ?? '/dev/serial/by-id';
  const devicePaths = () => serialDevicePaths(byIdFolder);
  const inboxes = createSmsInboxes({ storeFor: createReceivedSmsStore(db).forModem, now, log });
  const bank = createModemBank({
    modems: real ? real.settings.list().map(modemConfigOf) : (deps.demoBank ?? []),
    openLink: (port) => openModemLink(port, { simLatencyMs: deps.simLatencyMs ?? 0 }),
    onStatus: (modems) => deps.events.emit('modems.status', { modems }),
    onOpened: inboxes.open,
    ...(real
      ? {
          onSimLearnt: (modemId: string, sim: { iccid: string; imei: string | null }) => {
            try {
              if (!real.settings.bindSim(modemId, sim)) {
                log.warn(`Modem ${modemId} learnt its SIM ${sim.iccid} after it was removed`);
              }
            } catch (error) {
              // Another modem was set up as this SIM meanwhile: the bank checks it at its next opening.
              log.warn(`Modem ${modemId}: SIM ${sim.iccid} not kept: ${(error as Error).message}`);
            }
          },
          candidatePorts: devicePaths,
        }
      : {}),
    profileDirs: deps.modemProfileDirs,
    log,
    now,
  });
  // Only real modems are plugged and pulled out; the demo's live in this process.
  const watch = real
    ? watchSerialDevices({
        list: devicePaths,
        folders:
          deps.devices?.watchFolders ??
          (process.platform === 'linux' ? [byIdFolder, '/sys/class/tty'] : []),
        onChange: (change) => bank.devicesChanged(change),
      })
    : null;
  return {
    bank,
    inboxes,
    /** The dealer PIN of a modem's SIM: a secret kept apart from the settings. */
    dealerPin: (modemId: string) => (real ? real.dealerPins.get(modemId) : demoDealerPin),
    handlers: modemBankHandlers({ bank, carriers: deps.carriers, real }),
    async close() {
      watch?.close();
      await bank.close();
      await inboxes.close();
    },
  };
}
