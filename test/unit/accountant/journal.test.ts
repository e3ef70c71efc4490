import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { journalCsv, summaryCsv } from '../../../electron/accountant/csv';
import { type BookedReceipt, journalEntries } from '../../../electron/accountant/journal';
import { periodWindow } from '../../../electron/accountant/period-window';
import type { ReceiptContent } from '../../../shared/receipt';
import { taxOfTotal } from '../../../shared/tax';
import { readCsv } from '../../support/csv';
import { saleContent } from '../printing/sale';

const receipt = (number: number, changes: Partial<ReceiptContent> = {}): ReceiptContent => ({
  ...saleContent,
  number,
  ...changes,
});

describe('the journal of receipts', () => {
  it('reads a receipt’s own taxes and correction link when it carries them', () => {
    const sold = receipt(1, { taxes: [taxOfTotal(5500, 1100)] });
    const correction = receipt(2, {
      status: 'failed-refunded',
      refundAmount: 5500,
      taxes: [taxOfTotal(-5500, 1100)],
      corrects: { number: 1 },
    });
    const entries = journalEntries([
      { saleId: 7, content: sold, saleTaxRate: 1100, previous: null },
      { saleId: 7, content: correction, saleTaxRate: 1100, previous: sold },
    ]);
    expect(
      entries.map(({ quantity, total, rate, base, tax, corrects }) => ({
        quantity,
        total,
        rate,
        base,
        tax,
        corrects,
      })),
    ).toEqual([
      { quantity: 1, total: 5500, rate: 1100, base: 4955, tax: 545, corrects: null },
      { quantity: -1, total: -5500, rate: 1100, base: -4955, tax: -545, corrects: 1 },
    ]);
  });

  it('says a tax is not recorded for a sale made before rates were, and never guesses it', () => {
    const [entry] = journalEntries([
      { saleId: 3, content: receipt(9), saleTaxRate: null, previous: null },
    ]);
    expect(entry).toMatchObject({ rate: null, base: null, tax: null, total: 5500 });
    const journal = readCsv(
      journalCsv(
        journalEntries([{ saleId: 3, content: receipt(9), saleTaxRate: null, previous: null }]),
        'Pacific/Noumea',
      ),
    );
    expect(journal[0]).toMatchObject({
      tax_rate_percent: '',
      amount_before_tax: '',
      tax: '',
      total: '5500',
    });
    const summary = readCsv(
      summaryCsv(
        journalEntries([{ saleId: 3, content: receipt(9), saleTaxRate: null, previous: null }]),
        'XPF',
      ),
    );
    expect(summary.find((row) => row.section === 'by_tax_rate')).toMatchObject({
      key: 'not_recorded',
      tax: '',
    });
  });

  it('adds up to the summary: per rate, before tax plus tax is the total, for any receipts', () => {
    const booked = fc.record({
      price: fc.integer({ min: 0, max: 2_000_000 }),
      rate: fc.option(fc.constantFrom(0, 300, 550, 1100, 2200), { nil: null }),
      status: fc.constantFrom('succeeded', 'failed-refunded', 'pending-verification'),
      method: fc.constantFrom('cash', 'card', 'other'),
      given: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(booked, { maxLength: 30 }), (sales) => {
        const receipts: BookedReceipt[] = sales.map((sale, index) => {
          const refund = sale.status === 'failed-refunded' ? sale.price : null;
          const charged = sale.price - (refund ?? 0);
          return {
            saleId: index + 1,
            saleTaxRate: sale.rate,
            previous: null,
            content: receipt(index + 1, {
              price: { amount: sale.price, currency: 'XPF' },
              payment: { method: sale.method as 'cash' },
              status: sale.status as 'succeeded',
              refundAmount: refund,
              ...(sale.given && sale.rate !== null
                ? { taxes: [taxOfTotal(charged, sale.rate)] }
                : {}),
            }),
          };
        });
        const entries = journalEntries(receipts);
        for (const entry of entries) {
          if (entry.base !== null && entry.tax !== null)
            expect(entry.base + entry.tax).toBe(entry.total);
        }
        const journal = readCsv(journalCsv(entries, 'Pacific/Noumea'));
        const summary = readCsv(summaryCsv(entries, 'XPF'));
        const byRate = new Map<string, number>();
        for (const row of journal) {
          const key = row.tax_rate_percent || 'not_recorded';
          byRate.set(key, (byRate.get(key) ?? 0) + Number(row.total));
        }
        for (const [key, total] of byRate) {
          const line = summary.find((row) => row.section === 'by_tax_rate' && row.key === key);
          expect(Number(line?.total)).toBe(total);
          if (key !== 'not_recorded') {
            const tax = journal
              .filter((row) => row.tax_rate_percent === key)
              .reduce((sum, row) => sum + Number(row.tax), 0);
            expect(Number(line?.tax)).toBe(tax);
            expect(Number(line?.amount_before_tax) + Number(line?.tax)).toBe(total);
          }
        }
        const all = summary.find((row) => row.section === 'total');
        expect(Number(all?.total)).toBe(journal.reduce((sum, row) => sum + Number(row.total), 0));
      }),
    );
  });
});

describe('the period an export covers', () => {
  it('runs from local midnight to local midnight in the shop’s zone, clocks changing or not', () => {
    expect(periodWindow('day', '2026-11-22', 'Pacific/Noumea')).toEqual({
      from: new Date('2026-11-21T13:00:00.000Z'),
      to: new Date('2026-11-22T13:00:00.000Z'),
    });
    expect(periodWindow('month', '2026-12', 'Pacific/Noumea')).toEqual({
      from: new Date('2026-11-30T13:00:00.000Z'),
      to: new Date('2026-12-31T13:00:00.000Z'),
    });
    // Paris changes its clocks in March: the month is an hour shorter.
    expect(periodWindow('month', '2026-03', 'Europe/Paris')).toEqual({
      from: new Date('2026-02-28T23:00:00.000Z'),
      to: new Date('2026-03-31T22:00:00.000Z'),
    });
    expect(periodWindow('year', '2026', 'Pacific/Noumea')).toEqual({
      from: new Date('2025-12-31T13:00:00.000Z'),
      to: new Date('2026-12-31T13:00:00.000Z'),
    });
  });

  it('refuses a name that is not of its kind or names no real day', () => {
    for (const [kind, period] of [
      ['day', '2026-02-30'],
      ['day', '2026-11'],
      ['month', '2026-13'],
      ['month', '2026'],
      ['year', '26'],
      // A year below 2000 would be read as 1900 + it: no till's books are that old.
      ['year', '0026'],
      ['month', '0026-11'],
      ['day', '1999-12-31'],
    ] as const) {
      expect(periodWindow(kind, period, 'Pacific/Noumea')).toBeNull();
    }
  });
});
