/**
 * What to sell a customer for the rest of their stay. Pure: the carrier's plans, the usage rate
 * (the card's own, or the shop's typical one for a card checked once), the latest balance and
 * the stay come in, one recommendation comes out.
 *
 * One plan that covers the stay costs less than several small top-ups, so the answer is the
 * smallest plan whose data covers what the stay needs beyond what is left, and whose validity
 * lasts until the departure day. A top-up keeps the data left on the card and extends its
 * validity (as the carriers of the first market do).
 */
import type { PlanOffer, Recommendation, StayUsage } from '../../shared/balance';
import { DAY_MS, type Reading } from './usage';

export interface Stay {
  /** ISO 8601. */
  now: string;
  /** The last instant of the departure day in the shop's zone, ISO 8601. */
  departureEnd: string;
  /** Calendar days from today to the departure day, in the shop's zone. */
  daysLeft: number;
}

const cheaper = (a: PlanOffer, b: PlanOffer) => a.price.amount - b.price.amount;
const bySmallest = (a: PlanOffer, b: PlanOffer) => a.dataMb - b.dataMb || cheaper(a, b);
const byLargest = (a: PlanOffer, b: PlanOffer) => b.dataMb - a.dataMb || cheaper(a, b);
const byLongest = (a: PlanOffer, b: PlanOffer) =>
  b.validityDays - a.validityDays || byLargest(a, b);

/** The data left now: the latest reading, less what the rate says was used since, if valid. */
function remainingNow(latest: Reading | null, mbPerDay: number, now: number): number {
  if (!latest || Date.parse(latest.validUntil) <= now) return 0;
  const usedSince = (mbPerDay * Math.max(0, now - Date.parse(latest.at))) / DAY_MS;
  return Math.max(0, Math.floor(latest.remainingMb - usedSince));
}

export function recommendPlan(
  plans: readonly PlanOffer[],
  usage: StayUsage,
  latest: Reading | null,
  stay: Stay,
): Recommendation {
  const { daysLeft } = stay;
  const { mbPerDay } = usage;
  const now = Date.parse(stay.now);
  const departureEnd = Date.parse(stay.departureEnd);
  const stayMb = Math.ceil((mbPerDay * Math.max(0, departureEnd - now)) / DAY_MS);
  const remainingMb = remainingNow(latest, mbPerDay, now);
  const shortfall = Math.max(0, stayMb - remainingMb);
  const validityCovers = latest !== null && Date.parse(latest.validUntil) >= departureEnd;
  if (shortfall === 0 && validityCovers)
    return { kind: 'enough', daysLeft, stayMb, remainingMb, usage };

  const lastingEnough = plans.filter((plan) => plan.validityDays >= daysLeft);
  const covering = lastingEnough.filter((plan) => plan.dataMb >= shortfall).sort(bySmallest)[0];
  const closest =
    covering ?? [...lastingEnough].sort(byLargest)[0] ?? [...plans].sort(byLongest)[0];
  if (!closest) throw new Error('A carrier has at least one plan');
  return {
    kind: 'plan',
    daysLeft,
    stayMb,
    remainingMb,
    usage,
    plan: { ...closest },
    coversStay: covering !== undefined,
  };
}
