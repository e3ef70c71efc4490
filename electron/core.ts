import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../shared/api/errors';
import type { HubNetwork } from '../shared/counters';
import { defaultTillName } from '../shared/shop';
import { accountantHandlers } from './accountant/api';
import { guardHandlers } from './api/database-guard';
import { createDispatcher, type Dispatch } from './api/dispatcher';
import { createEventBus, type EventBus } from './api/event-bus';
import { archivesHandlers } from './archives/api';
import { auditedActs } from './audit/acts';
import { auditHandlers } from './audit/api';
import { auditHearing } from './audit/heard';
import { recordActs } from './audit/record-acts';
import { type AuditAct, type AuditTrail, createAuditTrail } from './audit/trail';
import { createAuth } from './auth/api';
import type { SessionState } from './auth/sessions';
import { backupHandlers } from './backups/api';
import { createBalance } from './balance/api';
import type { SystemTree } from './bank/detect-ports';
import { openBank } from './bank/open-bank';
import { carrierHandlers } from './carriers/api';
import { type CarrierBook, openCarrierBook } from './carriers/book';
import type { JoinHub } from './counter/join';
import { joinHandlers } from './counter/join-api';
import { counterHandlers } from './counters/api';
import { type HubCertificate, hubCertificate } from './counters/certificate';
import { createDevices } from './counters/devices';
import type { HubListener } from './counters/listener';
import { createNetworkSetting } from './counters/network-setting';
import { createPairingCodes } from './counters/pairing-codes';
import { createTills } from './counters/tills';
import { tillHandlers } from './counters/tills-api';
import { createDay } from './day/api';
import { demoCards, demoModems, seedDemo } from './demo';
import { syncHandlers } from './head-office/api';
import { recordBooksCheck } from './head-office/books-check';
import { createCatalogFollower } from './head-office/catalog-follower';
import { createHeadOfficeSync } from './head-office/sync';
import type { Logger } from './log';
import { archivesFolderOf } from './paths';
import { createPeriods } from './periods/api';
import { permissionsHandlers } from './permissions/api';
import { createPrinting } from './printers/api';
import type { ReceiptDocuments } from './printers/documents';
import { createSales } from './sales/api';
import { createBooksCheck } from './sales/books-api';
import { pendingSaleHandlers } from './sales/pending-api';
import { shopHandlers } from './shop/api';
import { type BackupPolicy, scheduleBackups } from './store/backup-schedule';
import { checkBackup, type RestoreReport, restoreBackup } from './store/backups';
import { openDatabase } from './store/database';
import { findDamageInFile, isDatabaseDamage } from './store/database-check';
import type { SecretSealer } from './store/dealer-pins';
import { type InstanceLock, takeInstanceLock } from './store/instance-lock';
import { type IntegrityPolicy, scheduleIntegrityChecks } from './store/integrity-schedule';
import { createPermissionStore } from './store/permissions';
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
  /**
   * Test/dev only: `modems.detect` reads this folder, laid out like `/` (sys/class/tty, dev,
   * dev/serial/by-id), instead of the machine's own.
   */
  deviceTree?: SystemTree;
  /** Demo only: simulated modems per carrier (default 2). */
  simModems?: number;
  /** When SQLite's full check of the database runs: a while after the start, then daily. */
  databaseChecks?: IntegrityPolicy;
  /**
   * How this install joins a hub as a counter (`counters.inspectHub`, `counters.join`): given by
   * the shell that can turn into a counter; without it both are refused.
   */
  joinHub?: JoinHub;
  /**
   * The hub's listener on the shop's network, made by the transport (it serves this core):
   * opened on the saved setting at start and moved by `counters.setNetwork`. Without it the hub
   * cannot open to the network (`counters.get` says so).
   */
  hubListener?: HubListener;
  /**
   * Where the hub opens to the shop's network from the start (`serve --network`): saved as
   * `counters.setNetwork` saves it (and written in the audit trail), once, at the first opening.
   */
  network?: HubNetwork;
  now?: () => Date;
  log?: Logger;
}

/** The running application without any window or server: what both transports call into. */
export interface Core {
  dispatch: Dispatch;
  events: EventBus;
  /**
   * What a bearer token stands for now (a user, an ended session, nothing) at the till of
   * `device` (none: this machine's, the hub's); renews nothing.
   */
  sessionOf(token: string | null, device?: string | null): SessionState;
  /** The paired, unrevoked counter a device credential stands for, seen calling from `address`. */
  deviceOf(credential: string, address: string): string | null;
  demo: boolean;
  /** The shop's database connection: a new one after a restore. */
  readonly db: Database;
  close(): Promise<void>;
}

