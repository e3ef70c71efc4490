import { z } from 'zod';
import { managerApprovalSchema } from '../../day';
import { checkPeriod, periodClosureSchema, periodKinds, periodShape } from '../../period';
import { printerChoiceSchema } from './printers';
import { procedure } from './procedure';

export const periods = {
  'periods.close': procedure(
    'user',
    'Closes a month or a year of the shop’s calendar: sums up its Z reports into the next ' +
      'numbered closure of its kind, chained to the previous one and never changed. Refused ' +
      '(conflict) before the period has ended, while a Z of the period is missing, or when it ' +
      'is closed already.',
    z
      .object({ ...periodShape, manager: managerApprovalSchema.optional() })
      .strict()
      .superRefine(checkPeriod),
    z.object({ closure: periodClosureSchema }),
  ),
  'periods.list': procedure(
    'manager',
    'The closures of a kind (both kinds when left out), newest first.',
    z.object({ kind: z.enum(periodKinds).optional() }).strict(),
    z.object({ closures: z.array(periodClosureSchema) }),
  ),
  'periods.get': procedure(
    'manager',
    'One closure; not_found when that period is not closed.',
    z.object(periodShape).strict().superRefine(checkPeriod),
    z.object({ closure: periodClosureSchema }),
  ),
  'periods.print': procedure(
    'manager',
    'Prints a closure on a printer (the default one if none is named): on a PDF printer an A4 ' +
      'document; the first print is the original, every later one is marked COPY.',
    z
      .object({ ...periodShape, printer: printerChoiceSchema })
      .strict()
      .superRefine(checkPeriod),
    z.object({
      printerId: z.string(),
      printerName: z.string(),
      /** The PDF file written, for a PDF printer. */
      file: z.string().nullable(),
      copy: z.boolean(),
    }),
  ),
};
