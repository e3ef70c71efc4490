/**
 * The modem's side of a USSD session: one at a time (field notes, point 12). A request goes to
 * the network at once (its effects happen even if the answer is lost); the answer reaches the
 * line after the network's latency; a menu left unanswered is closed by the network.
 */
import type { CarrierNetwork, UssdAnswer } from './carrier-network';
import type { TimerSet } from './clock';
import type { UssdControl } from './commands/context';

/** What the modem prints: an answer, or the network closing the session (+CUSD: 2). */
export type UssdEvent = UssdAnswer | { kind: 'ended' };

interface UssdSessionDeps {
  network: CarrierNetwork;
  timers: TimerSet;
  latencyMs: number;
  menuTimeoutMs: number;
  /** The profile's fault: top-up answers come this late, or never (afterMs null). */
  lateTopUp: { afterMs: number | null } | null;
  print(event: UssdEvent): void;
}

export function createUssdSession(deps: UssdSessionDeps): UssdControl {
  let state: UssdControl['state'] = 'idle';
  // Every send and cancel starts a new generation; late timers of an older one do nothing.
  let generation = 0;

  function closeMenuLater(asked: number): void {
    deps.timers.after(deps.menuTimeoutMs, () => {
      if (asked !== generation || state !== 'waiting-dealer') return;
      deps.network.endUssd();
      state = 'idle';
      deps.print({ kind: 'ended' });
    });
  }

  /** How late an answer comes (null: never), or undefined when it comes in time. */
  function lateBy(answer: UssdAnswer): number | null | undefined {
    if (answer.kind !== 'text' || !answer.topUp) return undefined;
    if (deps.lateTopUp) return deps.lateTopUp.afterMs;
    return answer.lateMs;
  }

  /**
   * A held-back answer reaches the line in the end, even after the dealer gave up on it (the
   * network sent it); it ends the session only if nothing was asked since.
   */
  function printLate(answer: UssdAnswer, asked: number, afterMs: number): void {
    deps.timers.after(afterMs, () => {
      if (asked === generation) state = 'idle';
      deps.print(answer);
    });
  }

  return {
    get state() {
      return state;
    },

    send(text) {
      const asked = ++generation;
      const answer =
        state === 'waiting-dealer' ? deps.network.ussdReply(text) : deps.network.ussdRequest(text);
      state = 'waiting-network';
      // Silent: the modem does not hold its OK for an answer that will never come.
      if (answer.kind === 'silent') return { printed: Promise.resolve() };
      const late = lateBy(answer);
      if (late !== undefined) {
        if (late !== null) printLate(answer, asked, deps.latencyMs + late);
        return { printed: Promise.resolve() };
      }
      const printed = new Promise<void>((resolve) => {
        deps.timers.after(deps.latencyMs, () => {
          if (asked === generation) {
            const waits = answer.kind === 'text' && answer.waitsForReply;
            state = waits ? 'waiting-dealer' : 'idle';
            deps.print(answer);
            if (waits) closeMenuLater(asked);
          }
          resolve();
        });
      });
      return { printed };
    },

    cancel() {
      generation += 1;
      state = 'idle';
      deps.network.endUssd();
    },
  };
}
