import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { EventPayload } from '../../shared/api/contract';
import type { EventBus } from '../api/event-bus';
import type { CarrierBook } from '../carriers/book';
import { demoDealerPin } from '../demo';
import { realClock } from '../gsm/clock';
import type { CustomerLines } from '../gsm/simulator';
import type { Logger } from '../log';
import { receiptTranslations } from '../printing/translations';
import { createDealerFloatStore } from '../store/dealer-floats';
import { createDealerPins, keyFileSealer, type SecretSealer } from '../store/dealer-pins';
import { createModemCareStore } from '../store/modem-care';
import { createModemSettingsStore } from '../store/modem-settings';
import { createModemTimelineStore } from '../store/modem-timeline';
import { createReceivedSmsStore } from '../store/received-sms';
import type { ShopProfileStore } from '../store/shop-profile';
import { salesOfToday } from './activity';
import { modemBankHandlers, modemConfigOf } from './api';
import type { DetectedDevice } from './detect';
import type { SystemTree } from './detect-ports';
import { modemDetector } from './detector';
import { floatAlertsBySms } from './float-alert-sms';
import { createDealerFloats, scheduleFloatChecks } from './floats';
import { dealerFloatHandlers } from './floats-api';
import { healingHandlers } from './healing-api';
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
  /** Test/dev only: detection reads this folder laid out like `/` instead of /sys and /dev. */
  deviceTree?: SystemTree | undefined;
  /** HiLink sticks for detection to list after the serial ports (their own module finds them). */
  hilinkSticks?: () => Promise<DetectedDevice[]>;
  carriers: CarrierBook;
  events: EventBus;
  /** The shop's profile: its zone says when the day whose activity the bank shows began. */
  shop: Pick<ShopProfileStore, 'get'>;
  now: () => Date;
  log: Logger;
  /** Each SIM's float is read by USSD when its last reading is `everyMs` old (default 1 h). */
  floatChecks?: { everyMs: number; tickMs: number };
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
  const timeline = createModemTimelineStore(db, now);
  const care = createModemCareStore(db, now);
  // The demo's modems reach one simulated network: a card topped up through one reads so
  // through the others (each keeps its own dealer SIM).
  const demoLines: CustomerLines = new Map();
  const bank = createModemBank({
    modems: real ? real.settings.list().map(modemConfigOf) : (deps.demoBank ?? []),
    openLink: (port) =>
      openModemLink(port, { simLatencyMs: deps.simLatencyMs ?? 0, customerLines: demoLines }),
    onStatus: (modems) => deps.events.emit('modems.status', { modems }),
    onTimeline: (modemId, event, detail) => {
      // The timeline is history for the health screen: failing to keep it never stops a modem.
      try {
        timeline.add(modemId, event, detail);
      } catch (error) {
        log.warn(
          `Modem ${modemId}: ${event} not kept in its timeline: ${(error as Error).message}`,
        );
      }
    },
    heldOut: care.heldOut,
    powerCycleOf: care.powerCycle,
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
    floatOf: (modemId) => floats.routingFacts(modemId),
  });
  const floatStore = createDealerFloatStore(db, now);
  const floats = createDealerFloats({
    store: floatStore,
    bank,
    carrierOf: deps.carriers.find,
    now,
    timeZone: () => deps.shop.get()?.timeZone ?? null,
    onChange: (all) => deps.events.emit('modems.floats', { floats: all }),
    onTimeline: bank.noteTimeline,
    onLow: floatAlertsBySms({
      bank,
      phone: floatStore.alertPhone,
      language: () => deps.shop.get()?.defaultLanguage ?? 'en',
      translate: receiptTranslations(),
      log,
    }),
    log,
  });
  // The float a top-up left is in the sale's outcome (the carrier's reply, parsed).
  const stopHearingSales = deps.events.listen((event, payload) => {
    if (event === 'sales.progress') floats.onSale((payload as EventPayload<'sales.progress'>).sale);
  });
  const floatChecks = scheduleFloatChecks(floats, {
    // The schedule alone never keeps the process alive (a command that opened the shop ends).
    clock: {
      ...realClock,
      setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
    },
    everyMs: deps.floatChecks?.everyMs ?? 60 * 60_000,
    tickMs: deps.floatChecks?.tickMs ?? 60_000,
    log,
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
    /** The dealer floats watched (for the day's books and the health screen). */
    floats,
    /** The dealer PIN of a modem's SIM: a secret kept apart from the settings. */
    dealerPin: (modemId: string) => (real ? real.dealerPins.get(modemId) : demoDealerPin),
    handlers: {
      ...modemBankHandlers({
        bank,
        carriers: deps.carriers,
        real,
        salesToday: salesOfToday(deps),
        detect: modemDetector({
          bank,
          real,
          carriers: deps.carriers,
          modemProfileDirs: deps.modemProfileDirs,
          deviceTree: deps.deviceTree ?? null,
          hilinkSticks: deps.hilinkSticks,
        }),
      }),
      ...healingHandlers({ bank, timeline, care }),
      ...dealerFloatHandlers({ floats, store: floatStore, bank, carrierOf: deps.carriers.find }),
    },
    async close() {
      stopHearingSales();
      await floatChecks.stop();
      watch?.close();
      await bank.close();
      await inboxes.close();
    },
  };
}
