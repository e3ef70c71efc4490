import { z } from 'zod';
import { balanceReadingSchema, cardSchema, typedMsisdnSchema } from '../balance';
import { carrierProfileSchema, msisdnFormats } from '../carrier';
import { moneySchema } from '../currencies';
import {
  cashMovementInputSchema,
  countedLineSchema,
  dayReportSchema,
  dealerBalanceInputSchema,
  managerApprovalSchema,
  reasonSchema,
  shiftSchema,
  zReportSchema,
} from '../day';
import { languageSchema } from '../languages';
import { dealerPinSchema, modemIdSchema, modemSettingsSchema } from '../modem-bank';
import { printerSetupSchema } from '../printer';
import { renewalRequestSchema, saleSchema, saleStatuses } from '../sale';
import { shopProfileSchema } from '../shop';
import { roleSchema, userSchema } from '../user';

/**
 * Who may call a procedure: anyone (`public`), a signed-in user, a manager, or `setup`: anyone
 * while the shop has no user yet (first run), a manager afterwards.
 */
export type Access = 'public' | 'user' | 'manager' | 'setup';

interface Procedure<I extends z.ZodType, O extends z.ZodType> {
  access: Access;
  input: I;
  output: O;
  description: string;
}

function procedure<I extends z.ZodType, O extends z.ZodType>(
  access: Access,
  description: string,
  input: I,
  output: O,
): Procedure<I, O> {
  return { access, description, input, output };
}

export { roleSchema, userSchema };

const userNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N} ._-]+$/u);

const pinSchema = z.string().regex(/^[0-9]{4,8}$/, { error: 'A PIN is 4 to 8 digits' });

const signedIn = z.object({ token: z.string(), user: userSchema });

const modemStatusSchema = z.object({
  id: z.string(),
  carrierId: z.string(),
  state: z.enum(['starting', 'idle', 'busy', 'offline']),
  simulated: z.boolean(),
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  registration: z.string().nullable(),
  operator: z.string().nullable(),
  signalBars: z.number().int().nullable(),
  problem: z.string().nullable(),
});

const configuredModemSchema = modemSettingsSchema.extend({
  /** Whether a dealer PIN is stored; the PIN itself never leaves the core. */
  hasDealerPin: z.boolean(),
});

const backupSchema = z.object({ file: z.string(), takenAt: z.string(), bytes: z.number().int() });

const dealerProblemSchema = z.object({ modemId: z.string(), problem: z.string() });

const noInput = z.object({}).strict();

/**
 * Every procedure the interface can call, named `area.verb`. Both transports (Electron IPC and
 * HTTP) and the renderer's client are built from this one declaration.
 */
