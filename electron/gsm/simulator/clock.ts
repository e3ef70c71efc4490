/**
 * Timers for the simulated modem on the clock it is given (electron/gsm/clock.ts), so a test
 * can run a slow network in microseconds and still exercise the real modem code.
 */
import type { Clock, TimerHandle } from '../clock';

/**
 * Runs `callback` after `ms` on `clock`, keeping the handle so `cancelAll` can stop it. A delay
 * of 0 does not wait for the clock: it runs on the next turn of the event loop, like a modem
 * that answers at once, so a test with a manual clock needs no advance() for instant answers.
 */
export function createTimerSet(clock: Clock) {
  const handles = new Set<TimerHandle>();
  let cancelled = false;
  // Bumped by clear(): callbacks of an earlier generation never run.
  let generation = 0;
  const clearPending = () => {
    generation += 1;
    for (const handle of handles) clock.clearTimeout(handle);
    handles.clear();
  };
  return {
    after(ms: number, callback: () => void): void {
      if (cancelled) return;
      const born = generation;
      const live = () => !cancelled && born === generation;
      if (ms <= 0) {
        setImmediate(() => {
          if (live()) callback();
        });
        return;
      }
      const handle = clock.setTimeout(() => {
        handles.delete(handle);
        if (live()) callback();
      }, ms);
      handles.add(handle);
    },
    /** Drops every pending timer; later ones run (a modem that restarts). */
    clear: clearPending,
    cancelAll(): void {
      cancelled = true;
      clearPending();
    },
  };
}

export type TimerSet = ReturnType<typeof createTimerSet>;
