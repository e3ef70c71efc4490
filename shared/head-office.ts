import { z } from 'zod';
import { carrierProfileSchema } from './carrier';
import { currencyCodeSchema } from './currencies';
import { saleStatuses } from './sale';

/**
 * A chain of shops and its head office (`comptoir hq serve` over PostgreSQL). Each shop stays the
 * source of truth for its own books: every fact that matters to them is written to the shop's
 * outbox in the same SQLite transaction as the fact itself, sent up in order, stored once at the
 * head office (`ON CONFLICT DO NOTHING` on the fact's id) and acknowledged by a high-water mark.
 * Down the other way come versioned, effective-dated catalog changes. This file is the wire
 * between the two: both ends validate with these schemas.
 */

// ---------------------------------------------------------------------------------------------
// Fact ids: UUIDv7, time-ordered (RFC 9562), monotonic within a shop.

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const factIdSchema = z.string().regex(uuidPattern);

/** The millisecond timestamp a UUIDv7 carries. */
export function uuidv7Time(id: string): number {
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

/**
 * The next UUIDv7 after `previous` (null: none yet) at `nowMs`, with `random` (10 bytes) for its
 * random bits. The 12 bits after the version are a counter (RFC 9562, method 1): within one
 * millisecond, or when the clock steps back, the id takes the previous one's time and counter
 * plus one, so ids sort in the order they were made and the outbox's order is its ids' order.
 */
export function nextUuidv7(previous: string | null, nowMs: number, random: Uint8Array): string {
  if (random.length < 10) throw new RangeError('nextUuidv7 needs 10 random bytes');
  let time = Math.max(0, Math.floor(nowMs));
  let counter = (random[0] ?? 0) & 0x07; // a small random start leaves room to count up
  if (previous !== null) {
    const previousTime = uuidv7Time(previous);
    const previousCounter = Number.parseInt(previous.slice(15, 18), 16);
    if (time <= previousTime) {
      time = previousTime;
      counter = previousCounter + 1;
      if (counter > 0xfff) {
        // 4096 facts in one millisecond: borrow the next millisecond.
        time += 1;
        counter = 0;
      }
    }
  }
  const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
  const bytes = [...random.subarray(1, 10)].map((byte) => hex(byte, 2)).join('');
  const variant = (0x8 | ((random[1] ?? 0) & 0x3)).toString(16);
  const timeHex = hex(time, 12);
  return [
    timeHex.slice(0, 8),
    timeHex.slice(8, 12),
    `7${hex(counter, 3)}`,
    `${variant}${bytes.slice(2, 5)}`,
    bytes.slice(5, 17),
  ].join('-');
}

// ---------------------------------------------------------------------------------------------
// Facts: what goes up. Each kind's payload is what the head office needs to keep the chain's
// books and check each shop's chains; amounts are integer minor units of `currency`, instants
// are ISO 8601 UTC as the shop stored them.

const instant = z.string().min(20).max(40);
const minor = z.number().int();
const tillId = z.string().min(8).max(64).nullable();
const hash = z.string().regex(/^[0-9a-f]{64}$/);

/** A chained record (receipt, Z report, period closure, audit event) as the shop stored it. */
const chained = {
  /** The till (device) whose chain it is; null for the hub's own till. */
  tillId,
  number: z.number().int().positive(),
  /** The stored content, parsed: its hash is checked with the shop's own chain functions. */
  content: z.record(z.string(), z.unknown()),
  hash,
  prevHash: hash,
};

export const factPayloads = {
  /**
   * A sale reaching `unknown` (pending verification), `succeeded` or `failed`; a pending sale
   * resolved later sends a second fact with its final status and who resolved it.
   */
  sale: z.object({
    saleId: z.number().int().positive(),
    status: z.enum(saleStatuses).extract(['succeeded', 'failed', 'unknown']),
    tillId,
    clerkId: z.number().int(),
    clerkName: z.string().max(80),
    carrierId: z.string().max(40),
    planId: z.string().max(40),
    planName: z.string().max(80),
    price: minor,
    dealerCost: minor,
    taxRate: z.number().int().nullable(),
    currency: currencyCodeSchema,
    paymentMethod: z.enum(['cash', 'card', 'other']),
    /** The modem (dealer SIM) that sent it, if it was sent. */
    modemId: z.string().max(80).nullable(),
    dealerBalanceAfter: minor.nullable(),
    soldAt: instant,
    at: instant,
    /** Who moved a pending sale to its final status (null when the carrier's answer did). */
    resolvedBy: z.string().max(80).nullable(),
  }),
  receipt: z.object({ ...chained, saleId: z.number().int().positive(), issuedAt: instant }),
  refund: z.object({
    saleId: z.number().int().positive(),
    tillId,
    amount: minor.positive(),
    currency: currencyCodeSchema,
    method: z.enum(['cash', 'card', 'other']),
    reason: z.string().max(400),
    at: instant,
  }),
  cashMovement: z.object({
    shiftId: z.number().int().positive(),
    tillId,
    kind: z.enum(['in', 'out']),
    amount: minor.positive(),
    currency: currencyCodeSchema,
    reason: z.string().max(200),
    actorId: z.number().int(),
    at: instant,
  }),
  /** A dealer SIM's balance as the shop learnt it (after a top-up, a reading, a balance check). */
  dealerBalance: z.object({
    modemId: z.string().max(80),
    carrierId: z.string().max(40),
    amount: minor,
    currency: currencyCodeSchema,
    /** The shop's alert threshold for this SIM's float, null when it has none. */
    alertBelow: minor.nullable(),
    at: instant,
  }),
  zReport: z.object({ ...chained, shiftId: z.number().int().positive(), issuedAt: instant }),
  periodClosure: z.object({
    ...chained,
    kind: z.enum(['month', 'year']),
    period: z.string().max(10),
    closedAt: instant,
  }),
  audit: z.object({
    ...chained,
    kind: z.string().max(80),
    actor: z.string().max(80).nullable(),
    at: instant,
  }),
  /**
   * The shop's own check of its books, sent after each day close and at each start: per till,
   * the head of its receipt chain and the hashes of receipts it holds now, so a receipt changed
   * at the shop after it went up shows at the head office as a different hash for its number.
   */
  booksCheck: z.object({
    at: instant,
    tills: z.array(
      z.object({
        tillId,
        receipts: z.array(z.object({ number: z.number().int().positive(), hash })).max(5_000),
      }),
    ),
  }),
} as const;

export type FactKind = keyof typeof factPayloads;
export const factKinds = Object.keys(factPayloads) as FactKind[];

export type FactPayload<K extends FactKind> = z.output<(typeof factPayloads)[K]>;

/** One fact as the outbox keeps it and the wire carries it. */
export const factSchema = z.discriminatedUnion(
  'kind',
  factKinds.map((kind) =>
    z.object({ id: factIdSchema, kind: z.literal(kind), payload: factPayloads[kind] }).strict(),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
);

export type Fact = { [K in FactKind]: { id: string; kind: K; payload: FactPayload<K> } }[FactKind];
/** A fact before the outbox gives it its id. */
export type NewFact = { [K in FactKind]: { kind: K; payload: FactPayload<K> } }[FactKind];

// ---------------------------------------------------------------------------------------------
// The wire (HTTPS; plain HTTP only to a loopback address). Under `/hq/v1/`; the shop's calls
// after enrolment carry `Authorization: Bearer <credential>`.

export const headOfficeWire = {
  enrol: '/hq/v1/enrol',
  facts: '/hq/v1/facts',
  catalog: '/hq/v1/catalog',
} as const;

/** The most facts in one batch, and the most bytes of its JSON body. */
export const batchLimits = { facts: 500, bytes: 1_000_000 } as const;

export const enrolmentCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-HJ-NP-Z2-9]{4}-?[A-HJ-NP-Z2-9]{4}-?[A-HJ-NP-Z2-9]{4}$/);

