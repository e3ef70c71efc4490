import { describe, expect, it } from 'vitest';
import { createSessionRenewal } from '../../../../renderer/app/session-renewal';

/** A clock the test moves, running what was scheduled when its time comes. */
function steppedClock() {
  let at = 0;
  let scheduled: { at: number; run: () => void }[] = [];
  return {
    now: () => at,
    later(run: () => void, ms: number) {
      const entry = { at: at + ms, run };
      scheduled.push(entry);
      return () => {
        scheduled = scheduled.filter((other) => other !== entry);
      };
    },
    /** Moves on by `ms`, running each scheduled call at its own time. */
    advance(ms: number) {
      const end = at + ms;
      for (;;) {
        const next = scheduled.filter((entry) => entry.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        scheduled = scheduled.filter((entry) => entry !== next);
        at = next.at;
        next.run();
      }
      at = end;
    },
  };
}

describe('renewing the session while someone is at the counter', () => {
  it('tells the host at once, then at most once per wait, the last activity included', () => {
    const clock = steppedClock();
    const renewedAt: number[] = [];
    const renewal = createSessionRenewal(() => renewedAt.push(clock.now()), 30_000, clock);
    renewal.active();
    clock.advance(10_000);
    renewal.active();
    renewal.active();
    clock.advance(25_000);
    // The activity at 10 s was told at 30 s, no later than the wait allows.
    expect(renewedAt).toEqual([0, 30_000]);
    clock.advance(60_000);
    expect(renewedAt).toEqual([0, 30_000]);
    renewal.active();
    expect(renewedAt).toEqual([0, 30_000, 95_000]);
  });

  it('tells nothing after sign-out', () => {
    const clock = steppedClock();
    const renewedAt: number[] = [];
    const renewal = createSessionRenewal(() => renewedAt.push(clock.now()), 30_000, clock);
    renewal.active();
    renewal.active();
    renewal.stop();
    clock.advance(60_000);
    expect(renewedAt).toEqual([0]);
  });
});
