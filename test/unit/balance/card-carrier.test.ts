import { describe, expect, it } from 'vitest';
import { findCard } from '../../../electron/balance/card-carrier';
import { BalanceError } from '../../../electron/balance/errors';
import { CarrierInputError } from '../../../electron/carriers';
import { carrierProfileSchema } from '../../../shared/carrier';
import { demoProfile, demoProfileInput } from '../carriers/demo-profile';

const demo = demoProfile();
/** A second carrier selling cards of the same country. */
const other = carrierProfileSchema.parse({ ...demoProfileInput(), id: 'nc-other', name: 'Other' });
const neverSeen = () => null;

describe('which carrier a card belongs to', () => {
  it('is the only carrier whose numbers look like it, however the number is typed', () => {
    const card = findCard([demo], '12 34 56', undefined, neverSeen);
    expect(card.profile.id).toBe('nc-demo');
    expect(card.customer).toMatchObject({ e164: '+687123456', display: '+687 123456' });
  });

  it('is the carrier named, when one is', () => {
    expect(findCard([demo, other], '687123456', 'nc-other', neverSeen).profile.id).toBe('nc-other');
  });

  it('is the carrier the card was last sold or checked with, when several could be', () => {
    const seen = (e164: string) => (e164 === '+687123456' ? 'nc-other' : null);
    expect(findCard([demo, other], '687123456', undefined, seen).profile.id).toBe('nc-other');
  });

  it.each([
    [
      'a new card several carriers could have',
      [demo, other],
      '687123456',
      undefined,
      'carrier_required',
    ],
    ['a carrier the shop does not have', [demo], '687123456', 'nc-gone', 'unknown_carrier'],
    ['no carrier at all', [], '687123456', undefined, 'unknown_carrier'],
  ])('asks which carrier for %s', (_label, carriers, typed, carrierId, code) => {
    expect(() => findCard(carriers, typed, carrierId, neverSeen)).toThrow(
      expect.objectContaining({ code }),
    );
    expect(() => findCard(carriers, typed, carrierId, neverSeen)).toThrow(BalanceError);
  });

  it.each([
    ['a foreign number', '+33 6 12 34 56 78', 'foreign_number'],
    ['AT control characters', '687123456"\r\nATD112;', 'invalid_number'],
    ['letters', 'CXLL', 'invalid_number'],
  ])('refuses %s with the carrier’s own rules', (_label, typed, code) => {
    expect(() => findCard([demo], typed, undefined, neverSeen)).toThrow(CarrierInputError);
    expect(() => findCard([demo], typed, undefined, neverSeen)).toThrow(
      expect.objectContaining({ code }),
    );
  });
});
