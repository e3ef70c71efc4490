/**
 * A carrier profile: everything Comptoir knows about a carrier, as data (DESIGN: "carriers are
 * data"). Its plans and prices, the USSD script of a top-up and how to read its answer, the SMS
 * balance query and how to read the reply, the dealer-balance code. Shipped in
 * resources/carriers/*.json, editable by a manager; this schema is the only gate.
 *
 * Environment-free (zod, libphonenumber-js's country list, RegExp): the renderer validates a
 * profile being edited with the same schema the main process loads it with. Refinements carry
 * their code in `params.reason`, so `issuesFromZod` turns them into translatable field errors.
 */
import { getCountries } from 'libphonenumber-js';
import { z } from 'zod';
import { amountInputSchema, currencyCodeSchema } from './currencies';
import { taxRateSchema } from './tax';
import { singleLineText } from './text';

const countries = new Set<string>(getCountries());

// ---------------------------------------------------------------------------------------------
// Templates: literal text and {placeholders}.

/** What a top-up step may contain: the customer number, the plan's menu choice, the dealer PIN. */
const topUpPlaceholders = ['msisdn', 'planChoice', 'pin'] as const;

/** What the balance query text may contain. A PIN never goes into an SMS. */
const balanceQueryPlaceholders = ['msisdn'] as const;

type TemplatePart = { literal: string } | { placeholder: string };

/** Splits "*123*{msisdn}#" into literal text and placeholders; null when a brace is unbalanced. */
export function templateParts(template: string): TemplatePart[] | null {
  const parts: TemplatePart[] = [];
  const token = /\{(\w+)\}|([^{}]+)|([{}])/g;
  for (const match of template.matchAll(token)) {
    if (match[3] !== undefined) return null;
    if (match[1] !== undefined) parts.push({ placeholder: match[1] });
    else if (match[2] !== undefined) parts.push({ literal: match[2] });
  }
  return parts;
}

/** Digits, *, # and +: what a USSD code or menu reply may hold (electron/gsm/ussd.ts). */
const USSD_CHARACTERS = /^[0-9*#+]*$/;

// ---------------------------------------------------------------------------------------------
// Patterns: regular expressions as source strings, with the named groups they must capture.

/** Flags a pattern may carry: i, m, s, u, each once. g and y are stateful and refused. */
const patternFlags = z
  .string()
  .refine((flags) => /^[imsu]*$/.test(flags) && new Set(flags).size === flags.length, {
    params: { reason: 'invalid_flags' },
  });

/** Compiles a pattern, or null when the source is not a regular expression. */
export function compilePattern(source: string, flags = ''): RegExp | null {
  try {
    return new RegExp(source, flags);
  } catch {
    return null;
  }
}

/** The names of the named groups of a regular expression. */
export function groupNames(pattern: RegExp): Set<string> {
  // An empty alternative makes it match "", and every group name shows up in `groups`.
  const probe = new RegExp(`(?:${pattern.source})|`, pattern.flags).exec('');
  return new Set(Object.keys(probe?.groups ?? {}));
}

interface PatternFields {
  pattern: string;
  flags?: string | undefined;
}

/**
 * Checks that a pattern compiles, has the groups it must have, and cannot match an empty answer:
 * a silent timeout gives an empty text, and no pattern may ever read meaning into silence.
 */
function checkPattern(required: readonly string[]) {
  return (value: PatternFields, context: z.RefinementCtx) => {
    const compiled = compilePattern(value.pattern, value.flags);
    if (!compiled) {
      context.addIssue({
        code: 'custom',
        path: ['pattern'],
        message: 'Not a valid regular expression',
        params: { reason: 'invalid_pattern' },
      });
      return;
    }
    const names = groupNames(compiled);
    for (const group of required) {
      if (!names.has(group)) {
        context.addIssue({
          code: 'custom',
          path: ['pattern'],
          message: `The pattern must capture a named group (?<${group}>…)`,
          params: { reason: 'missing_group', group },
        });
      }
    }
    if (compiled.test('') || compiled.test(' ')) {
      context.addIssue({
        code: 'custom',
        path: ['pattern'],
        message: 'The pattern matches an empty answer',
        params: { reason: 'matches_empty' },
      });
    }
  };
}

const patternSource = z.string().min(1).max(1000);

// ---------------------------------------------------------------------------------------------
// Dates as the carrier writes them: "DD/MM/YYYY HH:mm", "YYYY年M月D日", "[le] D/M/YY".

export type DateToken = 'YYYY' | 'YY' | 'MM' | 'M' | 'DD' | 'D' | 'HH' | 'H' | 'mm' | 'ss';
type DateFormatPart = { token: DateToken } | { literal: string };

// Tokens first (longest first), then [literal text], then runs of other characters; a lone
// Y, m, s or an unclosed [ is left for the last alternative, and refused.
const dateTokens = /YYYY|YY|MM|M|DD|D|HH|H|mm|ss|\[[^\]]*\]|[^YMDHms[]+|[\s\S]/g;
const fieldOf: Readonly<Record<DateToken, string>> = {
  YYYY: 'year',
  YY: 'year',
  MM: 'month',
  M: 'month',
  DD: 'day',
  D: 'day',
  HH: 'hour',
  H: 'hour',
  mm: 'minute',
  ss: 'second',
};

/**
 * Reads a date format: tokens YYYY YY MM M DD D HH H mm ss, text in [brackets] or any other
 * character taken literally. Null unless it has a year, a month and a day, each once, and a
 * minute only with an hour, a second only with a minute.
 */
export function parseDateFormat(format: string): DateFormatPart[] | null {
  const parts: DateFormatPart[] = [];
  const seen = new Set<string>();
  for (const [piece] of format.matchAll(dateTokens)) {
    if (Object.hasOwn(fieldOf, piece)) {
      const field = fieldOf[piece as DateToken];
      if (seen.has(field)) return null;
      seen.add(field);
      parts.push({ token: piece as DateToken });
    } else if (/^[Yms[]$/.test(piece)) {
      return null;
    } else {
      const literal = piece.startsWith('[') ? piece.slice(1, -1) : piece;
      if (literal !== '') parts.push({ literal });
    }
  }
  const complete = seen.has('year') && seen.has('month') && seen.has('day');
  const ordered =
    (!seen.has('minute') || seen.has('hour')) && (!seen.has('second') || seen.has('minute'));
  return complete && ordered ? parts : null;
}

// ---------------------------------------------------------------------------------------------
// The profile.

const slug = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value), {
      params: { reason: 'invalid_id' },
    });

