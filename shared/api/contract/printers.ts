import { z } from 'zod';
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
};
