import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextPerpetual } from '../../../electron/day/perpetual';
import { closureFigures, monthsOf, periodBounds } from '../../../electron/periods/closure';
import { periodClosureSchema } from '../../../shared/period';
import { taxOfTotal } from '../../../shared/tax';
import { fixedZ } from '../printing/day';

const xpf = (amount: number) => ({ amount, currency: 'XPF' as const });
const perpetual = { grandTotal: xpf(40_000), count: 12 };

describe('a period’s bounds in the shop’s zone', () => {
  it('run from its first local midnight to the next period’s, in Nouméa', () => {
    expect(periodBounds({ kind: 'month', period: '2026-11' }, 'Pacific/Noumea')).toEqual({
      from: new Date('2026-10-31T13:00:00Z'),
      to: new Date('2026-11-30T13:00:00Z'),
    });
    expect(periodBounds({ kind: 'month', period: '2026-12' }, 'Pacific/Noumea').to).toEqual(
      new Date('2026-12-31T13:00:00Z'),
    );
    expect(periodBounds({ kind: 'year', period: '2026' }, 'Pacific/Noumea')).toEqual({
      from: new Date('2025-12-31T13:00:00Z'),
      to: new Date('2026-12-31T13:00:00Z'),
    });
  });

  it('follow the clocks where they change (Paris: March is an hour short)', () => {
    const march = periodBounds({ kind: 'month', period: '2026-03' }, 'Europe/Paris');
    expect(march).toEqual({
      from: new Date('2026-02-28T23:00:00Z'),
      to: new Date('2026-03-31T22:00:00Z'),
    });
  });

  it('of a year are its twelve months', () => {
    expect(monthsOf('2026')).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
  });
});

describe('a closure’s figures', () => {
  it('sum its Zs’ totals and payments, and take the tax out of each sale and refund', () => {
    const figures = closureFigures({
      zs: [fixedZ, { ...fixedZ, number: 13 }],
      amounts: [
        { amount: 6_000, rate: 1100 },
        { amount: 6_000, rate: 1100 },
        { amount: -6_000, rate: 1100 },
        { amount: 1_500, rate: 0 },
        { amount: 2_000, rate: null },
      ],
      currency: 'XPF',
      perpetual,
    });
    const { totals } = fixedZ.report;
    expect(figures.zReports).toEqual({ first: 12, last: 13, count: 2 });
    expect(figures.totals).toEqual({
      sales: 2 * totals.sales,
      gross: xpf(2 * totals.gross.amount),
      refunds: xpf(2 * totals.refunds.amount),
      net: xpf(2 * totals.net.amount),
    });
    expect(figures.byPayment).toEqual(
      fixedZ.report.byPayment.map((payment) => ({
        method: payment.method,
        sales: 2 * payment.sales,
        amount: xpf(2 * payment.amount.amount),
      })),
    );
    // A refund is the mirror of its sale: one sale of 6 000 F at 11 % is left.
    expect(figures.taxes).toEqual([{ rate: 0, base: 1_500, tax: 0 }, taxOfTotal(6_000, 1100)]);
    expect(figures.untaxed).toEqual(xpf(2_000));
    expect(figures.perpetual).toBe(perpetual);
  });

  it('of a period without a Z are zero, its perpetual totals those of the books so far', () => {
    expect(closureFigures({ zs: [], amounts: [], currency: 'XPF', perpetual })).toEqual({
      zReports: { first: null, last: null, count: 0 },
      totals: { sales: 0, gross: xpf(0), refunds: xpf(0), net: xpf(0) },
      taxes: [],
      byPayment: [],
      perpetual,
      untaxed: xpf(0),
    });
  });

  it('may take less than they give back: a month of refunds of sales made before it', () => {
    // Sales of October refunded in November, by a till upgraded in between: no rate recorded.
    const refundsOnly = {
      ...fixedZ,
      report: {
        ...fixedZ.report,
        totals: {
          ...fixedZ.report.totals,
          sales: 0,
          gross: xpf(0),
          refunds: xpf(3_000),
          net: xpf(-3_000),
        },
      },
    };
    const figures = closureFigures({
      zs: [refundsOnly],
      amounts: [{ amount: -3_000, rate: null }],
      currency: 'XPF',
      perpetual: { grandTotal: xpf(-3_000), count: 2 },
    });
    expect(figures.totals.net).toEqual(xpf(-3_000));
    expect(figures.untaxed).toEqual(xpf(-3_000));
    const { totals, untaxed, perpetual: carried } = periodClosureSchema.shape;
    expect(totals.parse(figures.totals).net.amount).toBe(-3_000);
    expect(untaxed.parse(figures.untaxed)?.amount).toBe(-3_000);
    expect(carried.parse(figures.perpetual).grandTotal.amount).toBe(-3_000);
  });

  it('have tax lines whose before-tax and tax add up to the taxed sales less refunds', () => {
    const amounts = fc.array(
      fc.record({
        amount: fc.integer({ min: -500_000, max: 500_000 }),
        rate: fc.constantFrom(0, 300, 600, 1100, 2200),
      }),
    );
    fc.assert(
      fc.property(amounts, (sales) => {
        const { taxes } = closureFigures({ zs: [], amounts: sales, currency: 'XPF', perpetual });
        const total = sales.reduce((sum, sale) => sum + sale.amount, 0);
        expect(taxes.reduce((sum, line) => sum + line.base + line.tax, 0)).toBe(total);
      }),
    );
  });
});

describe('the perpetual totals of a new Z', () => {
  it('add its net takings and receipts to the previous Z’s', () => {
    const next = nextPerpetual(
      { previous: perpetual, earlierNets: () => [], earlierReceipts: () => 0 },
      xpf(7_500),
      3,
    );
    expect(next).toEqual({ grandTotal: xpf(47_500), count: 15 });
  });

  it('count the past from every earlier Z when the previous one has none (issued before)', () => {
    const next = nextPerpetual(
      {
        previous: undefined,
        earlierNets: () => [xpf(10_000), xpf(2_500)],
        earlierReceipts: () => 9,
      },
      xpf(1_500),
      1,
    );
    expect(next).toEqual({ grandTotal: xpf(14_000), count: 10 });
  });
});
