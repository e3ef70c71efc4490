import type { CarrierProfile } from '../../shared/carrier';
import { CarrierInputError, type CustomerNumber, customerNumber } from '../carriers';
import { BalanceError } from './errors';

export interface Card {
  profile: CarrierProfile;
  customer: CustomerNumber;
}

function numberFor(profile: CarrierProfile, typed: string): CustomerNumber {
  const result = customerNumber(profile, typed);
  if (!result.ok) throw new CarrierInputError(result.error.code, result.error.message);
  return result.value;
}

/**
 * The card a typed number is, and its carrier: the one named; else the only carrier whose
 * number rules accept it; else, of those that do, the one the card was last sold or checked
 * with. Throws CarrierInputError for a number no carrier accepts.
 */
export function findCard(
  carriers: readonly CarrierProfile[],
  typed: string,
  carrierId: string | undefined,
  lastCarrierOf: (e164: string) => string | null,
): Card {
  if (carrierId !== undefined) {
    const profile = carriers.find((carrier) => carrier.id === carrierId);
    if (!profile) throw new BalanceError('unknown_carrier', `No carrier ${carrierId}`);
    return { profile, customer: numberFor(profile, typed) };
  }
  const first = carriers[0];
  if (!first) throw new BalanceError('unknown_carrier', 'No carrier profile is loaded');
  const accepting = carriers.flatMap((profile) => {
    const result = customerNumber(profile, typed);
    return result.ok ? [{ profile, customer: result.value }] : [];
  });
  const [only, ...others] = accepting;
  if (!only) return { profile: first, customer: numberFor(first, typed) };
  if (others.length === 0) return only;
  const last = lastCarrierOf(only.customer.e164);
  const known = accepting.find((card) => card.profile.id === last);
  if (known) return known;
  throw new BalanceError(
    'carrier_required',
    `${only.customer.e164} may be a card of ${accepting.map((card) => card.profile.name).join(' or ')}`,
  );
}
