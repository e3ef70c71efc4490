import { z } from 'zod';
import { balanceReadingSchema } from './balance';
import { saleStatuses } from './sale';

/** What a balance reply said of a card at one instant. */
export const cardReadingSchema = z.object({
  /** When the carrier's reply came (ISO 8601). */
  at: z.string(),
  remainingMb: z.number().int().nonnegative(),
  validUntil: z.string(),
});
export type CardReading = z.output<typeof cardReadingSchema>;

/**
 * Whether a pending sale's top-up reached the card, as a balance check after it shows:
 * `landed`, `not_landed`, or `cannot_tell` when the readings cannot separate the two.
 */
export const topUpVerdicts = ['landed', 'not_landed', 'cannot_tell'] as const;

/**
 * Why: `validity_extended` the card's validity reached what the plan gives and was short of it
 * before the sale; `data_went_up` its data rose since the reading before the sale;
 * `validity_short` its validity is short of what the plan would have given; `no_reading_before`
 * no reading from before the sale, so what the card shows may be what it already had;
 * `other_top_up` another sale of the card lies between the readings; `data_not_up` the data did
 * not rise, which the customer's own use since the reading before may explain.
 */
export const topUpVerdictReasons = [
  'validity_extended',
  'data_went_up',
  'validity_short',
  'no_reading_before',
  'other_top_up',
  'data_not_up',
] as const;

export const topUpVerdictSchema = z.object({
  verdict: z.enum(topUpVerdicts),
  why: z.enum(topUpVerdictReasons),
  /** The latest reading from before the sale, if the card was ever checked before it. */
  before: cardReadingSchema.nullable(),
  after: cardReadingSchema,
  /** The validity a top-up of the plan made at the sale gives at the least. */
  expectedValidUntil: z.string(),
});
export type TopUpVerdict = z.output<typeof topUpVerdictSchema>;

/** What `sales.checkCard` answers: the balance read now, and what it says of the top-up. */
export const saleCardCheckSchema = z.object({
  check: balanceReadingSchema,
  verdict: topUpVerdictSchema,
});

/** What the carrier answered (a USSD answer, or its SMS), as the sale's transcript kept it. */
export const carrierReplySchema = z.object({
  at: z.string(),
  via: z.enum(['ussd', 'sms']),
  text: z.string(),
});
export type CarrierReply = z.output<typeof carrierReplySchema>;

/** One move of a sale with the carrier's replies that came with it. */
export const saleMoveRepliesSchema = z.object({
  from: z.enum(saleStatuses).nullable(),
  to: z.enum(saleStatuses),
  at: z.string(),
  replies: z.array(carrierReplySchema),
});
export type SaleMoveReplies = z.output<typeof saleMoveRepliesSchema>;
