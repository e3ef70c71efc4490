import { z } from 'zod';
import { balanceFailureReasons } from './carrier';
import { moneySchema } from './currencies';
import { saleSchema } from './sale';

/** Why the carrier's reply to a balance query gave no balance (the text is kept). */
const unreadableReplyReasons = [
  ...balanceFailureReasons,
  'unrecognised_reply',
  'unreadable_data',
  'unreadable_date',
] as const;

/** How a balance check ended: a balance read, no reply in time, or a reply without a balance. */
export const balanceCheckOutcomes = ['ok', 'timeout', ...unreadableReplyReasons] as const;
export type BalanceCheckOutcome = (typeof balanceCheckOutcomes)[number];

/** One balance check of a card, as stored. Instants are ISO 8601 UTC. */
export const balanceCheckSchema = z.object({
  id: z.number().int(),
  msisdn: z.string(),
  carrierId: z.string(),
  modemId: z.string(),
  outcome: z.enum(balanceCheckOutcomes),
  askedAt: z.string(),
  /** Data left, in MB (1 GB = 1024 MB); null unless the outcome is `ok`. */
  remainingMb: z.number().int().nonnegative().nullable(),
  validUntil: z.string().nullable(),
  /** The carrier's reply as received; null when none came in time. */
  text: z.string().nullable(),
  receivedAt: z.string().nullable(),
});
export type BalanceCheckView = z.output<typeof balanceCheckSchema>;

/** A check that read a balance: what `balance.check` answers. */
export const balanceReadingSchema = balanceCheckSchema.extend({
  outcome: z.literal('ok'),
  remainingMb: z.number().int().nonnegative(),
  validUntil: z.string(),
  text: z.string(),
  receivedAt: z.string(),
});
export type BalanceReadingView = z.output<typeof balanceReadingSchema>;

/** A customer number as the clerk types it; the carrier's rules check it on the other side. */
export const typedMsisdnSchema = z.string().max(40);

/** The usage rate read from successive checks. */
export const usageSchema = z.object({
  mbPerDay: z.number().nonnegative(),
  /** The days of observation the rate rests on (intervals with a renewal are left out). */
  observedDays: z.number().positive(),
  from: z.string(),
  to: z.string(),
});
export type Usage = z.output<typeof usageSchema>;

export const planOfferSchema = z.object({
  id: z.string(),
  name: z.string(),
  dataMb: z.number().int(),
  validityDays: z.number().int(),
  price: moneySchema,
});
export type PlanOffer = z.output<typeof planOfferSchema>;

/**
 * Where the usage rate a stay is planned with comes from. `card`: the card's own checks. `shop`:
 * the median rate of the shop's cards checked twice or more (`cards` of them) within the last
 * `windowDays`. `default`: the shop's default rate, while fewer than `minimumCards` such cards
 * exist.
 */
export const usageBasisSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('card') }),
  z.object({
    kind: z.literal('shop'),
    cards: z.number().int().positive(),
    windowDays: z.number().int().positive(),
  }),
  z.object({
    kind: z.literal('default'),
    cards: z.number().int().nonnegative(),
    minimumCards: z.number().int().positive(),
    windowDays: z.number().int().positive(),
  }),
]);
export type UsageBasis = z.output<typeof usageBasisSchema>;

/** A usage rate with where it comes from. */
export const stayUsageSchema = z.object({
  mbPerDay: z.number().nonnegative(),
  basis: usageBasisSchema,
});
export type StayUsage = z.output<typeof stayUsageSchema>;

/**
 * What to sell for the customer's stay. `enough`: what is left covers the stay. `plan`: the
 * smallest plan that covers it, or when none does (`coversStay` false), the one that comes
 * closest. `stayMb`: the data the rest of the stay needs at the usage rate; `remainingMb`: what is
 * left now, by the same rate; `usage`: that rate, the card's own or the shop's typical one.
 */
const stayFields = {
  daysLeft: z.number().int().nonnegative(),
  stayMb: z.number().int().nonnegative(),
  remainingMb: z.number().int().nonnegative(),
  usage: stayUsageSchema,
};

export const recommendationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('enough'), ...stayFields }),
  z.object({
    kind: z.literal('plan'),
    ...stayFields,
    plan: planOfferSchema,
    coversStay: z.boolean(),
  }),
]);
export type Recommendation = z.output<typeof recommendationSchema>;

/**
 * A larger plan that would have cost less than the card's top-ups of the last `windowDays`
 * (`renewals` of them, the sale being confirmed included when `withSale`), bought over `days`
 * days: `paid` for `dataMb` in all, where `plan` alone lasts those days, holds as much data and
 * costs `saving` less.
 */
export const upgradeAdviceSchema = z.object({
  renewals: z.number().int().min(2),
  withSale: z.boolean(),
  days: z.number().int().positive(),
  windowDays: z.number().int().positive(),
  paid: moneySchema,
  dataMb: z.number().int().positive(),
  plan: planOfferSchema,
  saving: moneySchema,
});
export type UpgradeAdvice = z.output<typeof upgradeAdviceSchema>;

export const cardSchema = z.object({
  /** "+687123456". */
  msisdn: z.string(),
  /** "+687 12 34 56". */
  display: z.string(),
  carrierId: z.string(),
  currency: z.string(),
  renewals: z.array(saleSchema),
  checks: z.array(balanceCheckSchema),
  usage: usageSchema.nullable(),
  /** The rate a card without its own is planned with: the shop's customers' typical usage. */
  typicalUsage: stayUsageSchema,
  /** Null until a departure date is given. */
  recommendation: recommendationSchema.nullable(),
  /** Null unless the card's recent top-ups cost more than one larger plan would have. */
  upgrade: upgradeAdviceSchema.nullable(),
});
export type CardView = z.output<typeof cardSchema>;
