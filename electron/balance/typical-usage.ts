/**
 * How much data the shop's customers typically use a day: what a card checked only once (or
 * never) is planned with. Pure: the recent readings and renewals of the shop's cards come in, a
 * rate and where it comes from come out.
 */
import type { BalanceCheckView, StayUsage } from '../../shared/balance';
import type { SaleView } from '../../shared/sale';
import { readingOf } from './card';
import { DAY_MS, estimateUsage, type Reading } from './usage';

/**
 * The checks counted: those of the last 90 days. A season of tourists, long enough to gather
 * cards in a small shop, short enough to follow what customers do now.
 */
export const TYPICAL_USAGE_WINDOW_DAYS = 90;

/** Below this many cards with a rate of their own, a median says little: the default is used. */
export const TYPICAL_USAGE_MINIMUM_CARDS = 5;

/**
 * The shop's default, until enough cards were checked twice: 300 MB a day, a traveller's maps,
 * messages and photos without video streaming (1 Go lasts about three days).
 */
export const DEFAULT_MB_PER_DAY = 300;

/** One card's checks and renewals within the window. */
export interface CardTrack {
  readings: readonly Reading[];
  renewals: readonly { at: string }[];
}

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/**
 * The median MB a day of the cards whose checks give a rate of their own (checked twice or more,
 * far enough apart, as estimateUsage reads them); the shop's default while fewer than
 * TYPICAL_USAGE_MINIMUM_CARDS do. A median, so that one heavy streamer does not make every
 * tourist buy 20 Go.
 */
export function typicalUsage(cards: readonly CardTrack[]): StayUsage {
  const rates = cards
    .flatMap((card) => estimateUsage(card.readings, card.renewals)?.mbPerDay ?? [])
    .sort((a, b) => a - b);
  const windowDays = TYPICAL_USAGE_WINDOW_DAYS;
  if (rates.length < TYPICAL_USAGE_MINIMUM_CARDS) {
    return {
      mbPerDay: DEFAULT_MB_PER_DAY,
      basis: {
        kind: 'default',
        cards: rates.length,
        minimumCards: TYPICAL_USAGE_MINIMUM_CARDS,
        windowDays,
      },
    };
  }
  return { mbPerDay: median(rates), basis: { kind: 'shop', cards: rates.length, windowDays } };
}

/**
 * The shop's typical usage now, from its stores: the checks of the window of the cards read
 * twice or more in it, and those cards' sales not failed (a renewal between two readings is not
 * usage).
 */
export function shopTypicalUsage(deps: {
  readTwiceSince(since: string): BalanceCheckView[];
  salesOf(msisdn: string): SaleView[];
  now: () => Date;
}): StayUsage {
  const since = new Date(deps.now().getTime() - TYPICAL_USAGE_WINDOW_DAYS * DAY_MS).toISOString();
  const readings = new Map<string, Reading[]>();
  for (const check of deps.readTwiceSince(since)) {
    const reading = readingOf(check);
    if (reading) readings.set(check.msisdn, [...(readings.get(check.msisdn) ?? []), reading]);
  }
  return typicalUsage(
    [...readings].map(([msisdn, cardReadings]) => ({
      readings: cardReadings,
      renewals: deps
        .salesOf(msisdn)
        .filter((sale) => sale.status !== 'failed')
        .map((sale) => ({ at: sale.createdAt })),
    })),
  );
}
