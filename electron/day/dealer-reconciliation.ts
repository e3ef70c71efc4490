import type { DayReport } from '../../shared/day';
import type { ReadingFact, SaleFact } from './report';

type DealerReading = NonNullable<DayReport['dealer'][number]['opening']>;

/** A dealer SIM's line of the day report, without the report's money shape or its names. */
export interface DealerReconciliation {
  movement: number | null;
  expected: number;
  difference: number | null;
  explaining: number[];
  beforeOpening: number;
}

/**
 * What a dealer SIM should have moved between its opening and closing balances, and what it
 * did. A top-up sold before the opening balance was read is already out of that balance (the
 * day's window starts at the previous close, not at the reading): counting it again would show
 * a difference on a SIM that moved exactly as expected, so it is only counted apart. Without an
 * opening reading there is no movement to compare, and every top-up of the window is expected.
 * Sales that may explain a difference are the window's unknown ones and those settled by hand,
 * even from before the reading: an unknown top-up may have landed after it.
 * `plus` is the report's exact addition (it refuses sums past the safe integers).
 */
export function reconcileDealerSim(
  sales: readonly Pick<SaleFact, 'id' | 'status' | 'createdAt' | 'dealerCost' | 'resolvedByHand'>[],
  opening: Pick<DealerReading, 'amount' | 'at'> | null,
  closing: Pick<ReadingFact, 'amount'> | null,
  plus: (a: number, b: number) => number,
): DealerReconciliation {
  let expected = 0;
  let beforeOpening = 0;
  const explaining: number[] = [];
  for (const sale of sales) {
    if (sale.status === 'unknown' || sale.resolvedByHand) explaining.push(sale.id);
    if (sale.status !== 'succeeded') continue;
    if (opening !== null && sale.createdAt < opening.at) {
      beforeOpening += 1;
      continue;
    }
    expected = plus(expected, sale.dealerCost);
  }
  const movement = opening && closing ? plus(opening.amount, -closing.amount) : null;
  return {
    movement,
    expected,
    difference: movement === null ? null : plus(movement, -expected),
    explaining,
    beforeOpening,
  };
}
