import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { EventBus } from '../api/event-bus';
import type { CarrierBook } from '../carriers/book';
import { demoDealerPin } from '../demo';
import type { Logger } from '../log';
import { createDealerPins, keyFileSealer, type SecretSealer } from '../store/dealer-pins';
import { createModemSettingsStore } from '../store/modem-settings';
import { createReceivedSmsStore } from '../store/received-sms';
import type { ShopProfileStore } from '../store/shop-profile';
import { salesOfToday } from './activity';
import { modemBankHandlers, modemConfigOf } from './api';
import { openModemLink } from './links';
import { createModemBank, type ModemConfig } from './modem-bank';
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
  /** The shop's profile: its zone says when the day whose activity the bank shows began. */
  shop: Pick<ShopProfileStore, 'get'>;
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
      salesToday: salesOfToday(deps),
    }),
    async close() {
      await bank.close();
      await inboxes.close();
    },
  };
}