const region = (reason: string) =>
  z.string().refine((value) => countries.has(value), { params: { reason } });

/** Integer minor units of the profile's currency (XPF: francs; EUR: cents). */
const minorUnits = amountInputSchema;

const timeoutMs = z.number().int().min(1_000).max(600_000);

/** A menu choice or code as the dealer keys it in: "2", "*2#". */
const ussdText = z
  .string()
  .min(1)
  .max(40)
  .refine((value) => USSD_CHARACTERS.test(value), { params: { reason: 'ussd_characters' } });

export const carrierPlanSchema = z
  .object({
    id: slug(40),
    name: singleLineText(40).pipe(z.string().min(1)),
    dataMb: z.number().int().positive(),
    validityDays: z.number().int().positive().max(3660),
    /** Retail price to the customer. */
    price: minorUnits,
    /** What the top-up takes from the dealer's balance at the carrier. */
    dealerCost: minorUnits,
    /**
     * The tax included in the price (TGC in New Caledonia), in basis points: 1100 is 11 %. 0 for a
     * plan sold without tax, and for profiles saved before plans had a rate.
     */
    taxRate: taxRateSchema.default(0),
    /** What is keyed in the top-up menu for this plan ({planChoice}). */
    ussdChoice: ussdText,
  })
  .strict();

function checkTemplate(
  template: string,
  allowed: readonly string[],
  context: z.RefinementCtx,
  path: (string | number)[],
  literalCharacters: RegExp | null,
) {
  const parts = templateParts(template);
  if (!parts) {
    context.addIssue({
      code: 'custom',
      path,
      message: 'A { or } without its pair',
      params: { reason: 'unbalanced_brace' },
    });
    return;
  }
  for (const part of parts) {
    if ('placeholder' in part && !allowed.includes(part.placeholder)) {
      context.addIssue({
        code: 'custom',
        path,
        message: `Unknown placeholder {${part.placeholder}}; known: ${allowed.map((name) => `{${name}}`).join(' ')}`,
        params: { reason: 'unknown_placeholder', placeholder: part.placeholder },
      });
    }
    if ('literal' in part && literalCharacters && !literalCharacters.test(part.literal)) {
      context.addIssue({
        code: 'custom',
        path,
        message: 'A USSD step may only hold digits, *, # and + besides its placeholders',
        params: { reason: 'ussd_characters' },
      });
    }
  }
}

function placeholdersOf(templates: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const template of templates) {
    for (const part of templateParts(template) ?? []) {
      if ('placeholder' in part) names.add(part.placeholder);
    }
  }
  return names;
}

