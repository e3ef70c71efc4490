import type { ChainReport, ZFigures } from '../../shared/api/hq-contract/reports';

type Totals = ChainReport['totals'][number];

/** What can be said of a till's Zs of a day beside what the head office counted of it. */
export type Comparison =
  /** The same sales, takings, refunds, net and dealer cost, currency by currency. */
  | 'same'
  /** Not the same: a fact still to arrive, or a refund of another day's sale, can explain it. */
  | 'notSame'
  /** The till sold that day and no Z of that day has arrived: its shift may close after midnight. */
  | 'noZ'
  /** A Z's shift opened another day: it counts more than this day, so no comparison. */
  | 'otherDay'
  /** A Z carries no figures, or does not say when its shift opened. */
  | 'unknown';

interface ZOfDay {
  tillId: string;
  figures: ZFigures | null;
  shiftOpenedAt: string | null;
}

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

function sameFigures(figures: readonly ZFigures[], counted: readonly Totals[]): boolean {
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
  return [...currencies].every((currency) => said.get(currency) === arrived.get(currency));
}

/**
 * A shop's day till by till ('' the hub's): each till with a Z of that day or a sale counted
 * that day, in the order of its Zs then of the tills that sold, with its Zs, what the head
 * office counted of its day, and what can be said of the two. The head office counts a sale on
 * the day it was made and files a Z under the day it was issued, so a Z is compared only when
 * its shift opened that same day (`dayOf` gives an instant's day in the shop's zone).
 */
export function tillDays<Z extends ZOfDay>(
  day: string,
  zReports: readonly Z[],
  tills: readonly { tillId: string; totals: Totals[] }[],
  dayOf: (instant: string) => string,
): { tillId: string; zReports: Z[]; counted: Totals[]; comparison: Comparison }[] {
  const ids = [...new Set([...zReports.map((z) => z.tillId), ...tills.map((till) => till.tillId)])];
  return ids.map((tillId) => {
    const ofTill = zReports.filter((z) => z.tillId === tillId);
    const counted = tills.find((till) => till.tillId === tillId)?.totals ?? [];
    return { tillId, zReports: ofTill, counted, comparison: compare(day, ofTill, counted, dayOf) };
  });
}

function compare(
  day: string,
  zReports: readonly ZOfDay[],
  counted: readonly Totals[],
  dayOf: (instant: string) => string,
): Comparison {
  if (zReports.length === 0) return 'noZ';
  const figures = zReports.flatMap((z) => (z.figures ? [z.figures] : []));
  if (figures.length < zReports.length) return 'unknown';
  if (zReports.some((z) => z.shiftOpenedAt === null)) return 'unknown';
  if (zReports.some((z) => z.shiftOpenedAt !== null && dayOf(z.shiftOpenedAt) !== day)) {
    return 'otherDay';
  }
  return sameFigures(figures, counted) ? 'same' : 'notSame';
}
