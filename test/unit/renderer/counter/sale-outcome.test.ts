/**
 * After the sale: the refund says exactly what to hand back, and the receipt prints by itself
 * once, on the default printer, when the shop wants it.
 */
import { describe, expect, it } from 'vitest';
import { refundLine } from '../../../../renderer/counter/outcome-words';
import {
  type AutoPrintDeps,
  printsByItself,
  receiptAutoPrinter,
} from '../../../../renderer/counter/receipt-autoprint';
import type { PrinterSetup } from '../../../../shared/printer';

const xpf = (amount: number) => ({ amount, currency: 'XPF' as const });

describe('the refund line of a failed sale', () => {
  const price = xpf(6000);

  it('gives back all the cash handed over, not only the price', () => {
    const cash = {
      method: 'cash' as const,
      tendered: xpf(10_000),
      change: xpf(4000),
      reference: null,
    };
    expect(refundLine({ status: 'failed', price, payment: cash })).toEqual({
      key: 'counter.outcome.refundCash',
      amount: xpf(10_000),
    });
  });

  it('pays the price back on the card, or hands it back for another payment', () => {
    const paid = (method: 'card' | 'other') => ({
      method,
      tendered: null,
      change: null,
      reference: null,
    });
    expect(refundLine({ status: 'failed', price, payment: paid('card') })).toEqual({
      key: 'counter.outcome.refundCard',
      amount: price,
    });
    expect(refundLine({ status: 'failed', price, payment: paid('other') })).toEqual({
      key: 'counter.outcome.refund',
      amount: price,
    });
  });

  it('is not there for a sale done or pending', () => {
    const payment = { method: 'card' as const, tendered: null, change: null, reference: null };
    expect(refundLine({ status: 'succeeded', price, payment })).toBeNull();
    expect(refundLine({ status: 'unknown', price, payment })).toBeNull();
  });
});

const pdf = {
  id: 'pdf',
  name: 'Receipts as PDF',
  paper: '80mm' as const,
  kind: 'pdf' as const,
  folder: null,
};
const setup = (change: Partial<PrinterSetup>): PrinterSetup => ({
  printers: [pdf],
  defaultPrinterId: 'pdf',
  autoPrint: true,
  ...change,
});

/** The calls a printer of receipts made, against a shop set up as `shop`. */
function shopWith(shop: PrinterSetup, printedAlready: readonly number[] = []) {
  const printed: number[] = [];
  const deps: AutoPrintDeps = {
    printers: async () => shop,
    printed: async (number) => printedAlready.includes(number) || printed.includes(number),
    print: async (number) => {
      printed.push(number);
      return { number, copy: null, printerId: 'pdf', file: `/tmp/receipt-${number}.pdf` };
    },
  };
  return { deps, printed };
}

describe('a receipt printing by itself', () => {
  it('prints on the default printer when the shop wants it', () => {
    expect(printsByItself(setup({}))).toBe(true);
    expect(printsByItself(setup({ autoPrint: false }))).toBe(false);
    expect(printsByItself(setup({ defaultPrinterId: null }))).toBe(false);
  });

  it('prints each receipt once, however often it is asked', async () => {
    const { deps, printed } = shopWith(setup({}));
    const print = receiptAutoPrinter(deps);
    expect(await print(7)).toMatchObject({ kind: 'printed', printerName: 'Receipts as PDF' });
    expect(print(7)).toBeNull();
    expect(await print(8)).toMatchObject({ kind: 'printed' });
    expect(printed).toEqual([7, 8]);
  });

  it('leaves a receipt already printed, and a shop without a default printer, alone', async () => {
    const done = shopWith(setup({}), [7]);
    expect(await receiptAutoPrinter(done.deps)(7)).toEqual({ kind: 'skipped' });
    const none = shopWith(setup({ defaultPrinterId: null }));
    expect(await receiptAutoPrinter(none.deps)(7)).toEqual({ kind: 'skipped' });
    expect([...done.printed, ...none.printed]).toEqual([]);
  });

  it('says why a print failed, and does not print it again by itself', async () => {
    const broken: AutoPrintDeps = {
      ...shopWith(setup({})).deps,
      print: () => Promise.reject(new Error('paper out')),
    };
    const print = receiptAutoPrinter(broken);
    expect(await print(7)).toMatchObject({ kind: 'failed', error: new Error('paper out') });
    expect(print(7)).toBeNull();
  });
});