function requirePlaceholders(
  templates: readonly string[],
  required: readonly string[],
  context: z.RefinementCtx,
  path: (string | number)[],
) {
  const present = placeholdersOf(templates);
  for (const placeholder of required) {
    if (!present.has(placeholder)) {
      context.addIssue({
        code: 'custom',
        path,
        message: `The template never uses {${placeholder}}`,
        params: { reason: 'missing_placeholder', placeholder },
      });
    }
  }
}

/** Why a carrier refused a top-up; a definite refusal, so the sale is failed (and refunded). */
export const topUpFailureReasons = [
  'insufficient_dealer_balance',
  'unknown_number',
  'wrong_pin',
  'unknown_plan',
  'refused',
] as const;
export type TopUpFailureReason = (typeof topUpFailureReasons)[number];

const topUpSchema = z
  .object({
    /** The first step is dialled (the service code), the others answer the menus in turn. */
    steps: z.array(z.string().min(1).max(160)).min(1).max(12),
    /**
     * The answer of a top-up done: (?<reference>…), optionally (?<dealerBalance>…), and maybe
     * (?<msisdn>…): the card topped up, so that an answer that comes late, while the next
     * top-up on the modem waits, is never taken for that one's (electron/sales/answer-owner.ts).
     */
    success: z
      .object({ pattern: patternSource, flags: patternFlags.optional() })
      .strict()
      .superRefine(checkPattern(['reference'])),
    /** Refusals; like the success pattern, each may capture (?<msisdn>…), the card refused. */
    failures: z
      .array(
        z
          .object({
            pattern: patternSource,
            flags: patternFlags.optional(),
            reason: z.enum(topUpFailureReasons),
          })
          .strict()
          .superRefine(checkPattern([])),
      )
      .max(50),
    /** How long each step may wait for the network's answer. */
    timeoutMs,
  })
  .strict()
  .superRefine((topUp, context) => {
    topUp.steps.forEach((step, index) => {
      checkTemplate(step, topUpPlaceholders, context, ['steps', index], USSD_CHARACTERS);
    });
    requirePlaceholders(topUp.steps, ['msisdn', 'planChoice'], context, ['steps']);
  });

/** Data units as the carrier writes them, in megabytes each: {"Go": 1024, "Mo": 1}. */
const unitTable = z
  .record(z.string().min(1).max(16), z.number().positive().max(1e9))
  .refine((units) => Object.keys(units).length > 0, { params: { reason: 'no_units' } });

export const balanceReplyPatternSchema = z
  .object({
    /**
     * Captures (?<remaining>…) (a number, "3,2" or "3.2"), (?<validUntil>…), maybe (?<unit>…),
     * and maybe (?<msisdn>…): the card the reply is about, so that a late reply to a query that
     * timed out is never taken for the answer to the next one.
     */
    pattern: patternSource,
    flags: patternFlags.optional(),
    units: unitTable,
    /** The unit of `remaining` when the pattern has no (?<unit>…) or it captured nothing. */
    defaultUnit: z.string().min(1).max(16).optional(),
    /** How (?<validUntil>…) is written, e.g. "DD/MM/YYYY HH:mm"; local time of the carrier. */
    validUntilFormat: z
      .string()
      .min(1)
      .max(60)
      .refine((format) => parseDateFormat(format) !== null, {
        params: { reason: 'invalid_date_format' },
      }),
    /** The time of day meant when the format has none ("valid until 30/11": its end). */
    timeIfAbsent: z
      .string()
      .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/)
      .default('23:59'),
  })
  .strict()
  .superRefine(checkPattern(['remaining', 'validUntil']))
  .superRefine((reply, context) => {
    const compiled = compilePattern(reply.pattern, reply.flags);
    const hasUnitGroup = compiled !== null && groupNames(compiled).has('unit');
    if (reply.defaultUnit !== undefined && !Object.hasOwn(reply.units, reply.defaultUnit)) {
      context.addIssue({
        code: 'custom',
        path: ['defaultUnit'],
        message: 'The default unit is not one of the units',
        params: { reason: 'unknown_unit' },
      });
    }
    if (compiled && !hasUnitGroup && reply.defaultUnit === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['defaultUnit'],
        message: 'Without a (?<unit>…) group, the unit of the remaining data must be given',
        params: { reason: 'missing_unit' },
      });
    }
  });

/** Why a balance query was answered without a balance. */
export const balanceFailureReasons = ['unknown_number', 'refused'] as const;

