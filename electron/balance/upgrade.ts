/**
 * The advice a shop gives a customer who keeps buying small top-ups: which larger plan would have
 * cost less over the same days, and by how much. Pure: the card's top-ups, the carrier's plans,
 * the time and the plan being sold come in; advice or nothing comes out. Advice only: nothing
 * here refuses a sale.
 */
import type { PlanOffer, UpgradeAdvice } from '../../shared/balance';
import { DAY_MS } from './usage';

/** The top-ups looked at: those of the last 30 days, the validity of most travel plans. */
export const UPGRADE_WINDOW_DAYS = 30;

/** A top-up the card had: one the carrier confirmed (money spent, data given). */
export interface Bought {
  /** ISO 8601. */
  at: string;
  dataMb: number;
  price: PlanOffer['price'];
}

const byPrice = (a: PlanOffer, b: PlanOffer) =>
  a.price.amount - b.price.amount || b.dataMb - a.dataMb;

/**
 * Over the top-ups of the last UPGRADE_WINDOW_DAYS up to `now` (and `selling`, the plan about to
 * be sold, as one more at `now`), at least two: the cheapest plan larger than each of them that
 * alone holds all their data, lasts from the first of them to `now`, and costs less than they
 * did together. Top-ups in another currency than the plans' are left out.
 */
export function upgradeAdvice(
  bought: readonly Bought[],
  plans: readonly PlanOffer[],
  now: string,
  selling: PlanOffer | null,
): UpgradeAdvice | null {
  const currency = plans[0]?.price.currency;
  const end = Date.parse(now);
  const start = end - UPGRADE_WINDOW_DAYS * DAY_MS;
  const inWindow = [
    ...bought.filter((top) => {
      const at = Date.parse(top.at);
      return at > start && at <= end;
    }),
    ...(selling ? [{ at: now, dataMb: selling.dataMb, price: selling.price }] : []),
  ].filter((top) => top.price.currency === currency);
  if (currency === undefined || inWindow.length < 2) return null;

  const paid = inWindow.reduce((sum, top) => sum + top.price.amount, 0);
  const dataMb = inWindow.reduce((sum, top) => sum + top.dataMb, 0);
  const largest = Math.max(...inWindow.map((top) => top.dataMb));
  const first = Math.min(...inWindow.map((top) => Date.parse(top.at)));
  const days = Math.max(1, Math.ceil((end - first) / DAY_MS));
  const better = plans
    .filter(
      (plan) =>
        plan.dataMb > largest &&
        plan.dataMb >= dataMb &&
        plan.validityDays >= days &&
        plan.price.amount < paid,
    )
    .sort(byPrice)[0];
  if (!better) return null;
  return {
    renewals: inWindow.length,
    withSale: selling !== null,
    days,
    windowDays: UPGRADE_WINDOW_DAYS,
    paid: { amount: paid, currency },
    dataMb,
    plan: { ...better },
    saving: { amount: paid - better.price.amount, currency },
  };
}
