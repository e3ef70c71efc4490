import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import { moneySchema } from './currencies';
import { type Language, languageSchema } from './languages';
import { paymentMethods } from './sale';
import { isTimeZone, type ShopProfile } from './shop';
import { taxLineSchema } from './tax';
import { singleLineText } from './text';

/**
 * A receipt as data: what is printed, frozen once issued (DESIGN.md, the renewal journal).
 * Amounts are integer minor units of `price.currency`; every amount on a receipt is in that
 * currency. Rendering (text, HTML, ESC/POS) lives in electron/printing, the hash chain in
 * electron/sales/receipt-chain.ts.
 */

/** What really happened to the top-up the receipt is for. */
const receiptStatuses = ['succeeded', 'failed-refunded', 'pending-verification'] as const;

const amount = z.number().int().nonnegative().safe();
const line = singleLineText(200);
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** The shop header and footer as printed, taken from the shop profile when the receipt is issued. */
export const receiptShopSchema = z
  .object({
    name: line.pipe(z.string().min(1)),
    addressLines: z.array(line),
    phone: line,
    taxId: line,
    footerLines: z.array(line),
    /** The seller's legal name (art. 46), when it differs from the sign; absent on older receipts. */
    legalName: line.optional(),
  })
  .strict();
export type ReceiptShop = z.output<typeof receiptShopSchema>;

const receiptPaymentSchema = z
  .object({
    method: z.enum(paymentMethods),
    /** Cash handed over. */
    tendered: amount.optional(),
    /** Cash given back. */
    change: amount.optional(),
    /** Card slip or transfer reference. */
    reference: line.optional(),
  })
  .strict();

/** Everything the hash covers: the printed content, without the chain link and the copy number. */
export const receiptContentSchema = z
  .object({
    /** The till that numbers its receipts; letters, digits, `.`, `_` and `-` (it goes in the QR). */
    deviceId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/),
    /** The till's name as the manager set it; receipts issued before it was named print the id. */
    tillName: line.optional(),
    /** 1, 2, 3… per device, without gaps. */
    number: z.number().int().positive().safe(),
    /** When it was issued, ISO 8601 in UTC (`…Z`). */
    issuedAt: z.iso.datetime(),
    shop: receiptShopSchema,
    /** The shop's IANA zone: the printed date and time are local to it. */
    timeZone: z.string().refine(isTimeZone, { params: { reason: 'unknown_time_zone' } }),
    /** The language the receipt is printed in. */
    language: languageSchema,
    clerk: line.pipe(z.string().min(1)),
    /** Already masked (see maskCustomerNumber): a receipt never holds the full number. */
    customer: line,
    carrier: line,
    plan: line,
    dataMb: z.number().int().nonnegative().safe(),
    validityDays: z.number().int().nonnegative().safe(),
    price: moneySchema,
    payment: receiptPaymentSchema,
    carrierReference: line.nullable(),
    status: z.enum(receiptStatuses),
    /** What was given back to the customer; set exactly when the status is failed-refunded. */
    refundAmount: amount.nullable(),
    /**
     * The tax included in what the receipt finally charges, by rate (shared/tax.ts), negative on
     * a correction that gives money back. Absent on receipts issued before taxes were recorded.
     */
    taxes: z.array(taxLineSchema).optional(),
    /** The receipt this one corrects (a correction is a new receipt, never an edit). */
    corrects: z.object({ number: z.number().int().positive().safe() }).strict().optional(),
    /**
     * How many of the item this receipt bills at `price`: 1 on a sale's receipt, −1 on a
     * correction giving the money back, 0 on a correction confirming the top-up (amounts
     * unchanged). Absent on receipts issued before: they billed one.
     */
    quantity: z.number().int().min(-1).max(1).optional(),
    /**
     * The language the law wants the receipt in (French in New Caledonia, délibération 14/2004
     * art. 46): printed first, `language` (the customer's) under it when it differs. Absent on
     * receipts issued before: printed in `language` alone, as they were.
     */
    legalLanguage: languageSchema.optional(),
  })
  .strict()
  .superRefine((content, context) => {
    const { payment, price } = content;
    if (content.status === 'failed-refunded' && content.refundAmount === null) {
      context.addIssue({
        code: 'custom',
        path: ['refundAmount'],
        message: 'A refunded receipt says how much was refunded',
        params: { reason: 'refund_required' },
      });
    }
    if (content.status !== 'failed-refunded' && content.refundAmount !== null) {
      context.addIssue({
        code: 'custom',
        path: ['refundAmount'],
        message: 'Only a failed and refunded top-up has a refund',
        params: { reason: 'refund_unexpected' },
      });
    }
    if (payment.method === 'cash' && payment.tendered !== undefined) {
      if (payment.tendered < price.amount) {
        context.addIssue({
          code: 'custom',
          path: ['payment', 'tendered'],
          message: 'Cash tendered is below the price',
          params: { reason: 'tendered_too_low' },
        });
      } else if (
        payment.change !== undefined &&
        payment.change !== payment.tendered - price.amount
      ) {
        context.addIssue({
          code: 'custom',
          path: ['payment', 'change'],
          message: 'Change is not tendered minus price',
          params: { reason: 'change_mismatch' },
        });
      }
    }
  });
