import { z } from 'zod';

/**
 * The audit trail: every sensitive act, who did it, when, at which till, and what it changed
 * (before and after), in an append-only log whose entries are chained by their hash like the
 * receipts. Kinds are `area.act`; the Audit page words each one in the shop's language.
 */
export const auditKinds = [
  'auth.signed_in',
  'auth.signed_out',
  'auth.wrong_pin',
  'users.added',
  'users.removed',
  'users.role_changed',
  'users.unlocked',
  'prices.changed',
  'carriers.changed',
  'shop.changed',
  'receipts.reprinted',
  'sales.refunded',
  'sales.resolved',
  'drawer.opened',
  'exports.made',
  'backups.made',
  'backups.restored',
  'day.closed',
  'day.reprinted',
  'periods.closed',
  'periods.reprinted',
  'archives.created',
  'archives.policy_changed',
  'modems.changed',
  'printers.changed',
  'permissions.changed',
  'counters.network_changed',
  'counters.code_created',
  'counters.paired',
  'counters.revoked',
  'tills.drawers_changed',
  'sync.enrolled',
] as const;
export const auditKindSchema = z.enum(auditKinds);
export type AuditKind = (typeof auditKinds)[number];

/** One entry of the trail as stored and shown. */
export const auditEventSchema = z.object({
  /** 1, 2, 3… per till, without gaps. */
  seq: z.number().int().positive(),
  at: z.string(),
  deviceId: z.string(),
  tillName: z.string(),
  kind: auditKindSchema,
  /** Who did it, as the books write an actor (`manager:3`), null when nobody is known. */
  actor: z.string().nullable(),
  /** Their name when it was done (a wrong PIN names the name typed). */
  actorName: z.string().nullable(),
  /** The manager who approved it at a clerk's screen, by name; null otherwise. */
  approvedBy: z.string().nullable(),
  /** What it was done to: a receipt or Z number, a user, a carrier id, a file name… */
  subject: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  hash: z.string(),
  prevHash: z.string(),
});
export type AuditEvent = z.output<typeof auditEventSchema>;

/** Which entries the Audit page asks for: all filters optional, newest first. */
export const auditFilterSchema = z
  .object({
    kind: auditKindSchema.optional(),
    userId: z.number().int().positive().optional(),
    /** A shop's day, YYYY-MM-DD in its zone. */
    day: z.iso.date().optional(),
    /** Entries before this one (paging back). */
    beforeSeq: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type AuditFilter = z.output<typeof auditFilterSchema>;
