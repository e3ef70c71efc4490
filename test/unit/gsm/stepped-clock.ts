import { createManualClock } from '../../../electron/gsm/clock';

/** A few turns of the event loop: bytes in flight on a memory link arrive, promises settle. */
export async function turns(count = 10) {
  for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * A manual clock for the channel and USSD code under test, with two ways to move it: `step`
 * lets a given time pass, `drive` lets time pass until a promise settles. Time moves 10 ms at a
 * time, with the event loop turning in between, so what a timer sets off (a resync after a
 * timeout, an answer after a delay) happens at its own moment, as it would in real time.
 */
export function steppedClock() {
  const clock = createManualClock();
  const tick = async (ms: number) => {
    await turns();
    clock.advance(ms);
    await turns();
  };
  return {
    clock,
    async step(ms: number) {
      for (let passed = 0; passed < ms; passed += 10) await tick(Math.min(10, ms - passed));
    },
    /** Resolves or rejects as the promise does; fails if it takes more than `limitMs`. */
    async drive<T>(promise: Promise<T>, limitMs = 600_000): Promise<T> {
      let settled = false;
      promise.then(
        () => {
          settled = true;
        },
        () => {
          settled = true;
        },
      );
      await turns();
      for (let passed = 0; !settled; passed += 10) {
        if (passed >= limitMs) throw new Error(`still waiting after ${limitMs} ms`);
        await tick(10);
      }
      return promise;
    },
  };
}