/**
 * What the transports (the window's IPC, the browser host) use of a core: the shop's own, or a
 * paired counter's that forwards everything to its hub (electron/counter/remote-core.ts).
 */
export type TransportCore = Pick<Core, 'dispatch' | 'events' | 'sessionOf' | 'demo' | 'close'>;

/** What lives as long as one opening of the database: a restore closes it and opens another. */
interface OpenShop {
  dispatch: Dispatch;
  audit: AuditTrail;
  sessionOf(token: string | null, device?: string | null): SessionState;
  deviceOf(credential: string, address: string): string | null;
  db: Database;
  close(): Promise<void>;
}

interface ShopParts {
  now: () => Date;
  log: Logger;
  events: EventBus;
  carriers: CarrierBook;
  demoBank: ReturnType<typeof demoModems> | null;
  restore(backupFile: string): Promise<RestoreReport>;
  /** Records an act in the audit trail of the shop open now (a restore opens another). */
  audit(act: AuditAct): void;
  /** The hub's TLS certificate, beside the database: made on first use, the same after. */
  certificate(): Promise<HubCertificate>;
  /** The network setting given at start, until the first opening of the shop has saved it. */
  networkAtStart: HubNetwork | undefined;
}

/**
 * Starts the core on its database, holding the database's instance lock from before it is opened
 * until close(): another Comptoir, or a restore from outside, is refused meanwhile, naming this
 * process.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const lock = takeInstanceLock(options.databaseFile);
  try {
    return await openCore(options, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openCore(options: CoreOptions, lock: InstanceLock): Promise<Core> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? console;
  const shopCarrierDir = options.shopCarrierDir ?? null;
  const carriers = await openCarrierBook(options.carrierDirs ?? [], shopCarrierDir, log);
  // Checked before anything is opened: a demo bank of a size it cannot have opens nothing.
  const demoBank = options.demo ? demoModems(carriers.list(), options.simModems) : null;
  // One bus for the life of the process: the windows and sockets listening stay through a restore.
  const events = createEventBus(log);
  let reopening: Promise<unknown> = Promise.resolve();
  let restoring = false;
  let certificate: Promise<HubCertificate> | null = null;
  const parts: ShopParts = {
    now,
    log,
    events,
    carriers,
    demoBank,
    async restore(backupFile) {
      if (restoring) throw new ApiError('conflict', 'A restore is already under way');
      restoring = true;
      const done = replaceDatabase(backupFile).finally(() => {
        restoring = false;
      });
      reopening = done.catch(() => {});
      return done;
    },
    audit: (act) => shop.audit.record(act),
    certificate() {
      certificate ??= hubCertificate(path.dirname(options.databaseFile), now).catch((error) => {
        certificate = null;
        throw error;
      });
      return certificate;
    },
    networkAtStart: options.network,
  };
  let shop = await openShopOrSafeMode(options, parts);

  async function replaceDatabase(backupFile: string): Promise<RestoreReport> {
    // A backup that would be refused is refused before the shop closes: nobody is signed out.
    checkBackup(backupFile);
    await shop.close();
    try {
      return restoreBackup(backupFile, options.databaseFile, now, { lock });
    } finally {
      // On the restored file, or on the one that was there if the restore refused it.
      shop = await openShopOrSafeMode(options, parts);
    }
  }

  return {
    // The transports keep these for good: each call goes to the shop as it is open now, and
    // waits while a restore reopens it.
    async dispatch(name, input, token, client, device) {
      await reopening;
      return shop.dispatch(name, input, token, client, device);
    },
    events,
    sessionOf: (token, device) => shop.sessionOf(token, device),
    deviceOf: (credential, address) => shop.deviceOf(credential, address),
    demo: options.demo,
    get db() {
      return shop.db;
    },
    async close() {
      await reopening;
      await shop.close();
      lock.release();
    },
  };
}

/**
 * Opens the shop on its database; one whose check fails, or where a read at start meets a damaged
 * page, opens in safe mode (reading only, no modem) instead of failing or selling.
 */
