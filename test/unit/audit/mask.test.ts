import { describe, expect, it } from 'vitest';
import { masked, maskedPin } from '../../../electron/audit/mask';

describe('what the audit trail keeps of a PIN', () => {
  it.each([
    ['a user’s PIN', { name: 'Léa', pin: '4821' }, { name: 'Léa', pin: maskedPin }],
    ['a dealer PIN', { id: 'm1', dealerPin: '1234' }, { id: 'm1', dealerPin: maskedPin }],
    [
      'a manager’s approval, deep inside',
      { reason: 'x', manager: { name: 'Ana', pin: '9999' } },
      { reason: 'x', manager: { name: 'Ana', pin: maskedPin } },
    ],
    [
      'PINs in a list',
      [{ pin: '1111' }, { pin: '2222' }],
      [{ pin: maskedPin }, { pin: maskedPin }],
    ],
    ['whether a PIN is set, which is no PIN', { hasDealerPin: true }, { hasDealerPin: true }],
    ['nothing to mask', { price: 1500, note: null }, { price: 1500, note: null }],
    [
      'a number the hash chain holds only as text',
      { units: { Ko: 0.0009765625, Mo: 1 } },
      { units: { Ko: '0.0009765625', Mo: 1 } },
    ],
  ])('%s', (_case, value, expected) => {
    expect(masked(value)).toEqual(expected);
  });
});
