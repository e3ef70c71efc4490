import type { Till } from '../../shared/counters';
import type { CurrencyCode } from '../../shared/currencies';
import type { ShopDayTotal, ZReport } from '../../shared/day';
import { localDate } from '../../shared/local-time';

type Figures = ShopDayTotal['totals'];

/** a + b, refused past the largest exact amount as the day report refuses it. */
function plus(a: number, b: number): number {
  const total = a + b;
  if (!Number.isSafeInteger(total)) throw new Error('The shop’s day total is too large');
  return total;
}

const add = (a: Figures, b: Figures): Figures => ({
  sales: a.sales + b.sales,
  gross: { ...a.gross, amount: plus(a.gross.amount, b.gross.amount) },
  refunds: { ...a.refunds, amount: plus(a.refunds.amount, b.refunds.amount) },
  net: { ...a.net, amount: plus(a.net.amount, b.net.amount) },
  counted: { ...a.counted, amount: plus(a.counted.amount, b.counted.amount) },
});

const figuresOf = (z: ZReport, currency: CurrencyCode): Figures => ({
  sales: z.report.totals.sales,
  gross: z.report.totals.gross,
  refunds: z.report.totals.refunds,
  net: z.report.totals.net,
  counted: z.report.count?.total ?? { amount: 0, currency },
});

/**
 * The shop's day total: each till's Z reports issued on that day in the shop's zone, summed per
 * till and for the shop, with the drawers still open. Pure: the drawers' books are read first.
 */
export function shopDayTotal(
  tills: readonly { till: Till; open: string | null; reports: readonly ZReport[] }[],
  day: { date: string; timeZone: string; currency: CurrencyCode; drawers: ShopDayTotal['drawers'] },
): ShopDayTotal {
  const zero: Figures = {
    sales: 0,
    gross: { amount: 0, currency: day.currency },
    refunds: { amount: 0, currency: day.currency },
    net: { amount: 0, currency: day.currency },
    counted: { amount: 0, currency: day.currency },
  };
  const lines = tills.map(({ till, open, reports }) => {
    const ofDay = reports.filter((z) => localDate(new Date(z.issuedAt), day.timeZone) === day.date);
    const figures = ofDay.map((z) => ({
      number: z.number,
      issuedAt: z.issuedAt,
      ...figuresOf(z, day.currency),
    }));
    return {
      till,
      openSince: open,
      reports: figures,
      totals: figures.reduce<Figures>((total, z) => add(total, z), zero),
    };
  });
  return {
    date: day.date,
    drawers: day.drawers,
    tills: lines,
    totals: lines.reduce<Figures>((total, line) => add(total, line.totals), zero),
  };
}
