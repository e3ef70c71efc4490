import { describe, expect, it } from 'vitest';
import { judgeSim } from '../../../electron/bank/sim-binding';

const MINE = '89687010000123456788';
const OTHER = '89687010000999999994';
const MODEM_2 = '89687010000555555558';
const ownerOf = (iccid: string) => (iccid === MODEM_2 ? 'modem-2' : null);

describe('what the bank makes of the SIM a modem answers with', () => {
  it.each([
    ['its own SIM', MINE, MINE, { kind: 'same' }],
    ['a first SIM, learnt', null, MINE, { kind: 'learnt', iccid: MINE }],
    [
      'another SIM: a change to confirm',
      MINE,
      OTHER,
      { kind: 'changed', expectedIccid: MINE, foundIccid: OTHER },
    ],
    ['no ICCID where one is expected: unchecked', MINE, null, { kind: 'unread' }],
    ['no ICCID, none expected: as before binding', null, null, { kind: 'unbound' }],
    [
      "another modem's SIM: renumbered, not changed",
      MINE,
      MODEM_2,
      { kind: 'other-modem', modemId: 'modem-2' },
    ],
    ["another modem's SIM, none expected: nothing learnt", null, MODEM_2, { kind: 'unbound' }],
  ] as const)('%s', (_, expected, found, verdict) => {
    expect(judgeSim(expected, found, ownerOf)).toEqual(verdict);
  });
});
