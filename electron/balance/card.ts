/**
 * A card as the card page shows it: its renewals and balance checks, newest first, the usage
 * rate they show, for a departure date what to sell for the rest of the stay, and whether its
 * recent top-ups cost more than one larger plan would have.
 */
import type { BalanceCheckView, CardView, PlanOffer, StayUsage } from '../../shared/balance';
import { wallClockAt, wallClockToInstant } from '../../shared/local-time';
import type { SaleView } from '../../shared/sale';
import type { Card } from './card-carrier';
import { BalanceError } from './errors';
import { recommendPlan, type Stay } from './recommendation';
import { type Bought, upgradeAdvice } from './upgrade';
import { DAY_MS, estimateUsage, type Reading } from './usage';

/**
 * The stay left from `now` until the end of `departureDate` ("YYYY-MM-DD", the shop's calendar).
 * Throws BalanceError when that day is already past.
 */
export function stayUntil(departureDate: string, now: Date, timeZone: string): Stay {
  const [year = 0, month = 0, day = 0] = departureDate.split('-').map(Number);
  const today = wallClockAt(now, timeZone);
  const daysLeft = Math.round(
    (Date.UTC(year, month - 1, day) - Date.UTC(today.year, today.month - 1, today.day)) / DAY_MS,
  );
  if (daysLeft < 0) {
    throw new BalanceError('departure_passed', `${departureDate} is already past`);
  }
  const departureEnd = wallClockToInstant(
    { year, month, day, hour: 23, minute: 59, second: 59 },
    timeZone,
  );
  return { now: now.toISOString(), departureEnd: departureEnd.toISOString(), daysLeft };
}

/**
 * The latest reading with what the renewals sold since added: their data, and their validity
 * from the day they were sold. Only a top-up the carrier confirmed counts.
 */
export function withRenewalsSince(
  latest: Reading | null,
  sales: readonly SaleView[],
): Reading | null {
  if (!latest) return null;
  const since = sales.filter(
    (sale) => sale.status === 'succeeded' && Date.parse(sale.createdAt) > Date.parse(latest.at),
  );
  return since.reduce<Reading>((reading, sale) => {
    const lasts = Date.parse(sale.createdAt) + sale.validityDays * DAY_MS;
    return {
      at: reading.at,
      remainingMb: reading.remainingMb + sale.dataMb,
      validUntil: new Date(Math.max(Date.parse(reading.validUntil), lasts)).toISOString(),
    };
  }, latest);
}

/** The carrier's plans as offers, priced in its currency. */
export function planOffers(profile: Card['profile']): PlanOffer[] {
  return profile.plans.map(({ id, name, dataMb, validityDays, price }) => ({
    id,
    name,
    dataMb,
    validityDays,
    price: { amount: price, currency: profile.currency },
  }));
}

/** The top-ups the carrier confirmed: money spent and data given. */
export function boughtOf(sales: readonly SaleView[]): Bought[] {
  return sales
    .filter((sale) => sale.status === 'succeeded')
    .map((sale) => ({ at: sale.createdAt, dataMb: sale.dataMb, price: sale.price }));
}

/** The rate a stay is planned with: the card's own when its checks give one, else the shop's. */
export function stayUsage(usage: CardView['usage'], typical: StayUsage): StayUsage {
  return usage ? { mbPerDay: usage.mbPerDay, basis: { kind: 'card' } } : typical;
}

/** What a check read of the card; null for a check that read no balance. */
export function readingOf(check: BalanceCheckView): Reading | null {
  if (check.outcome !== 'ok' || check.remainingMb === null || check.validUntil === null) {
    return null;
  }
  return {
    at: check.receivedAt ?? check.askedAt,
    remainingMb: check.remainingMb,
    validUntil: check.validUntil,
  };
}

export function cardView(
  card: Card,
  history: { sales: SaleView[]; checks: BalanceCheckView[] },
  context: { stay: Stay | null; typicalUsage: StayUsage; now: string },
): CardView {
  const { profile, customer } = card;
  const readings = history.checks.flatMap((check) => readingOf(check) ?? []);
  // A sale not failed may have added data: the interval it falls in is not usage.
  const renewals = history.sales
    .filter((sale) => sale.status !== 'failed')
    .map((sale) => ({ at: sale.createdAt }));
  const usage = estimateUsage(readings, renewals);
  const latest = [...readings].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0] ?? null;
  const plans = planOffers(profile);
  const { stay, typicalUsage } = context;
  return {
    msisdn: customer.e164,
    display: customer.display,
    carrierId: profile.id,
    currency: profile.currency,
    renewals: history.sales,
    checks: history.checks,
    usage,
    typicalUsage,
    recommendation: stay
      ? recommendPlan(
          plans,
          stayUsage(usage, typicalUsage),
          withRenewalsSince(latest, history.sales),
          stay,
        )
      : null,
    upgrade: upgradeAdvice(boughtOf(history.sales), plans, context.now, null),
  };
}
