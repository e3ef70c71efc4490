/**
 * The inbox of one modem: turns what the SIM and the network deliver into messages, hands each
 * to the store, and frees the SIM only once the store has it.
 *
 * - Start: PDU mode, storage and announcements (delivery.ts), then everything already on the
 *   SIM (`AT+CMGL=4`), so what came while the app was off is not lost.
 * - `+CMTI: "SM",<i>` → `AT+CMGR=<i>`; `+CMT` → the PDU is in the URC. A direct +CMT needs
 *   `AT+CNMA` only from a modem put in phase 2+ (`AT+CSMS=1`), which we never do: it is sent
 *   only with `acknowledgeDirect` (a profile that knows better), and its refusal is ignored.
 * - Parts are reassembled (reassembly.ts); a message is emitted once, saved, then its SIM
 *   indexes are deleted with `AT+CMGD`. A failed save leaves it on the SIM and in memory; the
 *   sweep retries it. A direct +CMT has no SIM copy: it waits in memory for its retry.
 * - An undecodable PDU is emitted and saved raw with its error, and never deleted.
 * - Nothing the modem refuses (a full SIM, a read that fails) stops the inbox: it becomes a
 *   problem event and a new listing at the next sweep.
 *
 * All the work runs one task at a time, so a +CMTI that arrives during a listing cannot make
 * one message twice.
 */

import { parseCmti } from '../at/parsers';
import { type AtChannel, AtCommandError, type Urc } from '../channel';
import { type DeliveryMode, type DeliverySetup, enableDelivery } from './delivery';
import { groupStored } from './listing';
import { type Arrival, type InboxMessage, rawMessage } from './message';
import { ensurePduMode } from './pdu-mode';
import { createReassembler, type Release } from './reassembly';
import type { ReadPdu } from './received';
import { deleteStored, listStored, readDirectDelivery, readStored } from './sim-storage';

export interface SmsStore {
  /** Resolves once the message is safely kept (the app's SQLite); throwing keeps it on the SIM. */
  save(message: InboxMessage): Promise<void> | void;
}

export interface SmsInboxOptions {
  store: SmsStore;
  now?: () => Date;
  /** How long the parts of a message may wait for the others before it is surfaced incomplete. */
  incompleteAfterMs: number;
  /** How often to sweep on its own (incomplete messages, retries, rescans); 0: only sweep(). */
  sweepEveryMs?: number;
  /** Send `AT+CNMA` after each +CMT (modems in phase 2+ only; see the header). */
  acknowledgeDirect?: boolean;
}

export type InboxProblemId =
  /** A step of start-up refused (CPMS, CNMI); the inbox works around it. */
  | 'delivery_refused'
  /** The SIM has no room left: reception stops until messages are deleted. */
  | 'memory_full'
  | 'read_failed'
  | 'list_failed'
  | 'save_failed'
  | 'delete_failed'
  /** A +CMGL header or a +CMT that could not be read at all. */
  | 'unreadable';

export interface InboxProblem {
  id: InboxProblemId;
  message: string;
  cause?: unknown;
}

export interface SmsInbox {
  /** Sets delivery up and reads what is stored; resolves with how delivery was set up. */
  start(): Promise<DeliverySetup>;
  stop(): void;
  onMessage(listener: (message: InboxMessage) => void): () => void;
  onProblem(listener: (problem: InboxProblem) => void): () => void;
  /** What the SIM holds now, decoded and grouped; changes nothing. */
  list(): Promise<InboxMessage[]>;
  /** Surfaces incomplete messages that waited long enough, retries saves and deletions. */
  sweep(): Promise<void>;
  /** Resolves once the work queued so far is done. */
  settled(): Promise<void>;
  readonly delivery: DeliveryMode | null;
}

interface Unsaved {
  message: InboxMessage;
  /** SIM copies found later (duplicates) to delete with it. */
  extra: number[];
}

