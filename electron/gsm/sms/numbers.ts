/**
 * Phone numbers as SMS sees them: what a destination may be, and whether two ways of writing a
 * sender name the same one (`+687 4012`, `6874012`, `4012`: international, bare and national
 * forms of one carrier short code).
 */

import { SmsInputError } from './errors';

/** E.164: `+`, a country code that never starts with 0, at most 15 digits in all. */
const INTERNATIONAL = /^\+[1-9][0-9]{2,14}$/;
/** A short code or a national number: digits only, as many as a TP address holds. */
const DIGITS_ONLY = /^[0-9]{2,20}$/;

/** Checks a destination before anything is encoded or written; returns it unchanged. */
export function validateDestination(to: string): string {
  if (INTERNATIONAL.test(to) || DIGITS_ONLY.test(to)) return to;
  throw new SmsInputError(
    'invalid_destination',
    `Not a destination: ${JSON.stringify(to)} (expected +digits or a short code of digits)`,
  );
}

type NumberForm =
  | { kind: 'international'; digits: string }
  | { kind: 'national'; digits: string }
  | { kind: 'alphanumeric'; name: string };

// Visual separators people and carriers put in numbers.
const SEPARATORS = /[\s\-.()/]/g;

/** Reads a sender or destination as written anywhere (UI, PDU, carrier reply). */
function numberForm(text: string): NumberForm {
  const compact = text.trim().replace(SEPARATORS, '');
  if (/^\+[0-9]+$/.test(compact)) return { kind: 'international', digits: compact.slice(1) };
  if (/^00[1-9][0-9]+$/.test(compact)) return { kind: 'international', digits: compact.slice(2) };
  if (/^[0-9]+$/.test(compact)) {
    // A trunk prefix `0` is part of the national form, not of the number.
    const digits = compact.length > 1 && compact.startsWith('0') ? compact.slice(1) : compact;
    return { kind: 'national', digits };
  }
  return { kind: 'alphanumeric', name: text.trim().replace(/\s+/g, ' ').toLowerCase() };
}

export interface SameNumberOptions {
  /** The modem's country code (`687`): with it, national and international forms are matched
   * exactly; without it, any 1-3 digit prefix before the national digits counts as one. */
  countryCode?: string;
}

/**
 * Whether two senders are the same. `+6874012` and `4012` are (country code 687 in front of the
 * national form); `+33612344012` and `4012` are not (seven digits are no country code). Two
 * numbers without `+` and of different lengths are matched only with a known country code.
 */
export function sameNumber(a: string, b: string, options: SameNumberOptions = {}): boolean {
  const left = numberForm(a);
  const right = numberForm(b);
  if (left.kind === 'alphanumeric' || right.kind === 'alphanumeric') {
    return (
      left.kind === 'alphanumeric' && right.kind === 'alphanumeric' && left.name === right.name
    );
  }
  if (left.digits === right.digits) return true;
  if (left.kind === 'national' && right.kind === 'national') {
    const code = options.countryCode;
    return (
      code !== undefined &&
      (left.digits === code + right.digits || right.digits === code + left.digits)
    );
  }
  const [long, short] = left.digits.length >= right.digits.length ? [left, right] : [right, left];
  // Two international forms differ; a national one must be the tail of the international one.
  if (long.kind !== 'international' || short.kind !== 'national') return false;
  if (!long.digits.endsWith(short.digits)) return false;
  const prefix = long.digits.slice(0, long.digits.length - short.digits.length);
  return options.countryCode === undefined
    ? /^[1-9][0-9]{0,2}$/.test(prefix)
    : prefix === options.countryCode;
}
