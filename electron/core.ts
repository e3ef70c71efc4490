import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { version } from '../package.json';
import { ApiError } from '../shared/api/errors';
import { normalizeShopProfile } from '../shared/shop';
import { createDispatcher, type Dispatch, type Handlers, type Logger } from './api/dispatcher';
import { createEventBus, type EventBus } from './api/event-bus';
import type { CheckManager } from './api/manager-approval';
import { createLoginGuard, createSessions } from './api/sessions';
import { balanceHandlers } from './balance/api';
import { createBalanceCheckStore } from './balance/check-store';
import { createBalanceChecks } from './balance/checks';
import { createReplyDesk } from './balance/reply-desk';
import { modemBankHandlers, modemConfigOf } from './bank/api';
import { openModemLink } from './bank/links';
import { createModemBank } from './bank/modem-bank';
import { createSmsInboxes } from './bank/sms-inboxes';
import { loadCarrierProfiles } from './carriers';
import { carrierHandlers } from './carriers/api';
import { createCarrierBook } from './carriers/book';
import { dayHandlers } from './day/api';
import { createShiftBook } from './day/shifts';
import { demoDealerPin, demoModems, demoShopProfile, demoUsers } from './demo';
import { printerHandlers } from './printers/api';
import type { Delivery } from './printers/deliver';
import type { ReceiptDocuments } from './printers/documents';
import { hostDocuments } from './printers/host-documents';
import { createReceiptPrinting } from './printers/receipt-printing';
import { receiptTranslations } from './printing/translations';
import { salesHandlers, saleView } from './sales/api';
import { createTopUpConfirmations } from './sales/confirmations';
import { createJournal, type InSameCommit, type Sale } from './sales/journal';
import { receiptDraftFor } from './sales/receipt-draft';
import { createReceiptBook } from './sales/receipts';
import { createRenewals } from './sales/renewal';
import { type BackupPolicy, scheduleBackups } from './store/backup-schedule';
import { openDatabase } from './store/database';
import { createDealerPins, keyFileSealer, type SecretSealer } from './store/dealer-pins';
import { createModemSettingsStore } from './store/modem-settings';
import { createPrinterStore } from './store/printers';
import { createReceivedSmsStore } from './store/received-sms';
import { shopProfileStore } from './store/shop-profile';
import { createUserStore, deviceId } from './store/users';

export interface CoreOptions {
  /** The SQLite file; created and migrated if needed. */
  databaseFile: string;
  demo: boolean;
  /** Folders of carrier profiles, later ones overriding earlier ones (shipped, then the shop's). */
  carrierDirs?: readonly string[];
  /** Where a manager's edited carrier profiles are saved (last of carrierDirs, usually). */
  shopCarrierDir?: string;
  /**
   * Seals dealer PINs at rest: the desktop app passes the system keychain (safeStorage); by
   * default a key file beside the database.
   */
  sealer?: SecretSealer;
  /** Automatic backups of the database; none when left out (the demo's practice data). */
  backups?: BackupPolicy;
  /** Demo only: simulated network delay of each USSD and SMS answer. */
  simLatencyMs?: number;
  /**
   * How receipt HTML becomes a PDF or reaches a printer of the operating system: Electron's own
   * in the desktop app; by default this machine's Chromium and CUPS (the browser host).
   */
  documents?: ReceiptDocuments;
  /** Demo only: simulated modems per carrier (default 2). */
  simModems?: number;
  now?: () => Date;
  log?: Logger;
}