export const enrolRequestSchema = z
  .object({
    code: enrolmentCodeSchema,
    /** What this Comptoir is, for the head office's list (version, host name). */
    software: z.string().max(80),
    /**
     * The shop's own time zone and currency (its profile): the head office enrols it only when
     * its row has the same, before using the code up. An older shop sends neither, and is
     * enrolled as before.
     */
    zone: z.string().max(64).optional(),
    currency: currencyCodeSchema.optional(),
  })
  .strict();

export const enrolResponseSchema = z
  .object({
    shopId: z.uuid(),
    name: z.string().max(80),
    zone: z.string().max(64),
    currency: currencyCodeSchema,
    managed: z.boolean(),
    /** The shop's secret from now on: sent as a bearer token, kept sealed, shown once. */
    credential: z.string().min(32).max(128),
  })
  .strict();

export const factBatchSchema = z
  .object({
    facts: z.array(factSchema).min(1).max(batchLimits.facts),
    /** Facts still waiting at the shop after this batch, and the catalog version it runs. */
    backlog: z.number().int().nonnegative(),
    catalogVersion: z.number().int().nonnegative(),
  })
  .strict();

/** Every fact of the batch is stored; the shop marks its outbox sent up to `highWater`. */
export const factAckSchema = z
  .object({ highWater: factIdSchema, stored: z.number().int() })
  .strict();

// ---------------------------------------------------------------------------------------------
// The catalog: what comes down.

/** A local wall time, `YYYY-MM-DDTHH:mm`, read in each shop's own zone. */
export const localDateTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);

