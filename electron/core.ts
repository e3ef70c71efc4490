import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { version } from '../package.json';
import { ApiError } from '../shared/api/errors';
import { normalizeShopProfile } from '../shared/shop';
import { createDispatcher, type Dispatch, type Handlers, type Logger } from './api/dispatcher';
import { createEventBus, type EventBus } from './api/event-bus';
import { createLoginGuard, createSessions } from './api/sessions';
import { openModemLink } from './bank/links';
import { createModemBank } from './bank/modem-bank';
import { loadCarrierProfiles } from './carriers';
import { demoDealerPin, demoModems, demoShopProfile, demoUsers } from './demo';
import { salesHandlers, saleView } from './sales/api';
import { createJournal, type InSameCommit, type Sale } from './sales/journal';
import { receiptDraftFor } from './sales/receipt-draft';
import { createReceiptBook } from './sales/receipts';
import { createRenewals } from './sales/renewal';
import { openDatabase } from './store/database';
import { shopProfileStore } from './store/shop-profile';
import { createUserStore, deviceId } from './store/users';

export interface CoreOptions {
  /** The SQLite file; created and migrated if needed. */
  databaseFile: string;
  demo: boolean;
  /** Folders of carrier profiles, later ones overriding earlier ones (shipped, then the shop's). */
  carrierDirs?: readonly string[];
  /** Demo only: simulated network delay of each USSD and SMS answer. */
  simLatencyMs?: number;
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
  const carriers = loaded.profiles.map(({ profile }) => profile);
  // Until the shop configures its modems, the demo runs the simulated bank in this process.
  const simulatedModems = options.demo ? demoModems(carriers, options.simModems) : [];

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
  const bank = createModemBank({
    modems: simulatedModems,
    openLink: (port) => openModemLink(port, { simLatencyMs: options.simLatencyMs ?? 0 }),
    onStatus: (modems) => events.emit('modems.status', { modems }),
    now,
  });
  const receipts = createReceiptBook(db, deviceId(db, randomUUID), now);
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
        carrier: carriers.find((carrier) => carrier.id === sale.carrierId) ?? null,
        language: profile.defaultLanguage,
      }),
    );
  };
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
  const renewals = createRenewals({
    journal,
    bank,
    carrierOf: (planId) => carriers.find((c) => c.plans.some((plan) => plan.id === planId)) ?? null,
    dealerPin: () => (options.demo ? demoDealerPin : undefined),
    onOutcome: receiptWithOutcome,
    onProgress: (sale) =>
      events.emit('sales.progress', { sale: saleView(sale, receipts.numberOfSale(sale.id)) }),
  });
  await bank.start();

  const handlers: Handlers = {
    'app.info': () => ({
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
    ...salesHandlers({ journal, renewals, bank, carriers, receipts, receiptWithOutcome }),
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
      db.close();
    },
  };
}
