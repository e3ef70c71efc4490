import type { CurrencyCode, Money } from '../../shared/currencies';
import type { DayReport } from '../../shared/day';
import type { SaleStatus } from '../../shared/sale';
import type { SaleCause } from '../../shared/sale-cause';
import { sumTaxLines, type TaxLine, type TaxRate, taxOfTotal } from '../../shared/tax';
import { reconcileDealerSim } from './dealer-reconciliation';

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
  /** Its plan's TGC rate as sold; null for a sale made before rates were kept (never guessed). */
  taxRate: TaxRate | null;
  /** The till it was made at (null: the hub's own, before tills were told apart). */
  tillId?: string | null;
}

/** A sale still unknown, as the report lists it. */
export type UnknownSale = Pick<SaleFact, 'id' | 'msisdn' | 'planName' | 'price' | 'createdAt'>;

export interface RefundFact {
  saleId: number;
  amount: number;
  method: PaymentMethod;
  at: string;
  reason: string;
  /** Why its sale failed, as the clerk was told (the reason read by sales/sale-causes). */
  cause: SaleCause;
  /** Its sale's tax rate: a refund gives back its sale's tax, to the unit. */
  taxRate: TaxRate | null;
  /** Its sale's till: where it is counted. */
  tillId?: string | null;
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
  unknown: readonly UnknownSale[];
  /** The tills whose sales are counted, each from its own last count; absent: one till. */
  tills?: readonly { till: { id: string; name: string }; from: string | null }[];
  /** Whether the drawer is its till's or the shop's one drawer. */
  drawer?: 'till' | 'shop';
  /** The close's count, on a Z report. */
  count?: { counted: readonly { denomination: number; count: number }[]; reason: string | null };
}

export class DayReportError extends Error {
  constructor(
    message: string,
    /** `sum_too_large`: a total would leave the range where every amount is exact. */
    readonly code: 'mixed_currencies' | 'sum_too_large' = 'mixed_currencies',
  ) {
    super(message);
    this.name = 'DayReportError';
  }
}

/**
 * a + b (or a − b, b negated), refused past Number.MAX_SAFE_INTEGER either way: beyond it a
 * total would silently be a wrong figure, and the Z chain hashes only safe integers.
 */
function plus(a: number, b: number): number {
  const total = a + b;
  if (!Number.isSafeInteger(total)) {
    throw new DayReportError(
      `The day's totals would pass ${Number.MAX_SAFE_INTEGER} minor units, the largest exact amount`,
      'sum_too_large',
    );
  }
  return total;
}

const sum = <T>(items: readonly T[], amount: (item: T) => number) =>
  items.reduce((total, item) => plus(total, amount(item)), 0);

/** What a group of paid sales adds up to; the carrier's cost and the margin count only top-ups done. */
interface Tally {
  first: SaleFact;
  sales: number;
  amount: number;
  succeeded: number;
  dealerCost: number;
  margin: number;
}

/** Adds a sale to its group; groups keep first-seen order, so a report lists things as the day met them. */
function tally<K>(groups: Map<K, Tally>, key: K, sale: SaleFact): void {
  let group = groups.get(key);
  if (group === undefined) {
    group = { first: sale, sales: 0, amount: 0, succeeded: 0, dealerCost: 0, margin: 0 };
    groups.set(key, group);
  }
  group.sales += 1;
  group.amount = plus(group.amount, sale.price);
  if (sale.status === 'succeeded') {
    group.succeeded += 1;
    group.dealerCost = plus(group.dealerCost, sale.dealerCost);
    group.margin = plus(group.margin, sale.price - sale.dealerCost);
  }
}

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

/** The day's tax as a Z report keeps it: by rate, and what is not recorded. */
interface DayTaxes {
  taxes: TaxLine[];
  beforeTax: number;
  taxNotRecorded: number;
}

/**
 * The tax in the day's net takings: each paid sale's taken out of its price with taxOfTotal, and
 * each refund's out of its amount negated, so a refunded sale and its refund cancel to the unit
 * (rounded per sale, which is per receipt: a sale has one receipt). Sales made before rates were
 * kept add up apart, as "tax not recorded".
 */