export type ReceiptContent = z.output<typeof receiptContentSchema>;

/** A receipt as stored once issued: its content, the previous receipt's hash and its own. */
export const issuedReceiptSchema = z.intersection(
  receiptContentSchema,
  z.object({ prevHash: sha256Hex, hash: sha256Hex }),
);
export type IssuedReceipt = ReceiptContent & { prevHash: string; hash: string };

/**
 * A receipt as printed: 0 is the original, n > 0 is the n-th reprint (COPY n). The copy number is
 * not part of the content: a reprint does not change the receipt or its hash.
 */
export type Receipt = IssuedReceipt & { copy: number };

/** The shop's header and footer lines as a receipt prints them (empty lines dropped). */
export function receiptShopFromProfile(profile: ShopProfile): ReceiptShop {
  const lines = (text: string) =>
    text
      .split(/\r?\n/)
      .map((part) => part.trim())
      .filter((part) => part !== '');
  return {
    name: profile.name,
    addressLines: lines(profile.address),
    phone: profile.phone,
    taxId: profile.taxId,
    footerLines: lines(profile.receiptFooter),
    ...(profile.legalName ? { legalName: profile.legalName } : {}),
  };
}

/**
 * Countries whose receipts the law wants in French: New Caledonia (délibération 14/2004 art. 46),
 * the other French territories of the Pacific, and France with its overseas departments.
 */
const frenchReceiptCountries = new Set([
  'NC',
  'PF',
  'WF',
  'FR',
  'GP',
  'MQ',
  'GF',
  'RE',
  'YT',
  'PM',
  'BL',
  'MF',
]);

/** The language a shop's receipts must be in first, or null where no law says one. */
export function legalReceiptLanguage(country: string): Language | null {
  return frenchReceiptCountries.has(country) ? 'fr' : null;
}

/**
 * What a receipt bills, tax included, in minor units (negative when a correction gives money
 * back): a sale's receipt its price less any refund; a correction its quantity times the price,
 * as what it corrects billed the price (only a receipt saying pending is ever corrected). The
 * receipt's `taxes` are the tax inside this total.
 */
export function receiptTotal(
  content: Pick<ReceiptContent, 'price' | 'refundAmount' | 'quantity' | 'corrects'>,
): number {
  const billed = (content.quantity ?? 1) * content.price.amount;
  return content.corrects ? billed : billed - (content.refundAmount ?? 0);
}

/** The character that stands for a hidden digit. */
const maskedDigit = '•';

/** How many trailing digits of the subscriber number a receipt shows. */
const shownDigits = 2;

/**
 * The customer's number as a receipt shows it: the country code and the last two digits, every
 * other digit masked, in the country's grouping: "+687 12 34 56" → "+687 •• •• 56". A number
 * that does not parse keeps only its last two digits ("•••••••56"). Never throws.
 */
export function maskCustomerNumber(msisdn: string): string {
  const trimmed = msisdn.trim();
  const international = trimmed.startsWith('+') ? trimmed : `+${trimmed}`;
  const phone = parsePhoneNumberFromString(international);
  if (phone?.isPossible()) {
    const prefix = `+${phone.countryCallingCode}`;
    const formatted = phone.formatInternational();
    if (formatted.startsWith(prefix)) {
      return prefix + maskDigits(formatted.slice(prefix.length));
    }
  }
  const digits = trimmed.replace(/\D/g, '');
  return (trimmed.startsWith('+') ? '+' : '') + maskDigits(digits);
}

/** Masks every digit but the last two; all of them when there are two or fewer. */
function maskDigits(text: string): string {
  const total = text.replace(/\D/g, '').length;
  const keep = total > shownDigits ? shownDigits : 0;
  let seen = 0;
  return text.replace(/\d/g, (digit) => {
    seen += 1;
    return seen > total - keep ? digit : maskedDigit;
  });
}
