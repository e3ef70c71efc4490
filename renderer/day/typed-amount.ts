import { parseAmount } from '../../shared/amounts';
import { type CurrencyCode, currencies } from '../../shared/currencies';

/** Why a typed amount is refused; each is translated as day.amount.<code>. */
type AmountProblem = 'required' | 'unreadable' | 'negative' | 'zero';

type TypedAmount = { ok: true; amount: number } | { ok: false; problem: AmountProblem };

/**
 * An amount typed on the day screens ("20 000", "150,50") in integer minor units of the
 * currency. A float may be nothing; cash moved must be something; a dealer balance may be
 * below zero (a carrier lets some dealers run into credit).
 */
export function readTypedAmount(
  text: string,
  currency: CurrencyCode,
  accept: 'zero or more' | 'more than zero' | 'any',
): TypedAmount {
  if (text.trim() === '') return { ok: false, problem: 'required' };
  const amount = parseAmount(text, currencies[currency].minorDigits);
  if (amount === null) return { ok: false, problem: 'unreadable' };
  if (accept !== 'any' && amount < 0) return { ok: false, problem: 'negative' };
  if (accept === 'more than zero' && amount === 0) return { ok: false, problem: 'zero' };
  return { ok: true, amount };
}
