import { z } from 'zod';
import { balanceReadingSchema, cardSchema, typedMsisdnSchema } from '../balance';
import { moneySchema } from '../currencies';
import { languageSchema } from '../languages';
import { renewalRequestSchema, saleSchema, saleStatuses } from '../sale';
import { shopProfileSchema } from '../shop';

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

export const roleSchema = z.enum(['clerk', 'manager']);

export const userSchema = z.object({ id: z.number().int(), name: z.string(), role: roleSchema });

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
    'The carriers the shop sells, with their plans and prices.',
    noInput,
    z.object({
      carriers: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          currency: z.string(),
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
    'manager',
    'Verification of an unknown sale by a manager: succeeded, or failed (refunded), with why.',
    z
      .object({
        id: z.number().int().positive(),
        outcome: z.enum(['succeeded', 'failed']),
        reason: z.string().trim().min(3).max(200),
      })
      .strict(),
    z.object({ sale: saleSchema }),
  ),
  'receipts.get': procedure(
    'user',
    'One receipt as issued: its text (80 mm), its HTML, its hash chain link and reprint count.',
    z.object({ number: z.number().int().positive() }).strict(),
    z.object({
      number: z.number().int(),
      saleId: z.number().int(),
      text: z.string(),
      html: z.string(),
      hash: z.string(),
      prevHash: z.string(),
      copies: z.number().int(),
    }),
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
