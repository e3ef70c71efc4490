import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DayFacts,
  DayReportError,
  dayReport,
  type SaleFact,
} from '../../../electron/day/report';
import { saleStatuses } from '../../../shared/sale';

const shift = {
  id: 1,
  openedAt: '2026-11-22T20:00:00.000Z',
  openedBy: 'manager',
  float: { amount: 20_000, currency: 'XPF' as const },
  closedAt: null,
  closedBy: null,
};

const oneGo = { planId: '1go', planName: '1 Go', price: 1500, dealerCost: 1000 };
const fiveGo = { planId: '5go', planName: '5 Go', price: 6000, dealerCost: 5000 };
const twentyGo = { planId: '20go', planName: '20 Go', price: 18000, dealerCost: 15000 };
const plans = [oneGo, fiveGo, twentyGo];

const saleArbitrary = fc.record({
  status: fc.constantFrom(...saleStatuses),
  plan: fc.constantFrom(...plans),
  method: fc.constantFrom('cash' as const, 'card' as const, 'other' as const),
  clerk: fc.constantFrom('clerk', 'manager', 'Léa'),
  modemId: fc.constantFrom('modem-1', 'modem-2', null),
  minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
  resolvedByHand: fc.boolean(),
});

const dayArbitrary = fc.record({
  sales: fc.array(saleArbitrary, { maxLength: 60 }),
  movements: fc.array(
    fc.record({
      kind: fc.constantFrom('in' as const, 'out' as const),
      amount: fc.integer({ min: 1, max: 50_000 }),
    }),
    { maxLength: 8 },
  ),
  float: fc.integer({ min: 0, max: 100_000 }),
});

/** A generated day as the journal would leave it: failed paid sales are refunded. */
type Day = typeof dayArbitrary extends fc.Arbitrary<infer T> ? T : never;

function factsOf(day: Day): DayFacts {
  const sales: SaleFact[] = day.sales.map((sale, index) => ({
    id: index + 1,
    status: sale.status,
    msisdn: '+687123456',
    carrierId: 'nc-demo',
    createdAt: new Date(
      Date.parse('2026-11-22T19:00:00.000Z') + sale.minute * 60_000,
    ).toISOString(),
    ...sale.plan,
    currency: 'XPF',
    method: sale.method,
    clerk: sale.clerk,
    modemId: sale.modemId,
    resolvedByHand: sale.resolvedByHand,
    paid: sale.status !== 'draft',
    taxRate: 1100,
  }));
  return {
    shift: { ...shift, float: { amount: day.float, currency: 'XPF' } },
    from: null,
    to: '2026-11-23T19:00:00.000Z',
    currency: 'XPF',
    timeZone: 'Pacific/Noumea',
    sales,
    refunds: sales
      .filter((sale) => sale.status === 'failed')
      .map((sale) => ({
        saleId: sale.id,
        amount: sale.price,
        method: sale.method,
        at: sale.createdAt,
        reason: 'carrier_refused',
        cause: { code: 'carrier_refused' as const, carrierText: null, retryAfterSeconds: null },
        taxRate: sale.taxRate,
      })),
    movements: day.movements.map((movement) => ({
      ...movement,
      reason: 'change run',
      actor: 'manager',
      at: '2026-11-22T22:00:00.000Z',
    })),
    readings: [],
    unknown: sales.filter((sale) => sale.status === 'unknown'),
  };
}

const total = (lines: readonly { amount: { amount: number } }[]) =>
  lines.reduce((sum, line) => sum + line.amount.amount, 0);
const count = (lines: readonly { sales: number }[]) =>
  lines.reduce((sum, line) => sum + line.sales, 0);

