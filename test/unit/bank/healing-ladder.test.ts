import { describe, expect, it } from 'vitest';
import {
  createHealingLadder,
  defaultHealingPolicy,
  type LadderDecision,
  type LadderEvent,
} from '../../../electron/bank/healing-ladder';
import { createManualClock } from '../../../electron/gsm/clock';

const minute = 60_000;
const timeout: LadderEvent = { kind: 'timeout' };
const noAnswer: LadderEvent = { kind: 'no-answer' };
const healedBy = (step: 'resync' | 'reopen' | 'reset' | 'power-cycle'): LadderEvent => ({
  kind: 'step-done',
  step,
  healed: true,
});
const failed = (step: 'resync' | 'reopen' | 'reset' | 'power-cycle'): LadderEvent => ({
  kind: 'step-done',
  step,
  healed: false,
});
const step = (name: string): LadderDecision => ({ kind: 'step', step: name }) as LadderDecision;
const healed = (name: string): LadderDecision => ({ kind: 'healed', step: name }) as LadderDecision;
const none: LadderDecision = { kind: 'none' };
const outOfService = (reason: string | RegExp) => ({
  kind: 'out-of-service',
  reason: typeof reason === 'string' ? reason : expect.stringMatching(reason),
});

/** [minutes after the previous event, event, what the ladder decides] */
type Row = [number, LadderEvent, unknown];

const cases: Array<{ name: string; powerCycle: boolean; rows: Row[] }> = [
  {
    name: 'one time-out is cured by a resync',
    powerCycle: false,
    rows: [
      [0, timeout, step('resync')],
      [0, healedBy('resync'), healed('resync')],
    ],
  },
  {
    name: 'a resync that does not cure goes on to reopen, reset, power-cycle, then out of service',
    powerCycle: true,
    rows: [
      [0, timeout, step('resync')],
      [0, timeout, none],
      [0, failed('resync'), step('reopen')],
      [0, failed('reopen'), step('reset')],
      [1, failed('reset'), step('power-cycle')],
      [
        1,
        failed('power-cycle'),
        outOfService('nothing cured it (tried resync, reopen, reset, power-cycle)'),
      ],
      [5, timeout, none],
    ],
  },
  {
    name: 'with no power-cycle command set, a reset that does not cure ends the ladder',
    powerCycle: false,
    rows: [
      [0, noAnswer, step('reset')],
      [1, failed('reset'), outOfService('nothing cured it (tried resync, reopen, reset)')],
    ],
  },
  {
    name: 'a modem that answers nothing when opened starts at the reset',
    powerCycle: true,
    rows: [
      [0, noAnswer, step('reset')],
      [1, healedBy('reset'), healed('reset')],
    ],
  },
  {
    name: 'a time-out again soon after a resync healed it reopens the port at once',
    powerCycle: false,
    rows: [
      [0, timeout, step('resync')],
      [0, healedBy('resync'), healed('resync')],
      [1, timeout, step('reopen')],
      [0, healedBy('reopen'), healed('reopen')],
      [2, timeout, step('reset')],
    ],
  },
  {
    name: 'trouble soon after a heal starts above the step that healed it (backoff)',
    powerCycle: true,
    rows: [
      [0, noAnswer, step('reset')],
      [0, healedBy('reset'), healed('reset')],
      [5, timeout, step('power-cycle')],
      [1, healedBy('power-cycle'), healed('power-cycle')],
      [5, timeout, outOfService(/^misbehaved again 300 s after a power-cycle healed it$/)],
    ],
  },
  {
    name: 'trouble long after a heal starts from the bottom again',
    powerCycle: false,
    rows: [
      [0, noAnswer, step('reset')],
      [0, healedBy('reset'), healed('reset')],
      [31, timeout, step('resync')],
    ],
  },
];

describe('the healing ladder', () => {
  for (const { name, powerCycle, rows } of cases) {
    it(name, () => {
      const clock = createManualClock();
      const ladder = createHealingLadder(() => ({ ...defaultHealingPolicy, powerCycle }), clock);
      const decisions = rows.map(([minutes, event]) => {
        clock.advance(minutes * minute);
        return ladder.observe(event);
      });
      expect(decisions).toEqual(rows.map((row) => row[2]));
    });
  }

  it('starts afresh when a manager puts the modem back in service', () => {
    const clock = createManualClock();
    const ladder = createHealingLadder(
      () => ({ ...defaultHealingPolicy, powerCycle: false }),
      clock,
    );
    ladder.observe(noAnswer);
    ladder.observe(failed('reset'));
    expect(ladder.state.exhausted).toBe(true);
    ladder.restart();
    expect(ladder.observe(timeout)).toEqual(step('resync'));
  });

  it("waits for a manager's step to end before climbing", () => {
    const clock = createManualClock();
    const ladder = createHealingLadder(
      () => ({ ...defaultHealingPolicy, powerCycle: true }),
      clock,
    );
    ladder.running('reset');
    expect(ladder.observe(timeout)).toEqual(none);
    expect(ladder.observe(failed('reset'))).toEqual(step('power-cycle'));
  });
});
