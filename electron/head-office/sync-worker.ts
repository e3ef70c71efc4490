import type { Database } from 'better-sqlite3';
import { batchLimits, type Fact, type SyncStatus } from '../../shared/head-office';
import type { Logger } from '../log';
import { retryDelayMs, type SyncTiming } from './backoff';
import type { CatalogFollower } from './catalog-follower';
import {
  type HeadOfficeClient,
  HeadOfficeError,
  type HeadOfficeLink,
  headOfficeClient,
} from './link';
import type { LinkStore } from './link-store';
import { factRecordedAt, markSent, nextBatch, outboxBacklog } from './outbox-batches';
import { factNamedIn } from './refused-fact';

export interface SyncWorkerDeps {
  db: Database;
  links: LinkStore;
  follower: CatalogFollower;
  timing: SyncTiming;
  /** How long one request to the head office may take. */
  timeoutMs: number;
  now: () => Date;
  /** In [0, 1): the retries' jitter. */
  random: () => number;
  log: Logger;
  limits?: { facts: number; bytes: number };
}

/** An error that is not the head office's answer (a bug, the catalog refusing a change). */
const failureOf = (error: unknown) =>
  error instanceof HeadOfficeError
    ? { code: error.code, message: error.message }
    : { code: 'failed', message: (error as Error).message ?? String(error) };

/** The head office answered the request: it refused it or failed on it, but it is there. */
const answered = (error: unknown) =>
  error instanceof HeadOfficeError &&
  (error.code === 'refused' || error.code === 'server_error' || error.code === 'bad_answer');

/**
 * The sync of an enrolled shop: each round sends the unsent outbox in id order, in batches
 * bounded by the wire's limits, marks each batch sent up to the head office's high-water mark,
 * then pulls the catalog changes after the version received and hands them to the follower
 * (also when the head office refused a batch).
 * A round that fails is tried again later and later (capped, jittered); each outcome is kept
 * in `head_office` for the manager's Sync status. Rounds never overlap.
 */
