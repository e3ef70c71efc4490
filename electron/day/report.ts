import type { CurrencyCode, Money } from '../../shared/currencies';
import type { DayReport } from '../../shared/day';
import type { SaleStatus } from '../../shared/sale';

/**
 * The day's reconciliation as a pure function of what the books hold: the X report (any time)
 * and the body of the Z report (at the close). No database, no clock: the store gathers the
 * facts, this adds them up, and the tests generate days to check the arithmetic.
 */

export type PaymentMethod = 'cash' | 'card' | 'other';

export interface SaleFact {
  id: number;
  status: SaleStatus;
  msisdn: string;
  carrierId: string;
  createdAt: string;
  planId: string;
  planName: string;
  price: number;
  dealerCost: number;
  currency: string;
  method: PaymentMethod;
  clerk: string;
  modemId: string | null;
  /** A manager settled it by hand (from unknown): it may explain a dealer difference. */
  resolvedByHand: boolean;
  /** The customer paid (a sale failed before payment took nothing, and refunds nothing). */
  paid: boolean;
}

export interface RefundFact {
  saleId: number;
  amount: number;
  method: PaymentMethod;
  at: string;
  reason: string;
}

export interface MovementFact {
  kind: 'in' | 'out';
  amount: number;
  reason: string;
  actor: string;
  at: string;
}

export interface ReadingFact {
  modemId: string;
  carrierId: string;
  moment: 'opening' | 'closing';
  amount: number;
  source: 'ussd' | 'manual';
  at: string;
}

export interface DayFacts {
  shift: DayReport['shift'];
  from: string | null;
  to: string;
  currency: CurrencyCode;
  timeZone: string;
  /** Sales made in the window (from, to]. */
  sales: readonly SaleFact[];
  /** Refunds paid in the window, whenever their sale was made. */
  refunds: readonly RefundFact[];
  movements: readonly MovementFact[];
  readings: readonly ReadingFact[];
  /** Every sale still unknown, from any day. */
  unknown: readonly SaleFact[];
  /** The close's count, on a Z report. */
  count?: { counted: readonly { denomination: number; count: number }[]; reason: string | null };
}

export class DayReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DayReportError';
  }
}

const sum = <T>(items: readonly T[], amount: (item: T) => number) =>
  items.reduce((total, item) => total + amount(item), 0);

/** Groups in first-seen order, so a report lists things as the day met them. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): [K, T[]][] {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return [...groups];
}

/** A paid sale is in the takings even when it failed: its refund is counted apart. */
const tookMoney = (sale: SaleFact) => sale.paid;
const succeeded = (sale: SaleFact) => sale.status === 'succeeded';

/**
 * The hour on the shop's clock. Every zone's offset is a multiple of 15 minutes, so instants in
 * the same quarter hour share their local hour: each quarter is formatted once (formatting costs
 * ~20 µs, a day report has thousands of sales).
 */
function hourReader(timeZone: string): (instant: string) => number {
  const formatter = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const quarterMs = 15 * 60 * 1000;
  const hours = new Map<number, number>();
  return (instant) => {
    const quarter = Math.floor(Date.parse(instant) / quarterMs);
    let hour = hours.get(quarter);
    if (hour === undefined) {
      const parts = formatter.formatToParts(new Date(quarter * quarterMs));
      hour = Number(parts.find((part) => part.type === 'hour')?.value);
      hours.set(quarter, hour);
    }
    return hour;
  };
}

