/**
 * Whose top-up a USSD answer is. A top-up that timed out may be answered after its modem stopped
 * waiting, while the next top-up on that modem waits for its own answer: an answer that names a
 * card (the carrier profile's patterns capture (?<msisdn>…)) belongs to the sale of that card
 * only. An answer that names none is taken as today, in the order answers come.
 */
import type { CarrierProfile } from '../../shared/carrier';
import { customerNumber, topUpAnswerSubject } from '../carriers';

/**
 * The card a top-up answer names, E.164; as written when it is no number the carrier's rules
 * read (it names something, and that is no sale's card); null when it names none.
 */
export function cardNamedBy(carrier: CarrierProfile, text: string): string | null {
  const named = topUpAnswerSubject(carrier, text);
  if (named === null) return null;
  const number = customerNumber(carrier, named);
  return number.ok ? number.value.e164 : named;
}

/** Whether an answer may be the one for a sale of `card` (E.164): it names that card, or none. */
export function mayAnswerFor(carrier: CarrierProfile, text: string, card: string): boolean {
  const named = cardNamedBy(carrier, text);
  return named === null || named === card;
}
