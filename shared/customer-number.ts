/**
 * The customer's number as the clerk types it ("27 12 34", "+687 27 12 34", "687271234"), read
 * with libphonenumber-js for the carrier's region, and written the ways Comptoir needs it.
 */
import {
  AsYouType,
  type CountryCode,
  getCountryCallingCode,
  parsePhoneNumberFromString,
} from 'libphonenumber-js';
import type { CarrierProfile } from './carrier';

export interface CustomerNumber {
  /** "+687271234": how it is stored. */
  e164: string;
  /** "271234": the national digits. */
  national: string;
  /** As the carrier's templates want {msisdn} (its `msisdnFormat`). */
  forTemplate: string;
  /** "+687 27.12.34": for the screen and the receipt. */
  display: string;
}

type CustomerNumberErrorCode = 'invalid_number' | 'foreign_number';

type CustomerNumberResult =
  | { ok: true; value: CustomerNumber }
  | { ok: false; error: { code: CustomerNumberErrorCode; message: string } };

// Digits, one leading +, and the separators people type. Nothing else: no letters, and no
// control characters or quotes that could end an AT command (DESIGN rule 4).
const TYPED = /^\+?[0-9 \u00a0().\-/]{1,30}$/;
const EDGE_SPACES = /^[ \u00a0]+|[ \u00a0]+$/g;

function refuse(code: CustomerNumberErrorCode, message: string): CustomerNumberResult {
  return { ok: false, error: { code, message } };
}

/** Validates and normalises a customer number for the carrier of `profile`. */
export function customerNumber(
  profile: Pick<CarrierProfile, 'numberRegion' | 'msisdnFormat' | 'numberValidation'>,
  input: string,
): CustomerNumberResult {
  const typed = input.replace(EDGE_SPACES, '');
  if (!TYPED.test(typed) || !/[0-9]/.test(typed)) {
    return refuse('invalid_number', `Not a phone number: ${JSON.stringify(input)}`);
  }
  const region = profile.numberRegion as CountryCode;
  const phone = parsePhoneNumberFromString(typed, region);
  if (!phone) return refuse('invalid_number', `Not a phone number: ${JSON.stringify(input)}`);
  const foreign =
    phone.countryCallingCode !== getCountryCallingCode(region) ||
    (phone.country !== undefined && phone.country !== region);
  if (foreign) {
    return refuse(
      'foreign_number',
      `${phone.number} is a number of ${phone.country ?? `+${phone.countryCallingCode}`}, not ${region}`,
    );
  }
  const known = profile.numberValidation === 'possible' ? phone.isPossible() : phone.isValid();
  if (!known) {
    return refuse('invalid_number', `${phone.number} is not a ${region} phone number`);
  }
  const e164 = phone.number;
  const national = phone.nationalNumber;
  const forTemplate =
    profile.msisdnFormat === 'national'
      ? national
      : profile.msisdnFormat === 'e164'
        ? e164
        : e164.slice(1);
  return { ok: true, value: { e164, national, forTemplate, display: phone.formatInternational() } };
}

/** What the number field keeps of what is typed: digits, and a + in front. */
function dialled(text: string): string {
  return (text.trimStart().startsWith('+') ? '+' : '') + text.replace(/[^0-9]/g, '');
}

/**
 * The number field as the clerk types, formatted the way the region writes numbers ("27.12.34",
 * "+687 27 12 34"). Anything but digits and a leading + is dropped. Deleting a separator that
 * the formatting put there deletes the digit before it, or the separator would come back at once.
 */
export function formatAsTyped(region: string, previous: string, next: string): string {
  let digits = dialled(next);
  if (next.length < previous.length && digits === dialled(previous)) {
    let at = 0;
    while (at < next.length && next[at] === previous[at]) at += 1;
    const end =
      (digits.startsWith('+') ? 1 : 0) + dialled(previous.slice(0, at)).replace('+', '').length;
    if (end > 0) digits = digits.slice(0, end - 1) + digits.slice(end);
  }
  return new AsYouType(region as CountryCode).input(digits);
}

/** A stored E.164 number ("+687271234") as people read it: "+687 27 12 34". */
export function displayStoredNumber(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
