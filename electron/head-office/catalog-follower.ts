import type { Database } from 'better-sqlite3';
import { effectiveInstant } from '../../shared/catalog-time';
import type { CurrencyCode } from '../../shared/currencies';
import {
  type CatalogChange,
  type CatalogPull,
  catalogChangeSchema,
  catalogPullSchema,
  type SyncStatus,
} from '../../shared/head-office';
import { type CarrierBook, CarrierBookError } from '../carriers/book';
import type { Logger } from '../log';

/**
 * The shop's side of the central catalog: the changes pulled from the head office, kept in
 * `catalog_changes` and each applied at its effective time in the shop's zone (also offline).
 * The sync worker pulls after each push and hands the answer here.
 */
export interface CatalogFollower {
  /** The last version received: the sync asks for what came after it. */
  receivedVersion(): number;
  /** Stores the changes pulled (checked, in one transaction), then applies those already due. */
  receive(pull: CatalogPull): Promise<void>;
  /** What the manager's Sync status says of the catalog. */
  status(): SyncStatus['catalog'];
  /** Whether the head office manages the shop's carriers, and the catalog version it runs. */
  managed(): { managed: boolean; version: number };
  /** Applies what is due now (those already due at start), then wakes for the next one. */
  start(): void;
  /** Stops waking; a change being applied finishes first. */
  stop(): Promise<void>;
}

interface ChangeRow {
  version: number;
  change: string;
  effective_from: string | null;
}

/**
 * Why a change could not be applied, as the manager's screen words it: the carrier book's
 * refusal by its code and issues; any other failure by its message only.
 */
function whyNotApplied(error: unknown) {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 300);
  if (error instanceof CarrierBookError) {
    return { code: error.code, issues: error.issues(), message };
  }
  return { code: 'failed', message };
}

/** The timer never sleeps longer: a clock set forward, or a zone changed, is seen within it. */
const longestSleepMs = 60_000;

/**
 * Follows the head office's catalog: a carrier profile is put in service through the carrier
 * book (catalogue and renewals price with it from that minute), shop settings set whether the
 * shop may edit its carriers itself. Due changes apply in the order they took effect, then
 * version; a change that cannot be applied stops the ones after it (applying them out of order
 * could undo a price) and is tried again at the next wake.
 */
