import { z } from 'zod';
import {
  countedLineInputSchema,
  dayReportViewSchema,
  dealerBalanceInputSchema,
  drawerTillIdSchema,
  managerApprovalSchema,
  reasonSchema,
  shopDayTotalSchema,
  zReportViewSchema,
} from '../../day';
import { printerChoiceSchema } from './printers';
import { noInput, procedure } from './procedure';

export const day = {
  'day.getReport': procedure(
    'user',
    "The X report of the open shift (changes nothing), or with a date (YYYY-MM-DD, the shop's " +
      "day) the report of the last Z closed that day. A manager may name another till's drawer " +
      '(`tillId`).',
    z.object({ date: z.iso.date().optional(), tillId: drawerTillIdSchema }).strict(),
    z.object({ report: dayReportViewSchema, zNumber: z.number().int().nullable() }),
  ),
  'day.close': procedure(
    'user',
    'Closes the shift: the cash counted by denomination, a reason for any difference, dealer ' +
      'balances entered by hand where the carrier cannot be asked. A manager, or a clerk with a ' +
      "manager's name and PIN. Issues the numbered, chained Z report. A manager may close " +
      "another till's drawer (`tillId`: a counter gone with its shift open), its Z in that " +
      "till's chain.",
    z
      .object({
        tillId: drawerTillIdSchema,
        counted: z.array(countedLineInputSchema).max(64),
        reason: reasonSchema.optional(),
        dealerBalances: z.array(dealerBalanceInputSchema).max(64).optional(),
        manager: managerApprovalSchema.optional(),
      })
      .strict(),
    z.object({ z: zReportViewSchema }),
  ),
  'day.list': procedure(
    'user',
    'The Z reports, newest first.',
    noInput,
    z.object({ reports: z.array(zReportViewSchema) }),
  ),
  'day.get': procedure(
    'user',
    'One Z report.',
    z.object({ zNumber: z.number().int().positive() }).strict(),
    z.object({ z: zReportViewSchema }),
  ),
  'day.export': procedure(
    'user',
    'A Z report for the accountant: CSV (its sales, and its summary; UTF-8 with BOM), or PDF ' +
      "(the Z report on 80 mm paper and on A4). A manager, or a clerk with a manager's name and PIN.",
    z
      .object({
        zNumber: z.number().int().positive().optional(),
        date: z.iso.date().optional(),
        format: z.enum(['csv', 'pdf']),
        manager: managerApprovalSchema.optional(),
      })
      .strict()
      .refine((input) => (input.zNumber === undefined) !== (input.date === undefined), {
        error: 'Give a Z number or a date, not both',
      }),
    z.object({
      files: z.array(z.object({ name: z.string(), mediaType: z.string(), base64: z.string() })),
    }),
  ),
  'day.print': procedure(
    'manager',
    'Prints a Z report on a printer (the default one if none is named): the first print is ' +
      'the original, every later one is marked COPY.',
    z.object({ zNumber: z.number().int().positive(), printer: printerChoiceSchema }).strict(),
    z.object({
      zNumber: z.number().int(),
      printerId: z.string(),
      /** The printer's name, as the shop set it up: what the manager is told. */
      printerName: z.string(),
      /** The PDF file written, for a PDF printer. */
      file: z.string().nullable(),
      /** Whether this print was marked COPY (the original was printed before). */
      copy: z.boolean(),
    }),
  ),
  'day.printXReport': procedure(
    'user',
    'Prints the X report of the open shift (not a closing; changes nothing) on a printer (the ' +
      'default one if none is named).',
    z.object({ printer: printerChoiceSchema }).strict(),
    z.object({
      printerId: z.string(),
      /** The printer's name, as the shop set it up: what the manager is told. */
      printerName: z.string(),
      /** The PDF file written, for a PDF printer. */
      file: z.string().nullable(),
    }),
  ),
  'day.getShopTotal': procedure(
    'manager',
    "The shop's day (YYYY-MM-DD, the shop's day) on the hub: every till's Z reports of that day " +
      'summed, per till and for the shop, and the drawers still open.',
    z.object({ date: z.iso.date() }).strict(),
    shopDayTotalSchema,
  ),
};
