import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { User } from '../shared/user';
import { createDispatcher, type Dispatch } from './api/dispatcher';
import { createEventBus, type EventBus } from './api/event-bus';
import { createAuth } from './auth/api';
import { backupHandlers } from './backups/api';
import { createBalance } from './balance/api';
import { openBank } from './bank/open-bank';
import { carrierHandlers } from './carriers/api';
import { openCarrierBook } from './carriers/book';
import { createDay } from './day/api';
import { demoModems, seedDemo } from './demo';
import type { Logger } from './log';
import { createPrinting } from './printers/api';
import type { ReceiptDocuments } from './printers/documents';
import { createSales } from './sales/api';
import { createBooksCheck } from './sales/books-api';
import { shopHandlers } from './shop/api';
import { type BackupPolicy, scheduleBackups } from './store/backup-schedule';
import { openDatabase } from './store/database';
import type { SecretSealer } from './store/dealer-pins';
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
  /** Folders of modem profiles, later ones overriding earlier ones (shipped, then the shop's). */
  modemProfileDirs: readonly string[];
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
  /** The user a bearer token signs in, or null (unknown, signed out, expired). */
  userOf(token: string | null): User | null;
  demo: boolean;
  db: Database;
  close(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const { demo, databaseFile, sealer, simLatencyMs, documents, modemProfileDirs } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? console;
  const shopCarrierDir = options.shopCarrierDir ?? null;
  const carriers = await openCarrierBook(options.carrierDirs ?? [], shopCarrierDir, log);
  // Checked before anything is opened: a demo bank of a size it cannot have opens nothing.
  const demoBank = demo ? demoModems(carriers.list(), options.simModems) : null;
  const { db } = openDatabase(databaseFile, now);
  const shop = shopProfileStore(db, now);
  const users = createUserStore(db, now);
  if (demo) seedDemo(shop, users);
  const events = createEventBus(log);
  const base = { db, now, log, events, carriers, shop, users, deviceId: deviceId(db, randomUUID) };
  const auth = createAuth(base);
  const bankOptions = { databaseFile, demoBank, sealer, simLatencyMs, modemProfileDirs };
  const modems = openBank({ ...base, ...bankOptions });
  const { bank, inboxes, dealerPin } = modems;
  const { checkPin } = auth;
  const sales = createSales({ ...base, bank, inboxes, dealerPin, checkPin });
  sales.recoverInterrupted();
  const books = createBooksCheck(base);
  const printing = createPrinting({ ...base, databaseFile, documents, receipts: sales.receipts });
  const printers = printing.printers;
  const day = createDay({ ...base, bank, checkPin, printers, delivery: printing.delivery });
  // Listening before the first modem opens, as the sales are: a reply read at start counts.
  const balance = createBalance({ ...base, bank, inboxes, salesOf: sales.salesOf });
  await bank.start();
  const backups = options.backups ? scheduleBackups(db, options.backups, { now, log }) : null;
  const handlers = {
    ...shopHandlers({ shop, demo, hasUsers: users.any, events }),
    ...auth.handlers,
    ...sales.handlers,
    ...books,
    ...modems.handlers,
    ...carrierHandlers(carriers),
    ...day,
    ...backupHandlers(backups),
    ...printing.handlers,
    ...balance,
  };
  return {
    dispatch: createDispatcher(handlers, { log, userOf: auth.sessions.find, hasUsers: users.any }),
    events,
    userOf: auth.sessions.find,
    demo,
    db,
    async close() {
      await sales.settle();
      await modems.close();
      await backups?.stop();
      db.close();
    },
  };
}
