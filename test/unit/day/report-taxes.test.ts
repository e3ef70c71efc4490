import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DayFacts, dayReport, type SaleFact } from '../../../electron/day/report';
import { saleStatuses } from '../../../shared/sale';
import { sumTaxLines, taxOfTotal } from '../../../shared/tax';

/** A rate as plans carry them: New Caledonia's TGC rates, any basis point, or not recorded. */
const rateArbitrary = fc.oneof(
  fc.constantFrom(0, 300, 600, 1100, 2200),
  fc.integer({ min: 0, max: 10_000 }),
  fc.constant(null),
);

const saleArbitrary = fc.record({
  status: fc.constantFrom(...saleStatuses),
  price: fc.integer({ min: 1, max: 10_000_000 }),
  taxRate: rateArbitrary,
  minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
});

const dayArbitrary = fc.array(saleArbitrary, { maxLength: 50 });

/** A generated day as the journal leaves it: a failed paid sale is refunded in full. */
function factsOf(day: readonly (typeof saleArbitrary extends fc.Arbitrary<infer T> ? T : never)[]) {
  const sales: SaleFact[] = day.map((sale, index) => ({
    id: index + 1,
    status: sale.status,
    msisdn: '+687751234',
    carrierId: 'nc-demo',
    createdAt: new Date(
      Date.parse('2026-11-22T19:00:00.000Z') + sale.minute * 60_000,
    ).toISOString(),
    planId: `plan-${sale.price}`,
    planName: 'Plan',
    price: sale.price,
    dealerCost: 0,
    currency: 'XPF',
    method: 'cash',
    clerk: 'clerk',
    modemId: null,
    resolvedByHand: false,
    paid: sale.status !== 'draft',
    taxRate: sale.taxRate,
  }));
  const facts: DayFacts = {
    shift: {
      id: 1,
      openedAt: '2026-11-22T19:00:00.000Z',
      openedBy: 'manager',
      float: { amount: 0, currency: 'XPF' },
      closedAt: null,
      closedBy: null,
    },
    from: null,
    to: '2026-11-23T19:00:00.000Z',
    currency: 'XPF',
    timeZone: 'Pacific/Noumea',
    sales,
    refunds: sales
      .filter((sale) => sale.status === 'failed' && sale.paid)
      .map((sale) => ({
        saleId: sale.id,
        amount: sale.price,
        method: sale.method,
        at: sale.createdAt,
        reason: 'carrier_refused',
        cause: { code: 'carrier_refused' as const, carrierText: null, retryAfterSeconds: null },
        taxRate: sale.taxRate,
      })),
    movements: [],
    readings: [],
    unknown: [],
  };
  return facts;
}

describe('the tax on a day report', () => {
  it('before tax plus tax is the total on every receipt', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 10_000 }),
        (total, rate) => {
          const line = taxOfTotal(total, rate);
          expect(line.base + line.tax).toBe(total);
          const mirror = taxOfTotal(-total, rate);
          // === on purpose: a zero's sign does not matter.
          expect(mirror.base === -line.base && mirror.tax === -line.tax).toBe(true);
        },
      ),
    );
  });

  it('before tax plus tax plus what has no recorded tax is the net takings, on every Z', () => {
    fc.assert(
      fc.property(dayArbitrary, (day) => {
        const report = dayReport(factsOf(day));
        const taxes = report.taxes ?? [];
        const tax = taxes.reduce((sum, line) => sum + line.tax, 0);
        expect(report.beforeTax?.amount).toBe(taxes.reduce((sum, line) => sum + line.base, 0));
        expect((report.beforeTax?.amount ?? 0) + tax + (report.taxNotRecorded?.amount ?? 0)).toBe(
          report.totals.net.amount,
        );
      }),
    );
  });

  it('holds the sum of its sales’ receipts, by rate, refunds given back to the unit', () => {
    fc.assert(
      fc.property(dayArbitrary, (day) => {
        const facts = factsOf(day);
        const kept = facts.sales.filter(
          (sale) => sale.paid && sale.status !== 'failed' && sale.taxRate !== null,
        );
        const expected = sumTaxLines(kept.map((sale) => taxOfTotal(sale.price, sale.taxRate ?? 0)));
        const report = dayReport(facts);
        // A refunded sale leaves its rate's line at zero: the line stays, the amounts cancel.
        const nonZero = (report.taxes ?? []).filter((line) => line.base !== 0 || line.tax !== 0);
        expect(nonZero).toEqual(expected.filter((line) => line.base !== 0 || line.tax !== 0));
        const notRecorded = facts.sales
          .filter((sale) => sale.paid && sale.status !== 'failed' && sale.taxRate === null)
          .reduce((sum, sale) => sum + sale.price, 0);
        expect(report.taxNotRecorded?.amount).toBe(notRecorded);
      }),
    );
  });

  it('takes 11 % TGC out of a 1 500 F sale and gives it back with its refund', () => {
    const facts = factsOf([
      { status: 'succeeded', price: 1500, taxRate: 1100, minute: 60 },
      { status: 'succeeded', price: 3000, taxRate: 600, minute: 61 },
      { status: 'failed', price: 1500, taxRate: 1100, minute: 62 },
      { status: 'succeeded', price: 500, taxRate: null, minute: 63 },
    ]);
    const report = dayReport(facts);
    expect(report.taxes).toEqual([
      { rate: 600, base: 2830, tax: 170 },
      { rate: 1100, base: 1351, tax: 149 },
    ]);
    expect(report.beforeTax).toEqual({ amount: 4181, currency: 'XPF' });
    expect(report.taxNotRecorded).toEqual({ amount: 500, currency: 'XPF' });
    expect(report.totals.net).toEqual({ amount: 5000, currency: 'XPF' });
  });
});
