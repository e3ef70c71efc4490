import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoShopProfile } from '../../../electron/demo';
import { receiptDraftFor } from '../../../electron/sales/receipt-draft';
import { receiptContentSchema, receiptTotal } from '../../../shared/receipt';
import type { Sale } from '../../../shared/sale';
import { sumTaxLines } from '../../../shared/tax';

/** A cash sale of 5 500 F at 11 % TGC, paid with 10 000 F, as the journal has it. */
function saleOf(changes: Partial<Sale> = {}): Sale {
  return {
    id: 7,
    idempotencyKey: 'k-7',
    status: 'succeeded',
    msisdn: '+687751234',
    carrierId: 'nc-demo',
    planId: '10go',
    planName: 'Travel 10 GB',
    dataMb: 10240,
    validityDays: 30,
    price: 5500,
    dealerCost: 4000,
    taxRate: 1100,
    currency: 'XPF',
    payment: { method: 'cash', tendered: 10000, change: 4500, reference: null },
    clerkId: 2,
    modemId: 'sim-1',
    carrierReference: 'TX1',
    dealerBalanceAfter: null,
    createdAt: '2026-12-07T01:00:00.000Z',
    updatedAt: '2026-12-07T01:00:00.000Z',
    ...changes,
  };
}

const context = {
  shop: demoShopProfile,
  tillName: 'Counter 2',
  clerk: 'Marie',
  carrier: null,
  language: 'en' as const,
};

/** The draft as the receipt book issues it: with the till, a number and the time. */
const issued = (draft: ReturnType<typeof receiptDraftFor>, number: number) =>
  receiptContentSchema.parse({
    ...draft,
    deviceId: 'POS-1',
    number,
    issuedAt: '2026-12-07T01:00:00.000Z',
  });

describe('a sale’s receipt draft', () => {
  it('carries the tax inside its price at the sale’s rate, one item, French first in New Caledonia', () => {
    const receipt = issued(receiptDraftFor(saleOf(), context), 1);
    expect(receipt.taxes).toEqual([{ rate: 1100, base: 4955, tax: 545 }]);
    expect(receipt.quantity).toBe(1);
    expect(receipt.legalLanguage).toBe('fr');
    // The till the sale was made at, not the shop profile's own till.
    expect(receipt.tillName).toBe('Counter 2');
    expect(receipt.shop.legalName).toBe(demoShopProfile.legalName);
    expect(receipt.corrects).toBeUndefined();
  });

  it('records no tax for a sale made before rates were recorded, and bills nothing on a refused top-up', () => {
    expect(issued(receiptDraftFor(saleOf({ taxRate: null }), context), 1).taxes).toBeUndefined();
    const refused = issued(receiptDraftFor(saleOf({ status: 'failed' }), context), 1);
    expect(receiptTotal(refused)).toBe(0);
    expect(refused.taxes).toEqual([{ rate: 1100, base: 0, tax: 0 }]);
  });

  it('is in the shop’s language alone where no law asks for French', () => {
    const shop = { ...demoShopProfile, country: 'AU', phone: '' };
    expect(
      issued(receiptDraftFor(saleOf(), { ...context, shop }), 1).legalLanguage,
    ).toBeUndefined();
  });

  it('corrects a pending receipt by giving it all back, or by confirming it unchanged', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (price, taxRate) => {
          const pending = saleOf({
            status: 'unknown',
            price,
            taxRate,
            payment: { method: 'card', tendered: null, change: null, reference: null },
          });
          const original = issued(receiptDraftFor(pending, context), 1);
          const corrects = { number: 1 };
          const correction = (status: 'failed' | 'succeeded') =>
            issued(receiptDraftFor({ ...pending, status }, { ...context, corrects }), 2);
          const both = (second: typeof original) => ({
            total: receiptTotal(original) + receiptTotal(second),
            taxes: sumTaxLines([...(original.taxes ?? []), ...(second.taxes ?? [])]),
          });

          const refund = correction('failed');
          expect(refund.corrects).toEqual({ number: 1 });
          expect(both(refund)).toEqual({ total: 0, taxes: [{ rate: taxRate, base: 0, tax: 0 }] });

          const confirmation = correction('succeeded');
          expect(confirmation.corrects).toEqual({ number: 1 });
          expect(confirmation.taxes).toEqual([{ rate: taxRate, base: 0, tax: 0 }]);
          expect(both(confirmation)).toEqual({ total: price, taxes: original.taxes });
        },
      ),
    );
  });

  it('leaves the cash handed over to the receipt it corrects', () => {
    const correction = receiptDraftFor(saleOf({ status: 'failed' }), {
      ...context,
      corrects: { number: 1 },
    });
    expect(correction.payment).toEqual({ method: 'cash' });
    expect(correction.quantity).toBe(-1);
  });
});
