import type { Money } from '../../shared/currencies';
import type { PerpetualTotals } from '../../shared/period';

/**
 * The perpetual grand total and count a Z carries: never reset, the previous Z's plus this
 * one's net takings and receipts. Pure: the shift book reads the figures, this adds them.
 */

/** What the Zs before this one add up to. */
export interface PerpetualBefore {
  /** The previous Z's own perpetual totals, when it carries them. */
  previous: PerpetualTotals | undefined;
  /** Otherwise, from its predecessors: the net takings of every earlier Z… */
  earlierNets: () => readonly Money[];
  /** …and the receipts issued up to the previous Z. */
  earlierReceipts: () => number;
}

/**
 * This Z's perpetual totals. The first Z issued with them (after an update, with Zs before it)
 * counts the past from the Zs themselves, so the grand total covers every sale since the first day.
 */
export function nextPerpetual(
  before: PerpetualBefore,
  net: Money,
  receipts: number,
): PerpetualTotals {
  const past = before.previous ?? {
    grandTotal: {
      amount: before.earlierNets().reduce((total, each) => safeSum(total, each.amount), 0),
      currency: net.currency,
    },
    count: before.earlierReceipts(),
  };
  return {
    grandTotal: { amount: safeSum(past.grandTotal.amount, net.amount), currency: net.currency },
    count: past.count + receipts,
  };
}

function safeSum(a: number, b: number): number {
  const total = a + b;
  if (!Number.isSafeInteger(total)) {
    throw new RangeError(`The grand total would pass ${Number.MAX_SAFE_INTEGER} minor units`);
  }
  return total;
}
