/**
 * The SMS inbox of a HiLink stick: its messages read every few seconds (a stick announces
 * nothing), each handed to the store, and deleted from the stick only once the store has it,
 * as the serial inbox does. What was there at start came while the app was off (`startup`).
 */
import type { InboxMessage, InboxProblem, SmsStore } from '../sms';
import { type HilinkSms, inboxMessageOf } from './sms';

interface HilinkInboxOptions {
  store: SmsStore;
  /** How often the stick's inbox is read (default 2 s). */
  pollMs?: number;
  now?: () => Date;
}

export interface HilinkInbox {
  start(): Promise<void>;
  stop(): void;
  onMessage(listener: (message: InboxMessage) => void): () => void;
  onProblem(listener: (problem: InboxProblem) => void): () => void;
  /** Reads the stick's inbox now. */
  sweep(): Promise<void>;
  settled(): Promise<void>;
}

export function createHilinkInbox(sms: HilinkSms, options: HilinkInboxOptions): HilinkInbox {
  const now = options.now ?? (() => new Date());
  const messageListeners = new Set<(message: InboxMessage) => void>();
  const problemListeners = new Set<(problem: InboxProblem) => void>();
  /** Messages handed over already, by stick index: saved and waiting for their deletion. */
  const handed = new Map<number, string>();
  let work: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const tell = <T>(listeners: Set<(value: T) => void>, value: T) => {
    for (const listener of listeners) {
      try {
        listener(value);
      } catch {
        // A listener's failure is its own; the inbox goes on.
      }
    }
  };
  const problem = (id: InboxProblem['id'], message: string, cause: unknown) =>
    tell(problemListeners, { id, message, cause });

  function enqueue(task: () => Promise<void>): Promise<void> {
    const run = work.then(task);
    work = run.catch(() => {});
    return run;
  }

  async function read(via: 'startup' | 'sweep') {
    let stored: Awaited<ReturnType<HilinkSms['list']>>;
    try {
      stored = await sms.list();
    } catch (error) {
      problem(
        'list_failed',
        `Reading the stick's inbox failed: ${(error as Error).message}`,
        error,
      );
      return;
    }
    for (const entry of stored) {
      const message = inboxMessageOf(entry, { at: now(), via });
      if (handed.get(entry.index) !== message.key) {
        try {
          await options.store.save(message);
        } catch (error) {
          problem(
            'save_failed',
            `Message ${message.key} was not saved: ${(error as Error).message}`,
            error,
          );
          continue;
        }
        handed.set(entry.index, message.key);
        tell(messageListeners, message);
      }
      try {
        await sms.remove(entry.index);
        handed.delete(entry.index);
      } catch (error) {
        problem(
          'delete_failed',
          `Message ${entry.index} stays on the stick: ${(error as Error).message}`,
          error,
        );
      }
    }
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      void enqueue(() => read('sweep')).finally(schedule);
    }, options.pollMs ?? 2_000);
  }

  return {
    async start() {
      stopped = false;
      await enqueue(() => read('startup'));
      schedule();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onProblem(listener) {
      problemListeners.add(listener);
      return () => problemListeners.delete(listener);
    },
    sweep: () => enqueue(() => read('sweep')),
    settled: () => work.then(() => {}),
  };
}
