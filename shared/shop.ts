import type { CountryCode } from 'libphonenumber-js';
import { getCountries, isValidPhoneNumber, parsePhoneNumber } from 'libphonenumber-js';
import { z } from 'zod';
import { currencyCodeSchema } from './currencies';
import { languageSchema } from './languages';
import { multiLineText, singleLineText } from './text';

const countries = new Set<string>(getCountries());

// Building a formatter costs a third of a millisecond, and every receipt issued checks its zone.
const knownTimeZones = new Set<string>();

export function isTimeZone(value: string): boolean {
  if (knownTimeZones.has(value)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    return false;
  }
  knownTimeZones.add(value);
  return true;
}

/** Minutes without keyboard or pointer activity before the counter signs out, unless set. */
export const defaultIdleLockMinutes = 5;

/** The till's name until a manager sets one, as shops set up before it had a name. */
export const defaultTillName = '1';

/**
 * A New Caledonian business's RIDET as receipts print it, `1234567.001` (the company's 7-digit
 * RID, then the establishment's 3 digits), from what was typed with or without its spaces and
 * dots; null when it is not one.
 */
export function normalizeRidet(typed: string): string | null {
  const digits = typed.replace(/[\s.]/g, '');
  return /^[0-9]{10}$/.test(digits) ? `${digits.slice(0, 7)}.${digits.slice(7)}` : null;
}

/** What a tax id may be written with, in any country. */
const taxIdCharacters = /^[\p{L}\p{N} .\-/]*$/u;

/** The shop as it appears on receipts and reports. */
export const shopProfileSchema = z
  .object({
    name: singleLineText(80).pipe(z.string().min(1)),
    address: multiLineText(200, 4),
    country: z
      .string()
      .refine((value) => countries.has(value), { params: { reason: 'unknown_country' } }),
    phone: singleLineText(30),
    taxId: singleLineText(40).refine((value) => taxIdCharacters.test(value), {
      params: { reason: 'tax_id_characters' },
    }),
    receiptFooter: multiLineText(300, 6),
    timeZone: z.string().refine(isTimeZone, { params: { reason: 'unknown_time_zone' } }),
    currency: currencyCodeSchema,
    defaultLanguage: languageSchema,
    /** The counter signs out after this many minutes without activity. */
    idleLockMinutes: z.number().int().min(1).max(240).default(defaultIdleLockMinutes),
    /** The till's name printed on receipts and reports ("Till: 1"), in place of its device id. */
    tillName: singleLineText(30).pipe(z.string().min(1)).default(defaultTillName),
    /**
     * The business's registered name (raison sociale), printed on receipts and reports as the
     * law asks when it differs from the shop's sign (`name`); empty until a manager sets it.
     */
    legalName: singleLineText(120).default(''),
  })
  .strict()
  .superRefine((profile, context) => {
    // In New Caledonia the tax id is the RIDET, which receipts must carry (délibération 14/2004).
    if (
      profile.country === 'NC' &&
      profile.taxId !== '' &&
      // Characters no tax id has are refused once, by the field's own check.
      taxIdCharacters.test(profile.taxId) &&
      normalizeRidet(profile.taxId) === null
    ) {
      context.addIssue({
        code: 'custom',
        path: ['taxId'],
        message: 'Not a RIDET number: 7 digits, then the establishment’s 3 (1234567.001)',
        params: { reason: 'invalid_ridet' },
      });
    }
    if (profile.phone !== '' && countries.has(profile.country)) {
      if (!isValidPhoneNumber(profile.phone, profile.country as CountryCode)) {
        context.addIssue({
          code: 'custom',
          path: ['phone'],
          message: 'Not a valid phone number for the shop’s country',
          params: { reason: 'invalid_phone' },
        });
      }
    }
  });

export type ShopProfile = z.output<typeof shopProfileSchema>;

/** Stores the phone in international form and line breaks as LF, whatever was typed. */
export function normalizeShopProfile(profile: ShopProfile): ShopProfile {
  return {
    ...profile,
    address: profile.address.replaceAll('\r\n', '\n'),
    receiptFooter: profile.receiptFooter.replaceAll('\r\n', '\n'),
    taxId:
      profile.country === 'NC' && profile.taxId !== ''
        ? (normalizeRidet(profile.taxId) ?? profile.taxId)
        : profile.taxId,
    phone:
      profile.phone === ''
        ? ''
        : parsePhoneNumber(profile.phone, profile.country as CountryCode).formatInternational(),
  };
}
