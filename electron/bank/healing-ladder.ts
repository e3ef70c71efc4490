/**
 * The healing ladder of one modem, as a pure record of what happened and what to do next: a
 * modem that stops answering is first brought back in step (resync), then reopened, then reset
 * by its profile's command, then power-cycled when the shop set a command for it, and only then
 * taken out of service. A modem that misbehaves again soon after a step healed it starts above
 * that step, so one that keeps relapsing reaches the end of the ladder sooner (backoff).
 * Time comes from the clock passed in; nothing here touches a modem.
 */
import type { z } from 'zod';
import type { healingStepSchema } from '../../shared/api/contract/modems';

export type HealingStep = z.output<typeof healingStepSchema>;

export interface HealingPolicy {
  /** Trouble this soon after a heal starts the ladder above the step that healed it. */
  backoffMs: number;
  /** Whether the shop set a power-cycle command for this modem (the ladder's last step). */
  powerCycle: boolean;
}

export const defaultHealingPolicy: Omit<HealingPolicy, 'powerCycle'> = {
  backoffMs: 30 * 60_000,
};

/** What the bank observed. */
export type LadderEvent =
  /** A command got no answer in time. */
  | { kind: 'timeout' }
  /** The port opened but the modem answered nothing (it never synchronised). */
  | { kind: 'no-answer' }
  /** A step ended: the modem answers again (healed) or not. */
  | { kind: 'step-done'; step: HealingStep; healed: boolean };

/** What the bank does next. */
export type LadderDecision =
  | { kind: 'none' }
  | { kind: 'step'; step: HealingStep }
  | { kind: 'healed'; step: HealingStep }
  | { kind: 'out-of-service'; reason: string };

export interface LadderState {
  /** The step running now, if any. */
  running: HealingStep | null;
  /** The last heal: trouble soon after it resumes the ladder above its step. */
  lastHeal: { at: number; step: HealingStep } | null;
  /** Set when the ladder ran out; cleared by `restartLadder` (a manager puts it back). */
  exhausted: boolean;
}

export const freshLadder: LadderState = {
  running: null,
  lastHeal: null,
  exhausted: false,
};

export function ladderSteps(policy: HealingPolicy): HealingStep[] {
  return policy.powerCycle
    ? ['resync', 'reopen', 'reset', 'power-cycle']
    : ['resync', 'reopen', 'reset'];
}

/** The step at `index` of the ladder, or out of service past its end. */
function stepAt(
  state: LadderState,
  policy: HealingPolicy,
  index: number,
  why: string,
): { state: LadderState; decision: LadderDecision } {
  const step = ladderSteps(policy)[index];
  if (step === undefined) {
    return {
      state: { ...state, running: null, exhausted: true },
      decision: { kind: 'out-of-service', reason: why },
    };
  }
  return { state: { ...state, running: step }, decision: { kind: 'step', step } };
}

/**
 * Where the ladder starts for new trouble: above the step of a heal within the backoff, else at
 * `floor` (a resync, or higher when the trouble is worse).
 */
function startIndex(state: LadderState, policy: HealingPolicy, at: number, floor: HealingStep) {
  const steps = ladderSteps(policy);
  const base = steps.indexOf(floor);
  const relapse = state.lastHeal !== null && at - state.lastHeal.at < policy.backoffMs;
  if (!relapse || state.lastHeal === null) return base;
  return Math.max(base, steps.indexOf(state.lastHeal.step) + 1);
}

function relapseReason(state: LadderState, policy: HealingPolicy, at: number): string {
  const heal = state.lastHeal;
  return heal !== null && at - heal.at < policy.backoffMs
    ? `misbehaved again ${Math.round((at - heal.at) / 1000)} s after a ${heal.step} healed it`
    : 'nothing cured it';
}

/** The ladder's answer to one event at `at` (ms). */
export function climb(
  state: LadderState,
  event: LadderEvent,
  policy: HealingPolicy,
  at: number,
): { state: LadderState; decision: LadderDecision } {
  const steps = ladderSteps(policy);
  if (state.exhausted) return { state, decision: { kind: 'none' } };
  switch (event.kind) {
    case 'timeout': {
      // A step under way decides by its own outcome; its own probes time out as a matter of course.
      if (state.running !== null) return { state, decision: { kind: 'none' } };
      // Repeated trouble (soon after a resync healed it) starts higher: see startIndex.
      const index = startIndex(state, policy, at, 'resync');
      return stepAt(state, policy, index, relapseReason(state, policy, at));
    }
    case 'no-answer': {
      if (state.running !== null) return { state, decision: { kind: 'none' } };
      // Opening the port again is what just failed: the next gentlest cure is a reset.
      const index = startIndex(state, policy, at, 'reset');
      return stepAt(state, policy, index, relapseReason(state, policy, at));
    }
    case 'step-done': {
      if (event.healed) {
        return {
          state: { ...state, running: null, lastHeal: { at, step: event.step } },
          decision: { kind: 'healed', step: event.step },
        };
      }
      const tried = steps.slice(0, steps.indexOf(event.step) + 1).join(', ');
      const index = steps.indexOf(event.step) + 1;
      return stepAt(state, policy, index, `nothing cured it (tried ${tried})`);
    }
  }
}

/**
 * A ladder for one modem, on a clock. The policy is read at each event: a power-cycle command a
 * manager sets meanwhile counts from the next step on.
 */
export function createHealingLadder(policy: () => HealingPolicy, clock: { now(): Date }) {
  let state = freshLadder;
  return {
    observe(event: LadderEvent): LadderDecision {
      const result = climb(state, event, policy(), clock.now().getTime());
      state = result.state;
      return result.decision;
    },
    /** A manager ran a step by hand: the ladder stands on it until the step ends. */
    running(step: HealingStep) {
      state = { ...state, running: step };
    },
    /** A manager put the modem back in service: the ladder starts afresh. */
    restart() {
      state = freshLadder;
    },
    get state(): LadderState {
      return state;
    },
  };
}

export type HealingLadder = ReturnType<typeof createHealingLadder>;