function dayTaxes(sales: readonly SaleFact[], refunds: readonly RefundFact[]): DayTaxes {
  const lines: TaxLine[] = [];
  let taxNotRecorded = 0;
  const take = (total: number, rate: TaxRate | null) => {
    if (rate === null) taxNotRecorded = plus(taxNotRecorded, total);
    else lines.push(taxOfTotal(total, rate));
  };
  for (const sale of sales) if (sale.paid) take(sale.price, sale.taxRate);
  for (const refund of refunds) take(-refund.amount, refund.taxRate);
  const taxes = sumTaxLines(lines);
  return { taxes, beforeTax: sum(taxes, (line) => line.base), taxNotRecorded };
}

/**
 * One pass over the sales: a shift holds thousands, and the report is asked for at every X and
 * at the close (issue 5: under 100 ms for 5,000 sales in a shop with a million).
 */
export function dayReport(facts: DayFacts): DayReport {
  const money = (amount: number): Money => ({ amount, currency: facts.currency });
  const localHour = hourReader(facts.timeZone);
  /** The whole day, as one group. */
  const wholeDay = new Map<null, Tally>();
  const byPlan = new Map<string, Tally>();
  const byMethod = new Map<PaymentMethod, Tally>();
  const byClerk = new Map<string, Tally>();
  const byModem = new Map<string | null, Tally>();
  const byStatus = new Map<SaleStatus, Tally>();
  const byHour = new Map<number, Tally>();
  const byTill = new Map<string | null, Tally>();
  /** Per dealer SIM, its paid sales: the dealer reconciliation weighs them against its readings. */
  const throughSim = new Map<string, SaleFact[]>();
  let soldBeforeOpening = 0;
  for (const sale of facts.sales) {
    if (sale.currency !== facts.currency) {
      throw new DayReportError(
        `Sale ${sale.id} is in ${sale.currency}, the till in ${facts.currency}: a till is counted in one currency`,
      );
    }
    // A paid sale is in the takings even when it failed: its refund is counted apart.
    if (!sale.paid) continue;
    tally(wholeDay, null, sale);
    tally(byPlan, sale.planId, sale);
    tally(byMethod, sale.method, sale);
    tally(byClerk, sale.clerk, sale);
    tally(byModem, sale.modemId, sale);
    tally(byStatus, sale.status, sale);
    tally(byHour, localHour(sale.createdAt), sale);
    tally(byTill, sale.tillId ?? null, sale);
    if (sale.createdAt < facts.shift.openedAt) soldBeforeOpening += 1;
    if (sale.modemId !== null) {
      const through = throughSim.get(sale.modemId);
      if (through) through.push(sale);
      else throughSim.set(sale.modemId, [sale]);
    }
  }
  const totals = wholeDay.get(null) ?? { sales: 0, amount: 0, dealerCost: 0, margin: 0 };
  const refundsBy = (method: PaymentMethod) =>
    sum(
      facts.refunds.filter((refund) => refund.method === method),
      (refund) => refund.amount,
    );
  const refunded = sum(facts.refunds, (refund) => refund.amount);
  const cashSales = byMethod.get('cash')?.amount ?? 0;
  const cashRefunds = refundsBy('cash');
  const cashIn = sum(
    facts.movements.filter((movement) => movement.kind === 'in'),
    (movement) => movement.amount,
  );
  const cashOut = sum(
    facts.movements.filter((movement) => movement.kind === 'out'),
    (movement) => movement.amount,
  );
  const expected = plus(
    plus(plus(facts.shift.float.amount, cashSales), -cashRefunds),
    plus(cashIn, -cashOut),
  );

  // The dealer SIMs read this shift, and those a top-up went through.
  const modemIds = new Set(facts.readings.map((reading) => reading.modemId));
  for (const [modemId, group] of byModem) {
    if (modemId !== null && group.succeeded > 0) modemIds.add(modemId);
  }
  const dealer = [...modemIds].sort().map((modemId) => {
    const reading = (moment: ReadingFact['moment']) => {
      const found = facts.readings.find((r) => r.modemId === modemId && r.moment === moment);
      return found ? { amount: found.amount, source: found.source, at: found.at } : null;
    };
    const opening = reading('opening');
    const closing = reading('closing');
    const through = byModem.get(modemId);
    return {
      modemId,
      carrierId:
        facts.readings.find((r) => r.modemId === modemId)?.carrierId ??
        through?.first.carrierId ??
        '',
      opening,
      closing,
      ...reconcileDealerSim(throughSim.get(modemId) ?? [], opening, closing, plus),
    };
  });

  const tax = dayTaxes(facts.sales, facts.refunds);

  const tills = facts.tills?.map(({ till, from }) => {
    const group = byTill.get(till.id);
    const refunds = facts.refunds.filter((refund) => refund.tillId === till.id);
    const refunded = sum(refunds, (refund) => refund.amount);
    const amount = group?.amount ?? 0;
    const cash = sum(
      facts.sales.filter((sale) => sale.paid && sale.tillId === till.id && sale.method === 'cash'),
      (sale) => sale.price,
    );
    return {
      till,
      from,
      sales: group?.sales ?? 0,
      gross: money(amount),
      refunds: money(refunded),
      net: money(plus(amount, -refunded)),
      cash: money(
        plus(
          cash,
          -sum(
            refunds.filter((refund) => refund.method === 'cash'),
            (refund) => refund.amount,
          ),
        ),
      ),
      margin: money(group?.margin ?? 0),
    };
  });

  const counted = facts.count
    ? // plus(0, …) checks each line's product too.
      sum(facts.count.counted, (line) => plus(0, line.denomination * line.count))
    : null;

  return {
    shift: facts.shift,
    from: facts.from,
    to: facts.to,
    currency: facts.currency,
    totals: {
      sales: totals.sales,
      gross: money(totals.amount),
      refunds: money(refunded),
      net: money(plus(totals.amount, -refunded)),
      dealerCost: money(totals.dealerCost),
      margin: money(totals.margin),
    },
    byPlan: [...byPlan].map(([planId, group]) => ({
      planId,
      planName: group.first.planName,
      sales: group.sales,
      amount: money(group.amount),
      dealerCost: money(group.dealerCost),
      margin: money(group.margin),
    })),
    byPayment: (['cash', 'card', 'other'] as const).flatMap((method) => {
      const group = byMethod.get(method);
      const refunds = facts.refunds.filter((refund) => refund.method === method);
      if (group === undefined && refunds.length === 0) return [];
      return [
        {
          method,
          sales: group?.sales ?? 0,
          amount: money(group?.amount ?? 0),
          refunds: money(refundsBy(method)),
        },
      ];
    }),
    byClerk: [...byClerk].map(([clerk, group]) => ({
      clerk,
      sales: group.sales,
      amount: money(group.amount),
    })),
    byModem: [...byModem].map(([modemId, group]) => ({
      modemId,
      sales: group.sales,
      amount: money(group.amount),
      dealerCost: money(group.dealerCost),
    })),
    byStatus: [...byStatus].map(([status, group]) => ({
      status,
      sales: group.sales,
      amount: money(group.amount),
    })),
    byHour: [...byHour]
      .sort(([a], [b]) => a - b)
      .map(([hour, group]) => ({ hour, sales: group.sales, amount: money(group.amount) })),
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
    soldBeforeOpening,
    taxes: tax.taxes,
    beforeTax: money(tax.beforeTax),
    taxNotRecorded: money(tax.taxNotRecorded),
    ...(tills ? { tills } : {}),
    ...(facts.drawer ? { drawer: facts.drawer } : {}),
    count:
      facts.count && counted !== null
        ? {
            counted: [...facts.count.counted],
            total: money(counted),
            difference: plus(counted, -expected),
            reason: facts.count.reason,
          }
        : null,
  };
}
