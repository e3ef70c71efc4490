import { describe, expect, it } from 'vitest';
import { zoneMismatch, zoneMismatchMessage } from '../../../shared/enrolment-match';

const noumea = { zone: 'Pacific/Noumea', currency: 'XPF' } as const;

describe('a shop and its head office agree on its zone and currency', () => {
  it.each([
    ['the same zone and currency', noumea, null],
    [
      'another zone',
      { zone: 'Europe/Paris', currency: 'XPF' },
      { shopZone: 'Europe/Paris', shopCurrency: 'XPF' },
    ],
    [
      'another currency',
      { zone: 'Pacific/Noumea', currency: 'EUR' },
      { shopZone: 'Pacific/Noumea', shopCurrency: 'EUR' },
    ],
    [
      'both',
      { zone: 'Europe/Paris', currency: 'EUR' },
      { shopZone: 'Europe/Paris', shopCurrency: 'EUR' },
    ],
  ] as const)('%s', (_, shop, expected) => {
    expect(zoneMismatch(noumea, shop)).toEqual(
      expected && { headOfficeZone: 'Pacific/Noumea', headOfficeCurrency: 'XPF', ...expected },
    );
  });

  it('names both sides’ values in the refusal', () => {
    const mismatch = zoneMismatch(noumea, { zone: 'Europe/Paris', currency: 'EUR' });
    expect(mismatch && zoneMismatchMessage(mismatch)).toBe(
      'The head office has this shop in Pacific/Noumea, XPF; this shop is set to Europe/Paris, EUR: correct one of them, then enrol again',
    );
  });
});
