/**
 * Tells the host someone is at the counter, at most once per `everyMs`: the host ends a session
 * unused for the shop's idle time, and a clerk typing without a call to the host (a long form,
 * a customer's questions) must not find it ended. Activity within the wait is told at its end,
 * so the host's last renewal is never older than the last activity: the counter's own idle
 * lock always comes first.
 */
export function createSessionRenewal(
  renew: () => void,
  everyMs: number,
  clock: { now(): number; later(run: () => void, ms: number): () => void } = {
    now: () => Date.now(),
    later(run, ms) {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
  },
) {
  let lastAt = Number.NEGATIVE_INFINITY;
  let pending: (() => void) | null = null;
  const send = () => {
    pending = null;
    lastAt = clock.now();
    renew();
  };
  return {
    /** Someone touched the keyboard or the pointer. */
    active() {
      if (pending) return;
      const waitMs = lastAt + everyMs - clock.now();
      if (waitMs <= 0) send();
      else pending = clock.later(send, waitMs);
    },
    /** Nobody is signed in any more: nothing is told after this. */
    stop() {
      pending?.();
      pending = null;
    },
  };
}
