/**
 * The top-ups running now, so that a stop can let them end before the modems close: a top-up
 * cut off at its modem reads back `unknown`, one left to finish is final.
 */
export function createInFlight() {
  const running = new Set<Promise<unknown>>();
  return {
    /** Counts `work` until it settles; returns it unchanged. */
    track<T>(work: Promise<T>): Promise<T> {
      running.add(work);
      const done = () => running.delete(work);
      work.then(done, done);
      return work;
    },
    get count() {
      return running.size;
    },
    /** Resolves once nothing is running, or after `limitMs`, whichever comes first. */
    async settled(limitMs: number): Promise<void> {
      if (running.size === 0) return;
      await settledWithin(Promise.allSettled([...running]), limitMs);
    },
  };
}

/** Resolves once `promise` settles (either way) or `ms` have passed, whichever is first. */
export function settledWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    promise.then(done, done);
  });
}