async function openShopOrSafeMode(options: CoreOptions, parts: ShopParts): Promise<OpenShop> {
  const opened = openDatabase(options.databaseFile, parts.now);
  try {
    return await openShop(options, parts, opened.db, opened.damage);
  } catch (error) {
    if (opened.db.open) opened.db.close();
    if (!isDatabaseDamage(error) || opened.damage.length > 0) throw error;
    const again = openDatabase(options.databaseFile, parts.now, [(error as Error).message]);
    return openShop(options, parts, again.db, again.damage);
  }
}

async function openShop(
  options: CoreOptions,
  parts: ShopParts,
  db: Database,
  damageAtStart: string[],
): Promise<OpenShop> {
  const { demo, databaseFile, sealer, simLatencyMs, documents, modemProfileDirs, deviceTree } =
    options;
  const { now, log, events, carriers } = parts;
  let damage = damageAtStart;
  const safeMode = () => damage.length > 0;
  if (safeMode()) {
    log.error(
      `The database ${databaseFile} is damaged (${damage.slice(0, 3).join('; ')}): it is open for reading only, nothing is sold, until a manager restores a backup`,
    );
  }
  const shop = shopProfileStore(db, now);
  const users = createUserStore(db, now);
  if (demo && !safeMode()) seedDemo(shop, users);
  const base = { db, now, log, events, carriers, shop, users, deviceId: deviceId(db, randomUUID) };
  // The head office's catalog: what came down is applied at its time, also offline and at start.
  const catalog = createCatalogFollower({
    db,
    carriers,
    timeZone: () => shop.get()?.timeZone ?? null,
    currency: () => shop.get()?.currency ?? null,
    now,
    log,
  });
  const tills = createTills(db, base);
  const devices = createDevices(db, now);
  const hubNetwork = createNetworkSetting(db, now);
  const pairingCodes = createPairingCodes(db, {
    now,
    devices,
    hubTillName: () => tills.hub().name,
  });
  const audit = createAuditTrail({
    ...base,
    tillName: () => shop.get()?.tillName ?? defaultTillName,
    writable: () => !safeMode(),
  });
  const hearing = auditHearing(audit, log);
  const permissionStore = createPermissionStore(db, now);
  const auth = createAuth({ ...base, heard: hearing.auth, permissions: permissionStore.get });
  // In safe mode no modem is opened: an empty bank, so nothing can be sent.
  const demoBank = safeMode() ? [] : parts.demoBank;
  const bankOptions = {
    databaseFile,
    demoBank,
    sealer,
    simLatencyMs,
    modemProfileDirs,
    deviceTree,
  };
  const modems = openBank({ ...base, ...bankOptions });
  const { bank, inboxes, dealerPin } = modems;
  const { permit } = auth;
  const sales = createSales({ ...base, bank, inboxes, dealerPin, permit, tills });
  if (!safeMode()) sales.recoverInterrupted();
  // The head office compares the receipts as they stand at each start with those it received.
  if (!safeMode()) recordBooksCheck(db, now());
  const books = createBooksCheck({ ...base, tills });
  const printing = createPrinting({
    ...base,
    databaseFile,
    documents,
    books: sales.books,
    permit,
    bank,
    saleOf: sales.saleOf,
  });
  const printers = printing.printers;
  const day = createDay({ ...base, bank, permit, printers, delivery: printing.delivery, tills });
  // Listening before the first modem opens, as the sales are: a reply read at start counts.
  const balance = createBalance({ ...base, bank, inboxes, salesOf: sales.salesOf });
  const pendingSales = pendingSaleHandlers({
    saleOf: async (id, caller) => (await sales.handlers['sales.get']({ id }, caller)).sale,
    eventsOf: sales.eventsOf,
    salesOf: sales.salesOf,
    checksOf: balance.checksOf,
    checkCard: balance.checkCard,
  });
  let closingModems: Promise<void> | null = null;
  const closeModems = () => {
    closingModems ??= modems.close();
    return closingModems;
  };
  const backupFolder = options.backups?.folder ?? null;
  const backups =
    options.backups && !safeMode()
      ? scheduleBackups(db, options.backups, { now, log, taken: hearing.backupTaken })
      : null;
  const enterSafeMode = (problems: string[]) => {
    if (safeMode()) return;
    damage = problems;
    void checks?.stop();
    void catalog.stop();
    void headOffice.stop();
    log.error(
      `The database ${databaseFile} was found damaged (${problems.slice(0, 3).join('; ')}): safe mode, reading only, until a manager restores a backup`,
    );
    // New work is refused from now on (the guard); the modems close first, so that a top-up in
    // flight still writes how it ended (unknown at worst) before the connection turns read-only.
    void Promise.all([closeModems(), backups?.stop()])
      .then(() => {
        if (db.open) db.pragma('query_only = ON');
      })
      .catch((error: unknown) => log.error('Closing the modems for safe mode failed', error));
    events.emit('app.databaseDamaged', {});
  };
  const checks = safeMode()
    ? null
    : scheduleIntegrityChecks(
        () => findDamageInFile(databaseFile, 'integrity_check'),
        enterSafeMode,
        { ...options.databaseChecks, now, log },
      );
  if (!safeMode()) await bank.start();
  const headOffice = createHeadOfficeSync({
    db,
    databaseFile,
    sealer,
    follower: catalog,
    zoneAndCurrency: () => {
      const profile = shop.get();
      return profile && { zone: profile.timeZone, currency: profile.currency };
    },
    now,
    log,
  });
  const handlers = {
    ...shopHandlers({
      shop,
      demo,
      demoCards: demo ? demoCards() : [],
      hasUsers: users.any,
      events,
      databaseDamaged: safeMode,
    }),
    ...auth.handlers,
    ...sales.handlers,
    ...books,
    ...modems.handlers,
    ...carrierHandlers(carriers, shop, permit, catalog.managed),
    ...day,
    ...backupHandlers({ folder: backupFolder, schedule: backups, restore: parts.restore }),
    ...printing.handlers,
    ...balance.handlers,
    ...pendingSales,
    ...createPeriods({ ...base, permit, printers, delivery: printing.delivery, tills }),
    ...auditHandlers({ trail: audit, shop: shop.get, now, permit }),
    ...archivesHandlers({ ...base, folder: archivesFolderOf(databaseFile), permit }),
    ...accountantHandlers({ db, deviceId: base.deviceId, shop, permit }),
    ...permissionsHandlers(permissionStore),
    ...counterHandlers({
      network: hubNetwork,
      devices,
      codes: pairingCodes,
      certificate: parts.certificate,
      listener: options.hubListener,
      endSessionsAt: auth.sessions.closeAllAt,
    }),
    ...joinHandlers(options.joinHub, users.any),
    ...tillHandlers(tills),
    ...syncHandlers(headOffice),
  };
  const recorded = recordActs(handlers, auditedActs, {
    record: (act) => parts.audit(act),
    log,
  });
  if (parts.networkAtStart && !safeMode()) {
    const before = hubNetwork.get();
    hubNetwork.set(parts.networkAtStart);
    audit.record({
      kind: 'counters.network_changed',
      actor: null,
      actorName: null,
      before,
      after: parts.networkAtStart,
    });
    parts.networkAtStart = undefined;
  }
  // The manager's choice holds across restarts (and restores): the network opens as it was
  // (at the first start, once the transport binds the listener to this core).
  const listener = options.hubListener;
  if (listener) {
    try {
      const certificate = await parts.certificate();
      listener
        .apply(hubNetwork.get(), certificate)
        .catch((error: unknown) => log.error('Opening the hub to the network failed', error));
    } catch (error) {
      log.error('The hub’s certificate could not be made', error);
    }
  }
  // Started last: a start that meets a damaged page above is opened again in safe mode, and
  // nothing of the failed attempt may go on running on its closed database. Sending marks the
  // outbox: not while the database is read only.
  if (!safeMode()) {
    catalog.start();
    headOffice.start();
  }
  const guarded = guardHandlers(recorded, {
    damaged: safeMode,
    found: (problem) => enterSafeMode([problem]),
  });
  return {
    dispatch: createDispatcher(guarded, {
      log,
      sessionOf: auth.sessions.use,
      hasUsers: users.any,
      tillOf: tills.of,
    }),
    sessionOf(token, device = null) {
      const till = tills.of(device);
      return till ? auth.sessions.peek(token, till.id) : null;
    },
    deviceOf: devices.deviceOf,
    db,
    audit,
    async close() {
      await checks?.stop();
      await catalog.stop();
      await headOffice.stop();
      // A top-up in flight ends (bounded) before its modem closes: final, not unknown.
      await sales.settle();
      await closeModems();
      await backups?.stop();
      db.close();
    },
  };
}