describe('the day report', () => {
  it('expects float + cash sales − cash refunds + cash in − cash out in the drawer', () => {
    fc.assert(
      fc.property(dayArbitrary, (day) => {
        const facts = factsOf(day);
        const report = dayReport(facts);
        const paid = facts.sales.filter((sale) => sale.paid);
        const cashSales = paid.filter((s) => s.method === 'cash').reduce((t, s) => t + s.price, 0);
        const cashRefunds = facts.refunds
          .filter((r) => r.method === 'cash')
          .reduce((t, r) => t + r.amount, 0);
        const cashIn = day.movements
          .filter((m) => m.kind === 'in')
          .reduce((t, m) => t + m.amount, 0);
        const cashOut = day.movements
          .filter((m) => m.kind === 'out')
          .reduce((t, m) => t + m.amount, 0);
        expect(report.cash.expected.amount).toBe(
          day.float + cashSales - cashRefunds + cashIn - cashOut,
        );
        expect(report.cash).toMatchObject({
          cashSales: { amount: cashSales },
          cashRefunds: { amount: cashRefunds },
          cashIn: { amount: cashIn },
          cashOut: { amount: cashOut },
        });
      }),
    );
  });

  it('adds up: by plan, payment, clerk, modem, status and hour, each to the day total', () => {
    fc.assert(
      fc.property(dayArbitrary, (day) => {
        const report = dayReport(factsOf(day));
        const { gross, refunds, net, sales } = report.totals;
        for (const lines of [
          report.byPlan,
          report.byPayment,
          report.byClerk,
          report.byModem,
          report.byStatus,
          report.byHour,
        ]) {
          expect(total(lines)).toBe(gross.amount);
          expect(count(lines)).toBe(sales);
        }
        expect(report.byPayment.reduce((t, line) => t + line.refunds.amount, 0)).toBe(
          refunds.amount,
        );
        expect(net.amount).toBe(gross.amount - refunds.amount);
        expect(report.byPlan.reduce((t, line) => t + line.margin.amount, 0)).toBe(
          report.totals.margin.amount,
        );
        expect(report.totals.margin.amount + report.totals.dealerCost.amount).toBe(
          factsOf(day)
            .sales.filter((s) => s.status === 'succeeded')
            .reduce((t, s) => t + s.price, 0),
        );
      }),
    );
  });

  it('counts the drawer by denomination and shows the difference', () => {
    const facts = factsOf({
      float: 10_000,
      movements: [{ kind: 'out', amount: 2_000 }],
      sales: [
        {
          status: 'succeeded',
          plan: fiveGo,
          method: 'cash',
          clerk: 'clerk',
          modemId: 'modem-1',
          minute: 60,
          resolvedByHand: false,
        },
        {
          status: 'failed',
          plan: oneGo,
          method: 'cash',
          clerk: 'clerk',
          modemId: 'modem-1',
          minute: 70,
          resolvedByHand: false,
        },
      ],
    });
    const report = dayReport({
      ...facts,
      count: {
        counted: [
          { denomination: 5000, count: 2 },
          { denomination: 1000, count: 3 },
          { denomination: 500, count: 1 },
        ],
        reason: 'short',
      },
    });
    // 10 000 + 6 000 + 1 500 − 1 500 − 2 000 = 14 000 expected; 13 500 counted.
    expect(report.cash.expected.amount).toBe(14_000);
    expect(report.count).toEqual({
      counted: [
        { denomination: 5000, count: 2 },
        { denomination: 1000, count: 3 },
        { denomination: 500, count: 1 },
      ],
      total: { amount: 13_500, currency: 'XPF' },
      difference: -500,
      reason: 'short',
    });
  });

  it('compares each dealer SIM’s balance movement with the top-ups sent through it', () => {
    const facts = factsOf({
      float: 0,
      movements: [],
      sales: [
        {
          status: 'succeeded',
          plan: fiveGo,
          method: 'card',
          clerk: 'clerk',
          modemId: 'modem-1',
          minute: 1,
          resolvedByHand: false,
        },
        {
          status: 'succeeded',
          plan: oneGo,
          method: 'card',
          clerk: 'clerk',
          modemId: 'modem-1',
          minute: 2,
          resolvedByHand: true,
        },
        {
          status: 'unknown',
          plan: oneGo,
          method: 'cash',
          clerk: 'clerk',
          modemId: 'modem-1',
          minute: 3,
          resolvedByHand: false,
        },
      ],
    });
    // Read before the first top-up (19:01) and after the last.
    const reading = (moment: 'opening' | 'closing', amount: number, at: string) => ({
      modemId: 'modem-1',
      carrierId: 'nc-demo',
      moment,
      amount,
      source: 'ussd' as const,
      at,
    });
    const report = dayReport({
      ...facts,
      readings: [
        reading('opening', 250_000, '2026-11-22T19:00:00.000Z'),
        reading('closing', 243_000, '2026-11-22T20:00:00.000Z'),
      ],
    });
    expect(report.dealer).toEqual([
      {
        modemId: 'modem-1',
        carrierId: 'nc-demo',
        opening: { amount: 250_000, source: 'ussd', at: '2026-11-22T19:00:00.000Z' },
        closing: { amount: 243_000, source: 'ussd', at: '2026-11-22T20:00:00.000Z' },
        movement: 7_000,
        expected: 6_000,
        difference: 1_000,
        explaining: [2, 3],
        beforeOpening: 0,
      },
    ]);
    expect(report.unknownSales.map((sale) => sale.id)).toEqual([3]);
    expect(report.soldBeforeOpening).toBe(3);
  });

  it('refuses a till counted in two currencies', () => {
    const facts = factsOf({ float: 0, movements: [], sales: [] });
    const sale = factsOf({
      float: 0,
      movements: [],
      sales: [
        {
          status: 'succeeded',
          plan: oneGo,
          method: 'cash',
          clerk: 'clerk',
          modemId: null,
          minute: 1,
          resolvedByHand: false,
        },
      ],
    }).sales;
    expect(() =>
      dayReport({ ...facts, sales: sale.map((one) => ({ ...one, currency: 'EUR' })) }),
    ).toThrow(DayReportError);
  });

  it.each([
    [
      'the cash in the drawer',
      { float: 2 ** 52, movements: [{ kind: 'in' as const, amount: 2 ** 52 }] },
    ],
    ['the cash taken out', { float: 0, movements: [{ kind: 'out' as const, amount: 2 ** 53 }] }],
    ['the money counted', { float: 0, movements: [], count: 2 ** 40 }],
  ])('is an error, not a wrong figure, when %s passes the largest exact amount', (_what, day) => {
    const facts = factsOf({ float: day.float, movements: day.movements, sales: [] });
    const count =
      'count' in day
        ? { counted: [{ denomination: 10_000, count: day.count }], reason: 'x' }
        : undefined;
    let refused: unknown;
    try {
      dayReport({ ...facts, ...(count ? { count } : {}) });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DayReportError);
    expect(refused).toMatchObject({ code: 'sum_too_large' });
  });

  it('adds up exactly to the last safe minor unit', () => {
    const last = Number.MAX_SAFE_INTEGER;
    const facts = factsOf({ float: last - 1, movements: [{ kind: 'in', amount: 1 }], sales: [] });
    expect(dayReport(facts).cash.expected.amount).toBe(last);
  });
});
