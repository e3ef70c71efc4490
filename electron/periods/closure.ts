import type { CurrencyCode, Money } from '../../shared/currencies';
import type { ZReport } from '../../shared/day';
import { wallClockToInstant } from '../../shared/local-time';
import type { Period, PeriodClosure } from '../../shared/period';
import type { PaymentMethod } from '../../shared/sale';
import { sumTaxLines, type TaxLine, taxOfTotal } from '../../shared/tax';

/**
 * A month's or a year's closure as a pure function of its Z reports: no database, no clock. A Z
 * belongs to the period it was issued in (its close), so the closures of a year add up to its Zs
 * exactly, and a Z's window is never split between two closures.
 */

/** The period's bounds as instants: from its first midnight to the next period's, in the shop's zone. */
export function periodBounds(period: Period, timeZone: string): { from: Date; to: Date } {
  const [year = 0, month = 1] = period.period.split('-').map(Number);
  const midnight = (y: number, m: number) =>
    wallClockToInstant({ year: y, month: m, day: 1, hour: 0, minute: 0, second: 0 }, timeZone);
  if (period.kind === 'year') return { from: midnight(year, 1), to: midnight(year + 1, 1) };
  return {
    from: midnight(year, month),
    to: month === 12 ? midnight(year + 1, 1) : midnight(year, month + 1),
  };
}

/** The twelve months of a year, as periods name them. */
export const monthsOf = (year: string): string[] =>
  Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`);

/** A paid sale or a refund in the Zs' windows, with the rate its sale was sold at (null: not recorded). */
export interface TaxedAmount {
  /** Positive for a sale, negative for a refund: a refund's tax is the mirror of its sale's. */
  amount: number;
  rate: number | null;
}

/** What a closure sums up, besides its place in the chain. */
export type ClosureFigures = Pick<
  PeriodClosure,
  'zReports' | 'totals' | 'taxes' | 'byPayment' | 'perpetual' | 'tills'
> & {
  /** Net takings of sales whose rate was never recorded (sold before rates were kept). */
  untaxed: Money;
};

const paymentOrder: readonly PaymentMethod[] = ['cash', 'card', 'other'];

function plus(a: number, b: number): number {
  const total = a + b;
  if (!Number.isSafeInteger(total)) {
    throw new RangeError(`A closure's total would pass ${Number.MAX_SAFE_INTEGER} minor units`);
  }
  return total;
}

/**
 * Sums the period's Z reports (oldest first) and the sales and refunds of their windows: the
 * totals and payments as the Zs printed them; the tax per sale with `taxOfTotal`, as each receipt
 * takes it out, summed by rate. The perpetual totals are those of the last Z before the period's
 * end (`perpetual`, worked out by the caller).
 */
export function closureFigures(input: {
  zs: readonly ZReport[];
  amounts: readonly TaxedAmount[];
  currency: CurrencyCode;
  perpetual: PeriodClosure['perpetual'];
  /** The closure's own till: `zReports` numbers its chain's (every Z given, without it). */
  deviceId?: string;
  /** The shop's tills: each one's Zs listed and summed apart (its Zs are those of its chain). */
  tills?: readonly { id: string; name: string }[];
}): ClosureFigures {
  const money = (amount: number): Money => ({ amount, currency: input.currency });
  let sales = 0;
  let gross = 0;
  let refunds = 0;
  let net = 0;
  const byMethod = new Map<PaymentMethod, { sales: number; amount: number }>();
  for (const z of input.zs) {
    const { totals } = z.report;
    sales += totals.sales;
    gross = plus(gross, totals.gross.amount);
    refunds = plus(refunds, totals.refunds.amount);
    net = plus(net, totals.net.amount);
    for (const payment of z.report.byPayment) {
      const sum = byMethod.get(payment.method) ?? { sales: 0, amount: 0 };
      byMethod.set(payment.method, {
        sales: sum.sales + payment.sales,
        amount: plus(sum.amount, payment.amount.amount),
      });
    }
  }
  const lines: TaxLine[] = [];
  let untaxed = 0;
  for (const { amount, rate } of input.amounts) {
    if (rate === null) untaxed = plus(untaxed, amount);
    else lines.push(taxOfTotal(amount, rate));
  }
  const numbers = (zs: readonly ZReport[]) => ({
    first: zs[0]?.number ?? null,
    last: zs.at(-1)?.number ?? null,
    count: zs.length,
  });
  const own = input.zs.filter((z) => input.deviceId === undefined || z.deviceId === input.deviceId);
  const tills = input.tills?.map((till) => {
    const zs = input.zs.filter((z) => z.deviceId === till.id);
    const total = (amount: (z: ZReport) => number) =>
      zs.reduce((sum, z) => plus(sum, amount(z)), 0);
    return {
      till: { id: till.id, name: till.name },
      zReports: numbers(zs),
      totals: {
        sales: zs.reduce((sum, z) => sum + z.report.totals.sales, 0),
        gross: money(total((z) => z.report.totals.gross.amount)),
        refunds: money(total((z) => z.report.totals.refunds.amount)),
        net: money(total((z) => z.report.totals.net.amount)),
      },
    };
  });
  return {
    zReports: numbers(own),
    ...(tills ? { tills } : {}),
    totals: { sales, gross: money(gross), refunds: money(refunds), net: money(net) },
    taxes: sumTaxLines(lines),
    byPayment: paymentOrder.flatMap((method) => {
      const sum = byMethod.get(method);
      return sum ? [{ method, sales: sum.sales, amount: money(sum.amount) }] : [];
    }),
    perpetual: input.perpetual,
    untaxed: money(untaxed),
  };
}
