import { z } from 'zod';
import { managerApprovalSchema, reasonSchema } from '../../day';
import { printerSetupSchema } from '../../printer';
import { noInput, procedure } from './procedure';

/** The printer a print goes to, by id; the shop's default one when left out. */
export const printerChoiceSchema = z.string().min(1).max(64).optional();

export const printers = {
  'printers.list': procedure(
    'user',
    'The shop’s receipt printers and the default one.',
    noInput,
    printerSetupSchema,
  ),
  'printers.save': procedure(
    'manager',
    'Validates and saves the whole list of printers and the default one.',
    printerSetupSchema,
    printerSetupSchema,
  ),
  'printers.openDrawer': procedure(
    'user',
    "Opens the cash drawer without a sale: a manager (or a clerk with a manager's name and " +
      'PIN), with why; logged once the printer took the pulse. The named printer, else the ' +
      'default one if it has a drawer, else the first printer with one.',
    z
      .object({
        reason: reasonSchema,
        printer: printerChoiceSchema,
        manager: managerApprovalSchema.optional(),
      })
      .strict(),
    z.object({ printerId: z.string(), openedAt: z.string() }),
  ),
};