export function createSyncWorker(deps: SyncWorkerDeps) {
  const { db, links, follower, timing, now, log } = deps;
  const limits = deps.limits ?? batchLimits;
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  // Rounds in a row whose outcome could not be kept (the database refusing writes), and the
  // time before which none starts: the schedule kept in `head_office` is not moving then.
  let unkept = 0;
  let notBefore = 0;
  // The fact the head office refused for good at the last batch it refused (kept in memory: the
  // round at start refuses it again), and the enrolment it was refused under.
  let refused: { fact: NonNullable<SyncStatus['refusedFact']>; enrolledAt: string } | null = null;

  function keptNothing(error: unknown) {
    unkept += 1;
    notBefore = now().getTime() + retryDelayMs(unkept, timing, deps.random());
    log.error('The sync round could not keep its outcome', error);
  }

  async function sendAll(link: HeadOfficeLink) {
    const client = headOfficeClient(link, stopping.signal);
    let pushed: { failure: unknown } | null = null;
    try {
      await push(client);
    } catch (error) {
      pushed = { failure: error };
    }
    if (stopping.signal.aborted) return;
    // A head office that answered, but refused or failed on a batch, still sends its catalog:
    // prices keep up while a fact waits. One that cannot be reached is not asked twice.
    if (pushed && !answered(pushed.failure)) throw pushed.failure;
    try {
      const pull = await client.pullCatalog(follower.receivedVersion());
      if (stopping.signal.aborted) return;
      await follower.receive(pull);
    } catch (error) {
      // The batch refused is what the manager reads first.
      throw pushed ? pushed.failure : error;
    }
    if (pushed) throw pushed.failure;
  }

  /**
   * Sends `facts` (never none) and marks them sent as far as the head office acknowledges;
   * false when the shop closed meanwhile (nothing is marked).
   */
  async function send(client: HeadOfficeClient, facts: Fact[]): Promise<boolean> {
    const last = facts.at(-1) as Fact;
    const ack = await client.sendFacts({
      facts,
      backlog: outboxBacklog(db).count - facts.length,
      catalogVersion: follower.status().applied,
    });
    if (stopping.signal.aborted) return false;
    if (markSent(db, ack.highWater, last.id, now().toISOString()) === 0) {
      throw new HeadOfficeError(
        'bad_answer',
        `The head office acknowledged ${ack.highWater}, before the batch it was sent`,
      );
    }
    return true;
  }

  async function push(client: HeadOfficeClient) {
    for (;;) {
      const facts = nextBatch(db, limits);
      if (facts.length === 0) break;
      try {
        if (!(await send(client, facts))) return;
      } catch (error) {
        const named = keepRefusal(facts, error);
        // The head office would store the facts before the one it refuses: they go alone, once
        // this round, so only the refused fact and those after it wait (the outbox's order is
        // the order it stores them in: none goes ahead of the refused one).
        if (named && named.index > 0 && !stopping.signal.aborted) {
          const before = facts.slice(0, named.index);
          await send(client, before).catch((cutError: unknown) => {
            keepRefusal(before, cutError);
            throw cutError;
          });
        }
        throw error;
      }
      // A batch went through: no fact holds the outbox back.
      refused = null;
    }
  }

  /**
   * A batch refused naming one of its facts: that fact, kept for the manager's Sync status, and
   * returned with its place in the batch; null for any other failure.
   */
  function keepRefusal(batch: readonly Fact[], error: unknown) {
    const link = links.get();
    if (!(error instanceof HeadOfficeError) || error.code !== 'refused' || !link) return null;
    const named = factNamedIn(batch, error.issues);
    if (!named) return null;
    refused = {
      enrolledAt: link.enrolledAt,
      fact: {
        id: named.fact.id,
        kind: named.fact.kind,
        recordedAt: factRecordedAt(db, named.fact.id),
        at: now().toISOString(),
        issues: named.issues.slice(0, 10).map((issue) => ({
          ...issue,
          message: issue.message.slice(0, 300),
        })),
      },
    };
    return named;
  }

  /** The shop enrolled again during the round: its outcome is the old link's, not the new one's. */
  const enrolledAgain = (stored: { enrolledAt: string }) =>
    links.get()?.enrolledAt !== stored.enrolledAt;

  async function round() {
    const stored = links.get();
    if (!stored) return;
    links.attempted(now().toISOString());
    try {
      await sendAll({
        url: stored.url,
        fingerprint: stored.fingerprint,
        credential: links.credential(),
        timeoutMs: deps.timeoutMs,
      });
      if (stopping.signal.aborted || enrolledAgain(stored)) return;
      const at = now();
      links.succeeded(at.toISOString(), new Date(at.getTime() + timing.everyMs).toISOString());
    } catch (error) {
      // Closing cuts the request short: not the head office's failure, and the database closes.
      if (stopping.signal.aborted || enrolledAgain(stored)) return;
      const at = now();
      const wait = retryDelayMs(stored.failures + 1, timing, deps.random());
      const failure = failureOf(error);
      links.failed(
        { at: at.toISOString(), ...failure },
        new Date(at.getTime() + wait).toISOString(),
      );
      log.warn(`The sync with the head office failed (${failure.code}): ${failure.message}`);
    }
  }

  /** When the next round starts (ms), null when the shop is not enrolled. */
  function nextAttempt(): number | null {
    try {
      const link = links.get();
      if (!link) return null;
      const stored = link.nextAttemptAt === null ? 0 : Date.parse(link.nextAttemptAt);
      return Math.max(stored, notBefore);
    } catch (error) {
      keptNothing(error);
      return notBefore;
    }
  }

  function schedule() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stopping.signal.aborted) return;
    const next = nextAttempt();
    if (next === null) return;
    const wait = Math.max(0, next - now().getTime());
    // The schedule alone never keeps the process alive (a command that opened the shop ends).
    timer = setTimeout(() => void runRound(), wait).unref();
  }

  function runRound(): Promise<void> {
    running ??= round()
      .then(() => {
        unkept = 0;
        notBefore = 0;
      }, keptNothing)
      .finally(() => {
        running = null;
        schedule();
      });
    return running;
  }

  return {
    /** Starts the rounds once enrolled (at once, then on the schedule kept in `head_office`). */
    start(): void {
      if (links.get()) void runRound();
    },
    /** The fact the head office refuses, while the shop is enrolled where it was refused. */
    refusedFact(): SyncStatus['refusedFact'] {
      return refused && refused.enrolledAt === links.get()?.enrolledAt ? refused.fact : null;
    },
    /** A round now (or the one under way), for the manager's "Send now" and a new enrolment. */
    sendNow: runRound,
    async stop(): Promise<void> {
      stopping.abort();
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}

export type SyncWorker = ReturnType<typeof createSyncWorker>;
