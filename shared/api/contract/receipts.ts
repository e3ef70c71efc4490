import { z } from 'zod';
import { printerChoiceSchema } from './printers';
import { procedure } from './procedure';

export const receipts = {
  'receipts.get': procedure(
    'user',
    'One receipt as issued: its text (80 mm), its HTML, its hash chain link, whether it was ' +
      'printed and its reprint count.',
    z.object({ number: z.number().int().positive() }).strict(),
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
      'original; every later one says COPY n and is logged. A failed print logs nothing.',
    z.object({ number: z.number().int().positive(), printer: printerChoiceSchema }).strict(),
    z.object({
      number: z.number().int(),
      /** null for the original. */
      copy: z.number().int().positive().nullable(),
      printerId: z.string(),
      /** The PDF file written, for a PDF printer. */
      file: z.string().nullable(),
    }),
  ),
};
