import { describe, expect, it } from 'vitest';
import {
  chooseModem,
  type RoutingCandidate,
  type RoutingChoice,
  type RoutingNeed,
} from '../../../electron/bank/routing';

const modem = (id: string, facts: Partial<RoutingCandidate> = {}): RoutingCandidate => ({
  id,
  free: true,
  lastUsed: 0,
  signalBars: 3,
  float: null,
  capLeft: null,
  ...facts,
});

const plan: RoutingNeed = { dealerCost: 5_000, price: 6_000 };

describe('which modem takes the next top-up', () => {
  const table: Array<[string, RoutingCandidate[], RoutingNeed | undefined, RoutingChoice]> = [
    [
      'the one idle longest',
      [
        modem('m1', { lastUsed: 3000 }),
        modem('m2', { lastUsed: 1000 }),
        modem('m3', { lastUsed: 2000 }),
      ],
      plan,
      { kind: 'lend', modemId: 'm2' },
    ],
    [
      'between two never used, the bank order',
      [modem('m2'), modem('m1')],
      plan,
      { kind: 'lend', modemId: 'm2' },
    ],
    [
      'a good signal before a longer idle one with a poor signal',
      [modem('m1', { lastUsed: 0, signalBars: 1 }), modem('m2', { lastUsed: 5000, signalBars: 2 })],
      plan,
      { kind: 'lend', modemId: 'm2' },
    ],
    [
      'a poor signal rather than none at all',
      [modem('m1', { signalBars: 0 }), modem('m2', { free: false })],
      plan,
      { kind: 'lend', modemId: 'm1' },
    ],
    [
      'never a busy one: one USSD session per modem',
      [modem('m1', { free: false, lastUsed: 0 }), modem('m2', { lastUsed: 9000 })],
      plan,
      { kind: 'lend', modemId: 'm2' },
    ],
    [
      'skips a SIM whose float is below the dealer cost while another has float',
      [modem('m1', { float: 4_999 }), modem('m2', { float: 5_000, lastUsed: 9000 })],
      plan,
      { kind: 'lend', modemId: 'm2' },
    ],
    [
      'a SIM whose float is not known yet: the carrier decides',
      [modem('m1', { float: null })],
      plan,
      { kind: 'lend', modemId: 'm1' },
    ],
    [
      'skips a SIM at its daily cap',
      [modem('m1', { capLeft: 5_999 }), modem('m2', { capLeft: 6_000, lastUsed: 9000 })],
      plan,
      { kind: 'lend', modemId: 'm2' },
    ],
    [
      'waits for the busy one that has float when the free one has none',
      [modem('m1', { float: 100 }), modem('m2', { free: false, float: 50_000 })],
      plan,
      { kind: 'wait' },
    ],
    [
      'refuses for the float when no SIM has enough',
      [modem('m1', { float: 100 }), modem('m2', { free: false, float: 4_000 })],
      plan,
      { kind: 'refuse', reason: 'float' },
    ],
    [
      'refuses for the cap when every SIM has float but is capped',
      [modem('m1', { float: 90_000, capLeft: 0 }), modem('m2', { capLeft: 1_000 })],
      plan,
      { kind: 'refuse', reason: 'cap' },
    ],
    [
      'says float before cap when both stop the SIMs',
      [modem('m1', { float: 0 }), modem('m2', { capLeft: 0 })],
      plan,
      { kind: 'refuse', reason: 'float' },
    ],
    ['no modem of the carrier', [], plan, { kind: 'refuse', reason: 'none' }],
    [
      'a job that needs no float (a balance check) ignores float and cap',
      [modem('m1', { float: 0, capLeft: 0 })],
      undefined,
      { kind: 'lend', modemId: 'm1' },
    ],
  ];

  it.each(table)('%s', (_, candidates, need, choice) => {
    expect(chooseModem(candidates, need)).toEqual(choice);
  });
});