const balanceQuerySchema = z
  .object({
    /** The short code or number the query goes to: "4012". */
    smsNumber: z.string().regex(/^\+?[0-9]{2,20}$/),
    /** "CXLL {msisdn}". */
    text: singleLineText(160).pipe(z.string().min(1)),
    /** Tried in order; the first that matches and reads gives the balance. */
    replyPatterns: z.array(balanceReplyPatternSchema).min(1).max(20),
    /** Answers without a balance; like the reply patterns, they may capture (?<msisdn>…). */
    failures: z
      .array(
        z
          .object({
            pattern: patternSource,
            flags: patternFlags.optional(),
            reason: z.enum(balanceFailureReasons),
          })
          .strict()
          .superRefine(checkPattern([])),
      )
      .max(20)
      .default([]),
    timeoutMs,
  })
  .strict()
  .superRefine((query, context) => {
    checkTemplate(query.text, balanceQueryPlaceholders, context, ['text'], null);
    requirePlaceholders([query.text], ['msisdn'], context, ['text']);
  });

const dealerBalanceSchema = z
  .object({
    /** The code dialled: "*100#". */
    ussd: ussdText,
    /** Captures (?<balance>…), an amount as the carrier writes it ("250 000"). */
    pattern: patternSource,
    flags: patternFlags.optional(),
    timeoutMs,
  })
  .strict()
  .superRefine(checkPattern(['balance']));

/**
 * The SMS a carrier sends when a top-up is done. It may confirm a sale left `unknown` (sent, no
 * definite answer): only when it names the card and the carrier's reference.
 */
const topUpConfirmationSchema = z
  .object({
    /** The number it comes from: "4000". */
    smsFrom: z.string().regex(/^\+?[0-9]{2,20}$/),
    /** Captures (?<msisdn>…), the card topped up, and (?<reference>…), the carrier's reference. */
    pattern: patternSource,
    flags: patternFlags.optional(),
  })
  .strict()
  .superRefine(checkPattern(['msisdn', 'reference']));

/**
 * A mobile network's code, MCC-MNC: 546-01. A SIM's IMSI starts with its network's digits, so
 * a modem found with its SIM is matched to the carrier that runs that network.
 */
export const mccMncSchema = z
  .string()
  .regex(/^[0-9]{3}-[0-9]{2,3}$/, 'must be a network code MCC-MNC such as 546-01');

/** How {msisdn} is written: "271234" (national), "687271234", "+687271234". */
export const msisdnFormats = ['national', 'international-digits', 'e164'] as const;

export const carrierProfileSchema = z
  .object({
    id: slug(40),
    name: singleLineText(80).pipe(z.string().min(1)),
    /** ISO 3166 alpha-2. */
    country: region('unknown_country'),
    currency: currencyCodeSchema,
    /** The libphonenumber-js region customer numbers belong to: "NC". */
    numberRegion: region('unknown_region'),
    msisdnFormat: z.enum(msisdnFormats),
    /**
     * `valid`: the number is in a range libphonenumber-js knows is allocated. `possible`: only
     * its length is checked, for ranges newer than the library's metadata (and made-up demo
     * numbers).
     */
    numberValidation: z.enum(['valid', 'possible']).default('valid'),
    /** The carrier's networks (MCC-MNC): its dealer SIMs' IMSIs start with one of them. */
    networks: z.array(mccMncSchema).max(20).default([]),
    plans: z.array(carrierPlanSchema).min(1).max(100),
    topUp: topUpSchema,
    balanceQuery: balanceQuerySchema,
    dealerBalance: dealerBalanceSchema,
    topUpConfirmation: topUpConfirmationSchema.optional(),
  })
  .strict()
  .superRefine((profile, context) => {
    const ids = new Set<string>();
    const choices = new Set<string>();
    profile.plans.forEach((plan, index) => {
      if (ids.has(plan.id)) {
        context.addIssue({
          code: 'custom',
          path: ['plans', index, 'id'],
          message: `Another plan already has the id ${plan.id}`,
          params: { reason: 'duplicate_plan', id: plan.id },
        });
      }
      if (choices.has(plan.ussdChoice)) {
        context.addIssue({
          code: 'custom',
          path: ['plans', index, 'ussdChoice'],
          message: `Another plan is already chosen with ${plan.ussdChoice}`,
          params: { reason: 'duplicate_choice', choice: plan.ussdChoice },
        });
      }
      ids.add(plan.id);
      choices.add(plan.ussdChoice);
    });
  });

/** A profile as written in a file (defaults not applied). */
export type CarrierProfileInput = z.input<typeof carrierProfileSchema>;
/** A validated profile. */
export type CarrierProfile = z.output<typeof carrierProfileSchema>;
export type CarrierPlan = z.output<typeof carrierPlanSchema>;
export type BalanceReplyPattern = z.output<typeof balanceReplyPatternSchema>;