export function createCatalogFollower(deps: {
  db: Database;
  carriers: Pick<CarrierBook, 'save'>;
  /** The shop's zone; null until the shop profile is set (only changes "at once" apply). */
  timeZone: () => string | null;
  /** The shop's currency (null until the shop profile is set): a profile in another is stuck. */
  currency: () => CurrencyCode | null;
  now: () => Date;
  log: Logger;
}): CatalogFollower {
  const { db, carriers, timeZone, currency, now, log } = deps;
  const insert = db.prepare(
    `INSERT INTO catalog_changes (version, kind, change, effective_from, received_at)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT (version) DO NOTHING`,
  );
  const waiting = db.prepare<[], ChangeRow>(
    'SELECT version, change, effective_from FROM catalog_changes WHERE applied_at IS NULL ORDER BY version',
  );
  const markApplied = db.prepare('UPDATE catalog_changes SET applied_at = ? WHERE version = ?');
  const setManaged = db.prepare('UPDATE head_office SET managed = ? WHERE id = 1');
  const received = () =>
    db.prepare('SELECT coalesce(max(version), 0) FROM catalog_changes').pluck().get() as number;
  const newestApplied = () =>
    db
      .prepare('SELECT coalesce(max(version), 0) FROM catalog_changes WHERE applied_at IS NOT NULL')
      .pluck()
      .get() as number;
  /**
   * The version the shop runs: the newest applied with none below it due and not applied (one
   * stuck, or about to apply). A change waiting for its time does not hold it back.
   */
  const applied = () => {
    const moment = now().getTime();
    const held = schedule()
      .filter((entry) => entry.at !== null && entry.at <= moment)
      .reduce((lowest, entry) => Math.min(lowest, entry.change.version), Number.POSITIVE_INFINITY);
    return Math.min(newestApplied(), held - 1);
  };
  const isManaged = () =>
    (db.prepare('SELECT managed FROM head_office WHERE id = 1').pluck().get() as
      | number
      | undefined) === 1;

  const storeAll = db.transaction((changes: readonly CatalogChange[], at: string) => {
    for (const change of changes) {
      const { version, kind, effectiveFrom } = change;
      insert.run(version, kind, JSON.stringify(change), effectiveFrom, at);
    }
  });

  /**
   * When each waiting change applies (null while the shop's zone is unknown and it names a
   * time), and the instant it took effect at the head office, which orders the due ones: the
   * later of its time and its publication, so an "at once" correction published after a dated
   * price comes after it, and a change dated in the past counts from its publication.
   */
  function schedule(): { change: CatalogChange; at: number | null; takesEffect: number }[] {
    const zone = timeZone();
    return waiting.all().map((row) => {
      const change = catalogChangeSchema.parse(JSON.parse(row.change));
      const at =
        row.effective_from === null
          ? 0
          : zone === null
            ? null
            : effectiveInstant(row.effective_from, zone).getTime();
      const published = change.publishedAt ? Date.parse(change.publishedAt) : 0;
      return { change, at, takesEffect: Math.max(at ?? 0, published) };
    });
  }

  // The change that could not be applied at the last wake, and why.
  let stuck: SyncStatus['catalog']['stuck'] = null;
  async function apply(change: CatalogChange): Promise<void> {
    if (change.kind === 'carrierProfile') await carriers.save(change.profile, currency());
    else setManaged.run(change.settings.managed ? 1 : 0);
    markApplied.run(now().toISOString(), change.version);
  }

  async function applyDue(): Promise<void> {
    const moment = now().getTime();
    const due = schedule()
      .filter((entry) => entry.at !== null && entry.at <= moment)
      .sort((a, b) => a.takesEffect - b.takesEffect || a.change.version - b.change.version);
    for (const { change } of due) {
      try {
        await apply(change);
      } catch (error) {
        // Said once per version: the next wake tries again, quietly.
        if (stuck?.version !== change.version) {
          log.error(`Catalog version ${change.version} could not be applied`, error);
        }
        stuck = { version: change.version, kind: change.kind, ...whyNotApplied(error) };
        return;
      }
    }
    stuck = null;
  }

  // One application at a time: the timer and a pull never interleave two.
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let stopped = true;

  function wakeUp(): Promise<void> {
    running = running.then(applyDue).then(planNextWake, (error: unknown) => {
      log.error('Applying the catalog failed', error);
      planNextWake();
    });
    return running;
  }

  function planNextWake() {
    if (timer) clearTimeout(timer);
    timer = null;
    // A follower whose database closed under it (its shop's start failed) has nothing to plan.
    if (stopped || !db.open) return;
    const moment = now().getTime();
    // What is due now has just been tried: one that failed waits the longest sleep.
    const next = schedule()
      .map((entry) => entry.at)
      .filter((at): at is number => at !== null && at > moment)
      .reduce((soonest, at) => Math.min(soonest, at), Number.POSITIVE_INFINITY);
    const sleep = Math.min(next - moment, longestSleepMs);
    timer = setTimeout(() => void wakeUp(), sleep);
    timer.unref();
  }

  return {
    receivedVersion: received,
    async receive(pull) {
      const { changes } = catalogPullSchema.parse(pull);
      storeAll(changes, now().toISOString());
      await wakeUp();
    },
    status() {
      return {
        received: received(),
        applied: applied(),
        managed: isManaged(),
        scheduled: schedule().flatMap(({ change }) =>
          change.effectiveFrom === null
            ? []
            : [{ version: change.version, kind: change.kind, effectiveFrom: change.effectiveFrom }],
        ),
        stuck,
      };
    },
    managed: () => ({ managed: isManaged(), version: applied() }),
    start() {
      stopped = false;
      void wakeUp();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
