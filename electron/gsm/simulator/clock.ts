/**
 * Time for the simulated modem, passed in so a test can run a slow network in microseconds and
 * still exercise the real modem code. The default is the process's own clock.
 */

export type TimerHandle = unknown;

export interface SimulatorClock {
  now(): Date;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const realClock: SimulatorClock = {
  now: () => new Date(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ManualClock extends SimulatorClock {
  /** Moves time forward, firing every timer that falls due, in order. */
  advance(ms: number): void;
  /** Timers not yet fired. */
  readonly pending: number;
}

/** A clock that only moves when told to: for tests and scripted demos. */
export function createManualClock(start = new Date('2026-05-04T09:30:00+11:00')): ManualClock {
  let now = start.getTime();
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => new Date(now),
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        let due: [number, { at: number; callback: () => void }] | undefined;
        for (const entry of timers) {
          if (entry[1].at <= until && (!due || entry[1].at < due[1].at)) due = entry;
        }
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].callback();
      }
      now = until;
    },
    get pending() {
      return timers.size;
    },
  };
}

/**
 * Runs `callback` after `ms` on `clock`, keeping the handle so `cancelAll` can stop it. A delay
 * of 0 does not wait for the clock: it runs on the next turn of the event loop, like a modem
 * that answers at once, so a test with a manual clock needs no advance() for instant answers.
 */
export function createTimerSet(clock: SimulatorClock) {
  const handles = new Set<TimerHandle>();
  let cancelled = false;
  return {
    after(ms: number, callback: () => void): void {
      if (cancelled) return;
      if (ms <= 0) {
        setImmediate(() => {
          if (!cancelled) callback();
        });
        return;
      }
      const handle = clock.setTimeout(() => {
        handles.delete(handle);
        if (!cancelled) callback();
      }, ms);
      handles.add(handle);
    },
    cancelAll(): void {
      cancelled = true;
      for (const handle of handles) clock.clearTimeout(handle);
      handles.clear();
    },
  };
}

export type TimerSet = ReturnType<typeof createTimerSet>;
