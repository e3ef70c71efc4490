import { describe, expect, it } from 'vitest';
import { guessCarrier } from '../../../electron/bank/carrier-guess';
import { demoProfile } from '../carriers/demo-profile';

const carriers = [
  { id: 'nc-demo', networks: ['546-01'] },
  { id: 'us-three', networks: ['310-150'] },
  { id: 'us-two', networks: ['310-15'] },
  { id: 'mvno-a', networks: ['505-02'] },
  { id: 'mvno-b', networks: ['505-02'] },
  { id: 'no-networks', networks: [] },
];

describe('the carrier guessed from a dealer SIM’s IMSI', () => {
  it.each([
    ['a New Caledonia SIM', '546010123456789', 'nc-demo'],
    ['the longer network code wins', '310150123456789', 'us-three'],
    ['a 2-digit MNC of the same MCC', '310159123456789', 'us-two'],
    ['two carriers on one network: nobody guesses', '505020123456789', null],
    ['a network no carrier runs', '208011234567890', null],
    ['no IMSI (the SIM wants its PIN)', null, null],
    ['an answer that is not an IMSI', 'ERROR', null],
  ])('%s → %s', (_, imsi, carrier) => {
    expect(guessCarrier(imsi, carriers)).toBe(carrier);
  });

  it('finds the shipped demo carrier by the network its profile names', () => {
    expect(guessCarrier('546010123456789', [demoProfile()])).toBe('nc-demo');
  });
});