export function createSmsInbox(channel: AtChannel, options: SmsInboxOptions): SmsInbox {
  const now = options.now ?? (() => new Date());
  const reassembler = createReassembler({ incompleteAfterMs: options.incompleteAfterMs });
  const messageListeners = new Set<(message: InboxMessage) => void>();
  const problemListeners = new Set<(problem: InboxProblem) => void>();
  /** SIM indexes known here: waiting, being saved or deleted, or kept (undecodable, not ours). */
  const held = new Set<number>();
  const unsaved = new Map<string, Unsaved>();
  const undeleted = new Set<number>();
  /** Indexes announced by +CMTI and not read yet: a listing that finds them finds news. */
  const announced = new Set<number>();
  let rescan = false;
  let delivery: DeliveryMode | null = null;
  let work: Promise<unknown> = Promise.resolve();
  let unsubscribe: Array<() => void> = [];
  let timer: ReturnType<typeof setInterval> | null = null;

  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = work.then(task);
    work = run.catch(() => {});
    return run;
  }

  function problem(id: InboxProblemId, message: string, cause?: unknown) {
    const fullSim = cause instanceof AtCommandError && cause.id === 'memory_full';
    const event: InboxProblem = fullSim
      ? { id: 'memory_full', message, cause }
      : { id, message, ...(cause === undefined ? {} : { cause }) };
    if (fullSim || id === 'read_failed' || id === 'list_failed') rescan = true;
    for (const listener of problemListeners) {
      try {
        listener(event);
      } catch {
        // A listener's failure is its own; the inbox goes on.
      }
    }
  }

  function emit(message: InboxMessage) {
    for (const listener of messageListeners) {
      try {
        listener(message);
      } catch {
        // As above.
      }
    }
  }

  async function remove(index: number) {
    try {
      await deleteStored(channel, index);
    } catch (error) {
      // 321 "invalid memory index": nothing is there any more, which is what we wanted.
      if (!(error instanceof AtCommandError && error.id === 'invalid_memory_index')) {
        undeleted.add(index);
        problem('delete_failed', `Could not delete SIM message ${index}`, error);
        return;
      }
    }
    undeleted.delete(index);
    held.delete(index);
  }

  async function save(key: string) {
    const entry = unsaved.get(key);
    if (!entry) return;
    try {
      await options.store.save(entry.message);
    } catch (error) {
      problem('save_failed', `Could not save the message from ${entry.message.sender}`, error);
      return;
    }
    unsaved.delete(key);
    // An undecodable PDU stays on the SIM: the raw copy saved is not proof enough to lose it.
    if (entry.message.error !== null) return;
    for (const index of [...entry.message.indexes, ...entry.extra]) await remove(index);
  }

  async function handle(release: Release) {
    if (release.type === 'duplicate') {
      const original = unsaved.get(release.of);
      if (original) original.extra.push(...release.indexes);
      else for (const index of release.indexes) await remove(index);
      return;
    }
    const { message } = release;
    const same = unsaved.get(message.key);
    if (same) {
      same.extra.push(...message.indexes);
      return;
    }
    unsaved.set(message.key, { message, extra: [] });
    emit(message);
    await save(message.key);
  }

  async function ingest(read: ReadPdu, via: Arrival) {
    const news = read.index !== null && announced.delete(read.index);
    const arrived = { at: now().getTime(), via: news ? 'cmti' : via };
    if (read.index !== null) held.add(read.index);
    if (read.kind === 'undecodable') {
      await handle({ type: 'message', message: rawMessage(read, arrived) });
    } else if (read.kind === 'part') {
      for (const release of reassembler.add(read, arrived)) await handle(release);
    }
    // Other PDUs (stored outgoing, status reports) are not ours to deliver or delete.
  }

  async function readAll(via: 'startup' | 'sweep') {
    let listing: Awaited<ReturnType<typeof listStored>>;
    try {
      listing = await listStored(channel);
    } catch (error) {
      problem('list_failed', 'Could not list the SIM messages', error);
      return;
    }
    rescan = false;
    for (const line of listing.unreadable) problem('unreadable', `Unreadable listing: ${line}`);
    for (const read of listing.messages) {
      if (read.index !== null && held.has(read.index)) continue;
      await ingest(read, via);
    }
  }

  async function readIndex(index: number) {
    if (held.has(index)) {
      announced.delete(index);
      return;
    }
    let read: ReadPdu | null;
    try {
      read = await readStored(channel, index);
    } catch (error) {
      problem('read_failed', `Could not read SIM message ${index}`, error);
      return;
    }
    if (read) await ingest(read, 'cmti');
    else announced.delete(index);
  }

  function onUrc(urc: Urc) {
    if (urc.name === '+CMTI') {
      const notice = parseCmti(urc.lines[0] ?? '');
      if (!notice.ok || notice.value.kind !== 'message') return;
      const { index } = notice.value;
      announced.add(index);
      void enqueue(() => readIndex(index));
    } else if (urc.name === '+CMT') {
      const read = readDirectDelivery(urc.lines);
      if (!read) {
        problem('unreadable', `Unreadable +CMT: ${urc.lines.join(' | ')}`);
        return;
      }
      if (options.acknowledgeDirect) void channel.run('AT+CNMA').catch(() => {});
      void enqueue(() => ingest(read, 'cmt'));
    }
  }

  function sweep(): Promise<void> {
    return enqueue(async () => {
      for (const release of reassembler.expire(now().getTime())) await handle(release);
      for (const key of [...unsaved.keys()]) await save(key);
      for (const index of [...undeleted]) await remove(index);
      if (rescan || delivery === 'none') await readAll('sweep');
    });
  }

  function stop() {
    for (const off of unsubscribe) off();
    unsubscribe = [];
    if (timer) clearInterval(timer);
    timer = null;
  }

  function start(): Promise<DeliverySetup> {
    stop();
    unsubscribe = [channel.onUrc(onUrc), channel.onClosed(() => stop())];
    return enqueue(async () => {
      await ensurePduMode(channel);
      const setup = await enableDelivery(channel);
      delivery = setup.mode;
      for (const refusal of setup.refused) problem('delivery_refused', refusal.message, refusal);
      if (setup.storage && setup.storage.used >= setup.storage.total) {
        problem('memory_full', `The SIM is full (${setup.storage.used}/${setup.storage.total})`);
      }
      await readAll('startup');
      const every = options.sweepEveryMs ?? 5_000;
      if (every > 0) {
        timer = setInterval(() => void sweep().catch(() => {}), every);
        timer.unref?.();
      }
      return setup;
    });
  }

  return {
    start,
    stop,
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onProblem(listener) {
      problemListeners.add(listener);
      return () => problemListeners.delete(listener);
    },
    async list() {
      const listing = await listStored(channel);
      return groupStored(listing.messages, now().getTime());
    },
    sweep,
    settled: () => work.then(() => undefined),
    get delivery() {
      return delivery;
    },
  };
}
