import { z } from 'zod';
import { booksVerificationSchema } from '../../books';
import { managerApprovalSchema } from '../../day';
import { languageSchema } from '../../languages';
import { printerChoiceSchema } from './printers';

/** The till whose book a receipt is in (a till's id, see tills.list); default: the caller's. */
const receiptTillSchema = z.string().min(8).max(64).optional();

import { noInput, procedure } from './procedure';

export const receipts = {
  'receipts.get': procedure(
    'user',
    'One receipt as issued: its text (80 mm), its HTML, its hash chain link, whether it was ' +
      'printed and its reprint count.',
    z.object({ number: z.number().int().positive(), tillId: receiptTillSchema }).strict(),
    z.object({
      number: z.number().int(),
      saleId: z.number().int(),
      text: z.string(),
      html: z.string(),
      hash: z.string(),
      prevHash: z.string(),
      printed: z.boolean(),
      copies: z.number().int(),
    }),
  ),
  'receipts.print': procedure(
    'user',
    'Prints a receipt on a printer (the default one if none is named). The first print is the ' +
      'original; every later one says COPY n and is logged. A failed print logs nothing. A copy ' +
      'is a clerk’s as the shop set it (with a manager’s name and PIN when asked).',
    z
      .object({
        number: z.number().int().positive(),
        tillId: receiptTillSchema,
        printer: printerChoiceSchema,
        manager: managerApprovalSchema.optional(),
      })
      .strict(),
    z.object({
      number: z.number().int(),
      /** null for the original. */
      copy: z.number().int().positive().nullable(),
      printerId: z.string(),
      /** The PDF file written, for a PDF printer. */
      file: z.string().nullable(),
    }),
  ),
  'receipts.sendSms': procedure(
    'user',
    "Sends a receipt as a short SMS (plan, validity, reference, receipt number) to its sale's " +
      "number through the modem bank, in `language` (the receipt's own if left out); every " +
      'attempt is logged with the sale. no_modem when no modem could send it.',
    z
      .object({
        number: z.number().int().positive(),
        tillId: receiptTillSchema,
        language: languageSchema.optional(),
      })
      .strict(),
    z.object({
      number: z.number().int(),
      /** The sale's number, international. */
      to: z.string(),
      language: languageSchema,
      text: z.string(),
      modemId: z.string(),
      sentAt: z.string(),
    }),
  ),
  'receipts.verify': procedure(
    'manager',
    "Checks this till's receipt chain and Z report chain (each hash, each link, no gap): all of " +
      "them, or those of one shop's day (YYYY-MM-DD, in its zone). Names the first record that " +
      "does not fit. `tills` checks every till's receipt chain, each on its own. Changes nothing.",
    z.object({ day: z.iso.date().optional() }).strict(),
    booksVerificationSchema,
  ),
  'receipts.getStartCheck': procedure(
    'manager',
    'What the check at start found: today and the last day with receipts, each verified; ' +
      '`problem` when the check itself could not run.',
    noInput,
    z.object({
      checkedAt: z.string(),
      days: z.array(booksVerificationSchema),
      problem: z.string().nullable(),
    }),
  ),
};
