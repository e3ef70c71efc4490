import { z } from 'zod';
import { languageSchema } from '../languages';
import { shopProfileSchema } from '../shop';

interface Procedure<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  description: string;
}

function procedure<I extends z.ZodType, O extends z.ZodType>(
  description: string,
  input: I,
  output: O,
): Procedure<I, O> {
  return { description, input, output };
}

const noInput = z.object({}).strict();

/**
 * Every procedure the interface can call, named `area.verb`. Both transports (Electron IPC and
 * HTTP) and the renderer's client are built from this one declaration.
 */
export const procedures = {
  'app.info': procedure(
    'What is running: version, demo mode, default language.',
    noInput,
    z.object({ version: z.string(), demo: z.boolean(), defaultLanguage: languageSchema }),
  ),
  'shop.get': procedure(
    'The shop profile, or null before it is first saved.',
    noInput,
    z.object({ profile: shopProfileSchema.nullable() }),
  ),
  'shop.update': procedure(
    'Validates and saves the whole shop profile.',
    shopProfileSchema,
    z.object({ profile: shopProfileSchema }),
  ),
};

/** Events pushed to every connected interface. */
export const events = {
  'shop.updated': z.object({ profile: shopProfileSchema }),
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
