import { type CurrencyCode, currencies } from '../../shared/currencies';
import { readTypedAmount } from '../day/typed-amount';

type ReadAmount = ReturnType<typeof readTypedAmount>;
type WatchAmount = Exclude<ReadAmount, { ok: true }> | { ok: true; amount: number | null };

/**
 * A low-float threshold or daily cap as typed by a manager, read like money elsewhere in the
 * shop: an empty field is none (null). A threshold may be zero; a cap of nothing would stop
 * the SIM, so it must be more than zero.
 */
export function readWatchAmount(
  text: string,
  currency: CurrencyCode,
  accept: 'zero or more' | 'more than zero',
): WatchAmount {
  if (text.trim() === '') return { ok: true, amount: null };
  return readTypedAmount(text, currency, accept);
}

/** An amount in minor units as a manager would type it back ("250000", "150.50"). */
export function amountAsTyped(amount: number | null, currency: CurrencyCode): string {
  if (amount === null) return '';
  const digits = currencies[currency].minorDigits;
  return (amount / 10 ** digits).toFixed(digits);
}

/**
 * The manager's phone as typed, in the international form the bank texts to ("+687 27 12 34"
 * → "+687271234"); empty is none (null); anything else is refused with 'invalid'.
 */
export function readManagerPhone(text: string): { ok: true; phone: string | null } | { ok: false } {
  const compact = text.replace(/[\s.()-]/g, '');
  if (compact === '') return { ok: true, phone: null };
  return /^\+[1-9][0-9]{6,14}$/.test(compact) ? { ok: true, phone: compact } : { ok: false };
}
