/**
 * Whose reply a carrier's SMS is. A balance query that timed out may still be answered, late;
 * that answer must never be taken for the reply to the next query sent to the same number.
 *
 * - A reply that names its card (its pattern captures (?<msisdn>…)) answers the query for that
 *   card, or settles the timed-out query for it, or is nobody's business.
 * - A reply that does not name its card is taken, in order, for the replies still owed: the
 *   carrier answers its queries one after another, so the oldest owed reply comes first.
 */

export type ReplyVerdict =
  /** The answer to the query waiting now. */
  | { kind: 'answer' }
  /** The late reply to a timed-out query: `settles` is its place among the owed ones. */
  | { kind: 'late'; settles: number }
  /** About a card nobody is asking about. */
  | { kind: 'other' };

/**
 * @param subject the card the reply names (E.164), or null when it names none
 * @param asking the card of the query waiting now on this modem and number, or null
 * @param owed the cards of the timed-out queries still owed a reply, oldest first
 */
export function judgeReply(
  subject: string | null,
  asking: string | null,
  owed: readonly string[],
): ReplyVerdict {
  if (subject !== null) {
    if (subject === asking) return { kind: 'answer' };
    const settles = owed.indexOf(subject);
    return settles >= 0 ? { kind: 'late', settles } : { kind: 'other' };
  }
  if (owed.length > 0) return { kind: 'late', settles: 0 };
  return asking === null ? { kind: 'other' } : { kind: 'answer' };
}
