/**
 * Did a pending sale's top-up reach the card? Read from a balance check made after the sale,
 * the latest one from before it, and the plan's data and validity. Pure: readings in, verdict
 * out. A carrier extends a card's validity to at least the plan's days from the top-up and
 * nothing else moves it forward; data only rises with a top-up, but the customer's use lowers it.
 */
import type { CardReading, TopUpVerdict } from '../../shared/pending-sale';
import type { SaleStatus } from '../../shared/sale';
import { DAY_MS } from '../balance/usage';

/**
 * A carrier counts validity to the end of a day of its own calendar, from the day of the top-up
 * or the next one: a day's slack keeps a top-up that landed from reading as short.
 */
const VALIDITY_SLACK_MS = DAY_MS;

interface PendingSale {
  id: number;
  createdAt: string;
  validityDays: number;
}

/** Any sale of the same card: one not failed may have moved its data and validity too. */
interface CardSale {
  id: number;
  status: SaleStatus;
  createdAt: string;
}

const ms = (instant: string) => Date.parse(instant);

export function judgeTopUp(input: {
  sale: PendingSale;
  /** The latest reading taken at or before the sale, if any. */
  before: CardReading | null;
  /** The reading taken after the sale. */
  after: CardReading;
  salesOfCard: readonly CardSale[];
}): TopUpVerdict {
  const { sale, before, after } = input;
  const expected = ms(sale.createdAt) + sale.validityDays * DAY_MS - VALIDITY_SLACK_MS;
  const verdict = (v: TopUpVerdict['verdict'], why: TopUpVerdict['why']): TopUpVerdict => ({
    verdict: v,
    why,
    before,
    after,
    expectedValidUntil: new Date(expected).toISOString(),
  });
  // Another top-up only pushes validity further: short of the plan's, this one did not land.
  if (ms(after.validUntil) < expected) return verdict('not_landed', 'validity_short');
  if (before === null) return verdict('cannot_tell', 'no_reading_before');
  const between = input.salesOfCard.some(
    (other) =>
      other.id !== sale.id &&
      other.status !== 'failed' &&
      ms(other.createdAt) > ms(before.at) &&
      ms(other.createdAt) <= ms(after.at),
  );
  if (between) return verdict('cannot_tell', 'other_top_up');
  if (ms(before.validUntil) < expected) return verdict('landed', 'validity_extended');
  if (after.remainingMb > before.remainingMb) return verdict('landed', 'data_went_up');
  return verdict('cannot_tell', 'data_not_up');
}