export function dayReport(facts: DayFacts): DayReport {
  const foreign = facts.sales.find((sale) => sale.currency !== facts.currency);
  if (foreign) {
    throw new DayReportError(
      `Sale ${foreign.id} is in ${foreign.currency}, the till in ${facts.currency}: a till is counted in one currency`,
    );
  }
  const money = (amount: number): Money => ({ amount, currency: facts.currency });
  const localHour = hourReader(facts.timeZone);
  const sold = facts.sales.filter(tookMoney);
  const margin = (sales: readonly SaleFact[]) =>
    sum(sales.filter(succeeded), (sale) => sale.price - sale.dealerCost);
  const dealerCost = (sales: readonly SaleFact[]) =>
    sum(sales.filter(succeeded), (sale) => sale.dealerCost);

  const gross = sum(sold, (sale) => sale.price);
  const refunded = sum(facts.refunds, (refund) => refund.amount);
  const cashSales = sum(
    sold.filter((sale) => sale.method === 'cash'),
    (sale) => sale.price,
  );
  const cashRefunds = sum(
    facts.refunds.filter((refund) => refund.method === 'cash'),
    (refund) => refund.amount,
  );
  const cashIn = sum(
    facts.movements.filter((movement) => movement.kind === 'in'),
    (movement) => movement.amount,
  );
  const cashOut = sum(
    facts.movements.filter((movement) => movement.kind === 'out'),
    (movement) => movement.amount,
  );
  const expected = facts.shift.float.amount + cashSales - cashRefunds + cashIn - cashOut;

  const modemIds = new Set([
    ...facts.readings.map((reading) => reading.modemId),
    ...sold.flatMap((sale) => (sale.modemId && succeeded(sale) ? [sale.modemId] : [])),
  ]);
  const dealer = [...modemIds].sort().map((modemId) => {
    const reading = (moment: ReadingFact['moment']) => {
      const found = facts.readings.find((r) => r.modemId === modemId && r.moment === moment);
      return found ? { amount: found.amount, source: found.source, at: found.at } : null;
    };
    const opening = reading('opening');
    const closing = reading('closing');
    const through = sold.filter((sale) => sale.modemId === modemId);
    const expectedMovement = dealerCost(through);
    const movement = opening && closing ? opening.amount - closing.amount : null;
    return {
      modemId,
      carrierId:
        facts.readings.find((r) => r.modemId === modemId)?.carrierId ?? through[0]?.carrierId ?? '',
      opening,
      closing,
      movement,
      expected: expectedMovement,
      difference: movement === null ? null : movement - expectedMovement,
      explaining: through
        .filter((sale) => sale.status === 'unknown' || sale.resolvedByHand)
        .map((sale) => sale.id),
    };
  });

  const counted = facts.count
    ? sum(facts.count.counted, (line) => line.denomination * line.count)
    : null;

  return {
    shift: facts.shift,
    from: facts.from,
    to: facts.to,
    currency: facts.currency,
    totals: {
      sales: sold.length,
      gross: money(gross),
      refunds: money(refunded),
      net: money(gross - refunded),
      dealerCost: money(dealerCost(sold)),
      margin: money(margin(sold)),
    },
    byPlan: groupBy(sold, (sale) => sale.planId).map(([planId, sales]) => ({
      planId,
      planName: sales[0]?.planName ?? planId,
      sales: sales.length,
      amount: money(sum(sales, (sale) => sale.price)),
      dealerCost: money(dealerCost(sales)),
      margin: money(margin(sales)),
    })),
    byPayment: (['cash', 'card', 'other'] as const).flatMap((method) => {
      const sales = sold.filter((sale) => sale.method === method);
      const refunds = facts.refunds.filter((refund) => refund.method === method);
      if (sales.length === 0 && refunds.length === 0) return [];
      return [
        {
          method,
          sales: sales.length,
          amount: money(sum(sales, (sale) => sale.price)),
          refunds: money(sum(refunds, (refund) => refund.amount)),
        },
      ];
    }),
    byClerk: groupBy(sold, (sale) => sale.clerk).map(([clerk, sales]) => ({
      clerk,
      sales: sales.length,
      amount: money(sum(sales, (sale) => sale.price)),
    })),
    byModem: groupBy(sold, (sale) => sale.modemId).map(([modemId, sales]) => ({
      modemId,
      sales: sales.length,
      amount: money(sum(sales, (sale) => sale.price)),
      dealerCost: money(dealerCost(sales)),
    })),
    byStatus: groupBy(sold, (sale) => sale.status).map(([status, sales]) => ({
      status,
      sales: sales.length,
      amount: money(sum(sales, (sale) => sale.price)),
    })),
    byHour: groupBy(sold, (sale) => localHour(sale.createdAt))
      .sort(([a], [b]) => a - b)
      .map(([hour, sales]) => ({
        hour,
        sales: sales.length,
        amount: money(sum(sales, (sale) => sale.price)),
      })),
    refunds: facts.refunds.map((refund) => ({ ...refund, amount: money(refund.amount) })),
    cashMovements: facts.movements.map((movement) => ({
      ...movement,
      amount: money(movement.amount),
    })),
    cash: {
      float: facts.shift.float,
      cashSales: money(cashSales),
      cashRefunds: money(cashRefunds),
      cashIn: money(cashIn),
      cashOut: money(cashOut),
      expected: money(expected),
    },
    dealer,
    unknownSales: facts.unknown.map((sale) => ({
      id: sale.id,
      msisdn: sale.msisdn,
      planName: sale.planName,
      price: { amount: sale.price, currency: facts.currency },
      createdAt: sale.createdAt,
    })),
    soldBeforeOpening: sold.filter((sale) => sale.createdAt < facts.shift.openedAt).length,
    count:
      facts.count && counted !== null
        ? {
            counted: [...facts.count.counted],
            total: money(counted),
            difference: counted - expected,
            reason: facts.count.reason,
          }
        : null,
  };
}
