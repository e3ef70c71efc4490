import type { ChainReport, ZFigures } from '../../shared/api/hq-contract/reports';

type Totals = ChainReport['totals'][number];

/** Sales, takings, refunds, net and dealer cost, summed per currency (as one comparable text). */
function sums(lines: readonly { currency: string; values: number[] }[]): Map<string, string> {
  const sum = new Map<string, number[]>();
  for (const { currency, values } of lines) {
    const before = sum.get(currency) ?? values.map(() => 0);
    sum.set(
      currency,
      before.map((value, index) => value + (values[index] ?? 0)),
    );
  }
  return new Map([...sum].map(([currency, values]) => [currency, values.join()]));
}

/**
 * Whether the head office's count of a shop's day differs from what that day's Z reports say,
 * currency by currency: sales, takings, refunds, net and dealer cost. Null when it cannot tell:
 * a Z of the day carries no figures.
 */
export function dayDiffers(
  reports: readonly { figures: ZFigures | null }[],
  counted: readonly Totals[],
): boolean | null {
  const figures = reports.flatMap((report) => (report.figures ? [report.figures] : []));
  if (figures.length < reports.length) return null;
  const said = sums(
    figures.map((z) => ({
      currency: z.gross.currency,
      values: [z.sales, z.gross.amount, z.refunds.amount, z.net.amount, z.dealerCost.amount],
    })),
  );
  const arrived = sums(
    counted.map((day) => ({
      currency: day.amount.currency,
      values: [
        day.sales,
        day.amount.amount,
        day.refunded.amount,
        day.net.amount,
        day.dealerCost.amount,
      ],
    })),
  );
  const currencies = new Set([...said.keys(), ...arrived.keys()]);
  return [...currencies].some((currency) => said.get(currency) !== arrived.get(currency));
}