export const procedures = {
  'app.info': procedure(
    'public',
    'What is running: version, demo mode, default language.',
    noInput,
    z.object({
      version: z.string(),
      demo: z.boolean(),
      defaultLanguage: languageSchema,
      /** False until the first manager is created (first run). */
      hasUsers: z.boolean(),
    }),
  ),
  'auth.setup': procedure(
    'public',
    'First run: creates the first manager and signs them in; refused once any user exists.',
    z.object({ name: userNameSchema, pin: pinSchema }).strict(),
    signedIn,
  ),
  'auth.login': procedure(
    'public',
    'Signs a user in with name and PIN; wrong PINs are rate-limited.',
    z.object({ name: userNameSchema, pin: pinSchema }).strict(),
    signedIn,
  ),
  'auth.logout': procedure('user', 'Ends this session.', noInput, z.object({})),
  'shop.get': procedure(
    'public',
    'The shop profile, or null before it is first saved.',
    noInput,
    z.object({ profile: shopProfileSchema.nullable() }),
  ),
  'shop.update': procedure(
    'setup',
    'Validates and saves the whole shop profile.',
    shopProfileSchema,
    z.object({ profile: shopProfileSchema }),
  ),
  'catalog.list': procedure(
    'user',
    'The carriers the shop sells: their plans and prices, and how their numbers are written.',
    noInput,
    z.object({
      carriers: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          currency: z.string(),
          /** How customer numbers are read (customerNumber), so the counter checks them as typed. */
          numberRegion: z.string(),
          msisdnFormat: z.enum(msisdnFormats),
          numberValidation: z.enum(['valid', 'possible']),
          plans: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              dataMb: z.number().int(),
              validityDays: z.number().int(),
              price: moneySchema,
            }),
          ),
        }),
      ),
    }),
  ),
  'sales.renew': procedure(
    'user',
    'Sells a renewal and tops the card up through the modem bank; answers once the sale is ' +
      'succeeded, failed (refunded) or unknown. Progress comes as sales.progress events.',
    renewalRequestSchema,
    z.object({ sale: saleSchema }),
  ),
  'sales.get': procedure(
    'user',
    'One sale.',
    z.object({ id: z.number().int().positive() }).strict(),
    z.object({ sale: saleSchema }),
  ),
  'sales.list': procedure(
    'user',
    'Sales, newest first (at most 500): between two instants, with a status, for a number.',
    z
      .object({
        from: z.iso.datetime().optional(),
        to: z.iso.datetime().optional(),
        status: z.enum(saleStatuses).optional(),
        msisdn: z
          .string()
          .regex(/^\+[0-9]{6,15}$/, { error: 'An international number such as +687271234' })
          .optional(),
      })
      .strict(),
    z.object({ sales: z.array(saleSchema) }),
  ),
  'sales.resolve': procedure(
    'user',
    "Verification of an unknown sale by a manager (or a clerk with a manager's name and PIN): " +
      'succeeded, or failed (refunded), with why.',
    z
      .object({
        id: z.number().int().positive(),
        outcome: z.enum(['succeeded', 'failed']),
        reason: reasonSchema,
        manager: managerApprovalSchema.optional(),
      })
      .strict(),
    z.object({ sale: saleSchema }),
  ),
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
    z
      .object({
        number: z.number().int().positive(),
        printer: z.string().min(1).max(64).optional(),
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
  'balance.check': procedure(
    'user',
    'Asks the card’s carrier by SMS what is left on it, through an idle modem of that carrier, ' +
      'and keeps the answer with the card. Errors: no_modem, carrier_timeout, carrier_reply ' +
      '(params: reason and the reply text).',
    z
      .object({
        msisdn: typedMsisdnSchema,
        /** Only when several carriers' numbers look alike and the card is new to the shop. */
        carrierId: z.string().max(40).optional(),
      })
      .strict(),
    balanceReadingSchema,
  ),
  'cards.get': procedure(
    'user',
    'A card: its renewals and balance checks (newest first), its usage rate, and for a ' +
      'departure date (the shop’s calendar), the smallest plan that covers the rest of the stay.',
    z
      .object({
        msisdn: typedMsisdnSchema,
        departureDate: z.iso.date().optional(),
        carrierId: z.string().max(40).optional(),
      })
      .strict(),
    cardSchema,
  ),
  'modems.list': procedure(
    'user',
    'The modem bank: each modem, its carrier and its state.',
    noInput,
    z.object({ modems: z.array(modemStatusSchema) }),
  ),
  'carriers.list': procedure(
    'manager',
    'The carrier profiles in service (shipped, or edited by the shop) and the files that failed to load.',
    noInput,
    z.object({
      carriers: z.array(
        z.object({ id: z.string(), name: z.string(), file: z.string(), edited: z.boolean() }),
      ),
      problems: z.array(z.object({ file: z.string(), message: z.string() })),
    }),
  ),
  'carriers.get': procedure(
    'manager',
    'One carrier profile, whole, to edit.',
    z.object({ id: z.string().min(1).max(40) }).strict(),
    z.object({ profile: carrierProfileSchema }),
  ),
  'carriers.save': procedure(
    'manager',
    'Validates a carrier profile and puts it in service at once, saved in the shop’s own folder ' +
      '(it then replaces the shipped profile of the same id).',
    z.object({ profile: carrierProfileSchema }).strict(),
    z.object({ profile: carrierProfileSchema }),
  ),
  'backups.list': procedure(
    'manager',
    'The automatic backups of the shop database, newest first (none in the demo).',
    noInput,
    z.object({ folder: z.string().nullable(), backups: z.array(backupSchema) }),
  ),
  'backups.create': procedure(
    'manager',
    'Takes a backup now (online: sales go on meanwhile), checked before it counts.',
    noInput,
    z.object({ backup: backupSchema }),
  ),
  'shifts.current': procedure(
    'user',
    'The open shift, if any; `stale` when it was opened on an earlier day (close it first).',
    noInput,
    z.object({ shift: shiftSchema.nullable(), stale: z.boolean() }),
  ),
  'shifts.open': procedure(
    'user',
    "Opens the shift with the float counted into the drawer, and reads each dealer SIM's " +
      'balance (or takes the ones entered by hand). Refused while a shift is open.',
    z
      .object({
        float: z.number().int().nonnegative().safe(),
        dealerBalances: z.array(dealerBalanceInputSchema).max(64).optional(),
      })
      .strict(),
    z.object({ shift: shiftSchema, dealerProblems: z.array(dealerProblemSchema) }),
  ),
  'shifts.dealerBalance': procedure(
    'user',
    "A dealer SIM's opening balance entered by hand, when the carrier could not be asked.",
    dealerBalanceInputSchema,
    z.object({ shift: shiftSchema }),
  ),
  'shifts.cashMovement': procedure(
    'user',
    'Cash put into or taken out of the drawer, with the reason.',
    cashMovementInputSchema,
    z.object({ shift: shiftSchema }),
  ),
  'day.report': procedure(
    'user',
    "The X report of the open shift (changes nothing), or with a date (YYYY-MM-DD, the shop's " +
      'day) the report of the last Z closed that day.',
    z.object({ date: z.iso.date().optional() }).strict(),
    z.object({ report: dayReportSchema, zNumber: z.number().int().nullable() }),
  ),
  'day.close': procedure(
    'user',
    'Closes the shift: the cash counted by denomination, a reason for any difference, dealer ' +
      'balances entered by hand where the carrier cannot be asked. A manager, or a clerk with a ' +
      "manager's name and PIN. Issues the numbered, chained Z report.",
    z
      .object({
        counted: z.array(countedLineSchema).max(64),
        reason: reasonSchema.optional(),
        dealerBalances: z.array(dealerBalanceInputSchema).max(64).optional(),
        manager: managerApprovalSchema.optional(),
      })
      .strict(),
    z.object({ z: zReportSchema }),
  ),
  'day.list': procedure(
    'user',
    'The Z reports, newest first.',
    noInput,
    z.object({ reports: z.array(zReportSchema) }),
  ),
  'day.get': procedure(
    'user',
    'One Z report.',
    z.object({ zNumber: z.number().int().positive() }).strict(),
    z.object({ z: zReportSchema }),
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
    z
      .object({
        zNumber: z.number().int().positive(),
        printer: z.string().min(1).max(64).optional(),
      })
      .strict(),
    z.object({
      zNumber: z.number().int(),
      printerId: z.string(),
      /** The PDF file written, for a PDF printer. */
      file: z.string().nullable(),
      /** Whether this print was marked COPY (the original was printed before). */
      copy: z.boolean(),
    }),
  ),
  'day.printX': procedure(
    'user',
    'Prints the X report of the open shift (not a closing; changes nothing) on a printer (the ' +
      'default one if none is named).',
    z.object({ printer: z.string().min(1).max(64).optional() }).strict(),
    z.object({
      printerId: z.string(),
      /** The PDF file written, for a PDF printer. */
      file: z.string().nullable(),
    }),
  ),
  'modems.settings': procedure(
    'manager',
    'The real modems configured for the bank (ports, carriers, whether a dealer PIN is set).',
    noInput,
    z.object({ modems: z.array(configuredModemSchema) }),
  ),
  'modems.save': procedure(
    'manager',
    "Adds or changes a real modem: its port, its dealer SIM's carrier and dealer PIN (required " +
      'for a new modem, kept when left out). The bank reopens it at once.',
    modemSettingsSchema.extend({ dealerPin: dealerPinSchema.optional() }).strict(),
    z.object({ modem: configuredModemSchema }),
  ),
  'modems.remove': procedure(
    'manager',
    'Takes a modem out of the bank (after its current top-up) and forgets its dealer PIN.',
    z.object({ id: modemIdSchema }).strict(),
    z.object({}),
  ),
  'modems.ports': procedure(
    'manager',
    'The serial ports of this machine, with a name that survives replugging where there is one.',
    noInput,
    z.object({
      ports: z.array(
        z.object({
          path: z.string(),
          stablePath: z.string().nullable(),
          manufacturer: z.string().nullable(),
          vendorId: z.string().nullable(),
          productId: z.string().nullable(),
        }),
      ),
    }),
  ),
};

/** Events pushed to every connected interface. */
export const events = {
  'shop.updated': z.object({ profile: shopProfileSchema }),
  'sales.progress': z.object({ sale: saleSchema }),
  'modems.status': z.object({ modems: z.array(modemStatusSchema) }),
};

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
export type ProcedureInput<N extends ProcedureName> = z.input<Procedures[N]['input']>;
export type ProcedureOutput<N extends ProcedureName> = z.output<Procedures[N]['output']>;
/** What a handler receives: the input after validation. */
export type ValidInput<N extends ProcedureName> = z.output<Procedures[N]['input']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isProcedureName(name: string): name is ProcedureName {
  return Object.hasOwn(procedures, name);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