/**
 * When the head office published a change (UTC): a change takes effect neither before it was
 * published nor before its time, so a shop receiving several at once applies them in the order
 * they took effect at the head office (an "at once" correction after a dated price stays last).
 * Absent from a head office that does not send it.
 */
const publishedAt = z.iso.datetime({ offset: true }).optional();

export const catalogChangeSchema = z.discriminatedUnion('kind', [
  z
    .object({
      version: z.number().int().positive(),
      kind: z.literal('carrierProfile'),
      /** The whole profile (plans and prices included), validated as the shop's editor does. */
      profile: carrierProfileSchema,
      /** When it applies in each shop's zone; null: as soon as the shop has it. */
      effectiveFrom: localDateTimeSchema.nullable(),
      publishedAt,
    })
    .strict(),
  z
    .object({
      version: z.number().int().positive(),
      kind: z.literal('shopSettings'),
      settings: z
        .object({
          /** Whether the shop may edit its carrier profiles and prices itself. */
          managed: z.boolean(),
        })
        .strict(),
      effectiveFrom: localDateTimeSchema.nullable(),
      publishedAt,
    })
    .strict(),
]);

export type CatalogChange = z.output<typeof catalogChangeSchema>;

/** `GET /hq/v1/catalog?since=V`: the changes for this shop after version V, in order. */
export const catalogPullSchema = z
  .object({
    changes: z.array(catalogChangeSchema),
    /** The newest version for this shop (V when nothing changed). */
    version: z.number().int().nonnegative(),
  })
  .strict();

export type CatalogPull = z.output<typeof catalogPullSchema>;

// ---------------------------------------------------------------------------------------------
// What the shop's manager sees of it.

/** One problem with a value, as the API's issues give it (shared/api/errors.ts `ApiIssue`). */
export const issueSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const syncStatusSchema = z.object({
  /** Null until a manager enrols the shop. */
  headOffice: z
    .object({
      url: z.string(),
      shopId: z.string(),
      shopName: z.string(),
      enrolledAt: z.string(),
      /** The head office's certificate fingerprint the shop pins (SHA-256), null on loopback HTTP or a CA-signed certificate. */
      fingerprint: z.string().nullable(),
    })
    .nullable(),
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.object({ at: z.string(), code: z.string(), message: z.string() }).nullable(),
  /** Facts written and not yet acknowledged. */
  backlog: z.number().int().nonnegative(),
  /** The oldest of them, when any: how long the shop has been out of touch. */
  oldestPendingAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  /**
   * A fact the head office refuses for good (its batch answered 400 naming it): the facts after
   * it wait behind it. Null once a batch goes through.
   */
  refusedFact: z
    .object({
      id: z.string(),
      kind: z.string(),
      /** When the shop wrote it. */
      recordedAt: z.string(),
      /** When the head office last refused it. */
      at: z.string(),
      /** The head office's reasons, their paths within the fact (`payload.reason`). */
      issues: z.array(issueSchema),
    })
    .nullable()
    .optional(),
  catalog: z.object({
    /**
     * The last version received, and the last one applied: every version below it is applied or
     * waiting for its time (a scheduled change), none stuck.
     */
    received: z.number().int().nonnegative(),
    applied: z.number().int().nonnegative(),
    /** Carrier profiles and prices are the head office's: the shop cannot edit them. */
    managed: z.boolean(),
    scheduled: z.array(
      z.object({ version: z.number().int(), kind: z.string(), effectiveFrom: z.string() }),
    ),
    /**
     * A change due that could not be applied (tried again each minute): the ones after it wait.
     * `code` and `issues` are the carrier book's refusal, which the screen words (`issues`' paths
     * within the profile); `message`, in English, only for a failure it has no words for.
     */
    stuck: z
      .object({
        version: z.number().int(),
        kind: z.string(),
        message: z.string(),
        code: z.string().optional(),
        issues: z.array(issueSchema).optional(),
      })
      .nullable()
      .optional(),
  }),
});

export type SyncStatus = z.output<typeof syncStatusSchema>;

/**
 * What a head-office check found wrong in a shop's chain as its facts arrived. `sale_reused`: a
 * sale id the head office holds for another sale (a shop restored from an old backup), found in
 * the shop's `sales`. `refund_repeated`: a second refund of a sale held as refunded already.
 */
export const chainFlagKinds = [
  'gap',
  'fork',
  'changed',
  'hash_mismatch',
  'sale_reused',
  'refund_repeated',
] as const;
export const chainNames = ['receipts', 'zReports', 'periodClosures', 'audit', 'sales'] as const;

/** hq serve marks the React app's page with this, and the app opens as the head office's. */
export const headOfficeRoleMeta = '<meta name="comptoir-role" content="head-office">';
