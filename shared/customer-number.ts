/**
 * The customer's number as the clerk types it ("27 12 34", "+687 27 12 34", "687271234"), read
 * with libphonenumber-js for the carrier's region, and written the ways Comptoir needs it.
 */
import {
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

export type CustomerNumberErrorCode = 'invalid_number' | 'foreign_number';

export type CustomerNumberResult =
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