/** The running application without any window or server: what both transports call into. */
export interface Core {
  dispatch: Dispatch;
  events: EventBus;
  demo: boolean;
  db: Database;
  close(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? console;
  const loaded = await loadCarrierProfiles(options.carrierDirs ?? []);
  for (const problem of loaded.problems)
    log.warn(`Carrier profile ${problem.file}: ${problem.message}`);
  const shopCarrierDir = options.shopCarrierDir ? path.resolve(options.shopCarrierDir) : null;
  const carriers = createCarrierBook(
    loaded.profiles.map(({ profile, file }) => ({
      profile,
      file,
      edited: shopCarrierDir !== null && path.dirname(path.resolve(file)) === shopCarrierDir,
    })),
    loaded.problems,
    shopCarrierDir,
  );
  // Checked before anything is opened: a demo bank of a size it cannot have opens nothing.
  const demoBank = options.demo ? demoModems(carriers.list(), options.simModems) : [];
  const { db } = openDatabase(options.databaseFile, now);
  const events = createEventBus();
  const shop = shopProfileStore(db, now);
  const users = createUserStore(db, now);
  const sessions = createSessions(now);
  const logins = createLoginGuard(now);

  if (options.demo && !shop.get()) shop.save(demoShopProfile);
  if (options.demo && !users.any()) {
    for (const user of demoUsers) users.add(user.name, user.role, user.pin);
  }

  const journal = createJournal(db, now);
  // After a clean stop every sale has its receipt: nothing to recover, and no sale to read.
  const recovering = journal.needsRecovery();
  if (recovering) {
    for (const sale of journal.recoverInterrupted('system')) {
      log.warn(`Sale ${sale.id} was interrupted by a stop and is now ${sale.status}`);
    }
  }
  // The demo runs a simulated bank in this process; a shop runs the modems its manager set up,
  // with dealer PINs sealed in a file of their own (never in the database or its backups).
  const dataDir = path.dirname(path.resolve(options.databaseFile));
  const real = options.demo
    ? null
    : {
        settings: createModemSettingsStore(db, now),
        dealerPins: createDealerPins(
          path.join(dataDir, `${path.parse(options.databaseFile).name}.dealer-pins.json`),
          options.sealer ?? keyFileSealer(path.join(dataDir, 'comptoir-secrets.key')),
        ),
      };
  const receivedSms = createReceivedSmsStore(db);
  const inboxes = createSmsInboxes({ storeFor: receivedSms.forModem, now, log });
  const bank = createModemBank({
    modems: real ? real.settings.list().map(modemConfigOf) : demoBank,
    openLink: (port) => openModemLink(port, { simLatencyMs: options.simLatencyMs ?? 0 }),
    onStatus: (modems) => events.emit('modems.status', { modems }),
    onOpened: inboxes.open,
    now,
  });
  const device = deviceId(db, randomUUID);
  const receipts = createReceiptBook(db, device, now);
  const shifts = createShiftBook(db, { deviceId: device, now, nameOf: users.nameOf });
  const issueReceipt = (sale: Sale) => {
    const profile = shop.get();
    if (!profile) {
      log.warn(
        `Sale ${sale.id}: no shop profile yet, its receipt will be issued at the next start`,
      );
      return;
    }
    receipts.issue(
      sale.id,
      receiptDraftFor(sale, {
        shop: profile,
        clerk: users.nameOf(sale.clerkId) ?? `#${sale.clerkId}`,
        carrier: carriers.find(sale.carrierId),
        language: profile.defaultLanguage,
      }),
    );
  };
  const printers = createPrinterStore(db, now);
  const delivery: Delivery = {
    t: receiptTranslations(),
    documents: options.documents ?? hostDocuments(),
    pdfFolder: path.join(path.dirname(path.resolve(options.databaseFile)), 'receipts'),
    deviceTimeoutMs: 10_000,
  };
  const printing = createReceiptPrinting({ receipts, delivery });
  /**
   * An outcome's receipt, issued in the outcome's own commit. If it cannot be issued, the outcome
   * still stands (the money moved): the receipt follows at the next start.
   */
  const receiptWithOutcome: InSameCommit = (sale) => {
    try {
      issueReceipt(sale);
    } catch (error) {
      log.error(`Sale ${sale.id}: its receipt will be issued at the next start`, error);
    }
  };
  // Outcomes without a receipt: recovered just above, or reached before the shop had a profile.
  if (recovering) for (const sale of journal.withoutReceipt()) issueReceipt(sale);
  const view = (sale: Sale) => saleView(sale, receipts.numberOfSale(sale.id));
  const announce = (sale: Sale) => events.emit('sales.progress', { sale: view(sale) });
  const renewals = createRenewals({
    journal,
    bank,
    carrierOf: carriers.ofPlan,
    dealerPin: (modemId) => (real ? real.dealerPins.get(modemId) : demoDealerPin),
    onOutcome: receiptWithOutcome,
    onProgress: announce,
  });
  // Listening from the first message on: a confirmation that came while the app was off counts.
  const confirmations = createTopUpConfirmations({
    journal,
    carrierOf: carriers.find,
    carrierOfModem: (modemId) =>
      bank.statuses().find((modem) => modem.id === modemId)?.carrierId ?? null,
    onConfirmed: (sale) => {
      issueReceipt(sale);
      announce(sale);
    },
  });
  inboxes.onSms(confirmations.consider);
  const checkStore = createBalanceCheckStore(db);
  const timeZone = () => shop.get()?.timeZone ?? null;
  const checks = createBalanceChecks({
    bank,
    desk: createReplyDesk({ inboxes, now }),
    store: checkStore,
    timeZone,
    now,
  });
  await bank.start();
  const backups = options.backups ? scheduleBackups(db, options.backups, { now, log }) : null;

  const checkManager: CheckManager = (name, pin) => {
    logins.check(name);
    const user = users.check(name, pin);
    if (user) logins.succeeded(name);
    else logins.failed(name);
    return user;
  };

  const handlers: Handlers = {
    'app.get': () => ({
      version,
      demo: options.demo,
      defaultLanguage: shop.get()?.defaultLanguage ?? 'en',
      hasUsers: users.any(),
    }),
    'auth.setup': ({ name, pin }) => {
      // One transaction: two first-run screens racing cannot both create "the first" manager.
      const user = db.transaction(() => {
        if (users.any()) throw new ApiError('conflict', 'This shop already has its users');
        return users.add(name, 'manager', pin);
      })();
      return { token: sessions.open(user), user };
    },
    'auth.login': ({ name, pin }) => {
      logins.check(name);
      const user = users.check(name, pin);
      if (!user) {
        logins.failed(name);
        throw new ApiError('unauthorized', 'Wrong name or PIN');
      }
      logins.succeeded(name);
      return { token: sessions.open(user), user };
    },
    'auth.logout': (_input, caller) => {
      sessions.close(caller.token);
      return {};
    },
    'shop.get': () => ({ profile: shop.get() }),
    ...salesHandlers({ journal, renewals, carriers, receipts, receiptWithOutcome, checkManager }),
    ...modemBankHandlers({ bank, carriers, real }),
    ...carrierHandlers(carriers),
    ...dayHandlers({
      shifts,
      bank,
      carrierOf: carriers.find,
      shop: shop.get,
      checkManager,
      printers,
      delivery,
      deviceId: device,
      now,
    }),
    'backups.list': () => ({ folder: backups?.folder ?? null, backups: backups?.list() ?? [] }),
    'backups.create': async () => {
      if (!backups) throw new ApiError('conflict', 'The demo keeps no backups');
      return { backup: await backups.take() };
    },
    ...printerHandlers({ printers, printing }),
    ...balanceHandlers({
      carriers,
      checks,
      store: checkStore,
      salesOf: (msisdn) => journal.list({ msisdn }).map(view),
      timeZone,
      now,
    }),
    'shop.update': (input) => {
      shop.save(normalizeShopProfile(input));
      const profile = shop.get();
      if (!profile) throw new Error('The shop profile was not saved');
      events.emit('shop.updated', { profile });
      return { profile };
    },
  };

  return {
    dispatch: createDispatcher(handlers, {
      log,
      userOf: (token) => sessions.find(token),
      hasUsers: () => users.any(),
    }),
    events,
    demo: options.demo,
    db,
    async close() {
      await bank.close();
      await inboxes.close();
      await backups?.stop();
      db.close();
    },
  };
}
