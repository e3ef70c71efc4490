import type { ReceiptContent } from '../../shared/receipt';
import { type TaxRate, taxOfTotal } from '../../shared/tax';

/**
 * The sales journal as the accountant reads it: one entry per receipt and tax rate, amounts in
 * minor units of the receipt's currency, signed (a correction that gives money back is negative).
 * The sum of the entries' totals is what the till took over the period, and their tax by rate is
 * the tax it owes.
 */

/** A receipt as the books hold it, with what its tax is worked out from. */
export interface BookedReceipt {
  saleId: number;
  content: ReceiptContent;
  /** The sale's tax rate as sold; null for sales made before rates were recorded. */
  saleTaxRate: TaxRate | null;
  /**
   * The sale's receipt before this one on the same till, if any: a receipt issued before
   * receipts said what they correct still corrects the one before it.
   */
  previous: ReceiptContent | null;
}

/** One rate's part of a receipt; `rate` null when the sale's tax was not recorded. */
export interface JournalTaxPart {
  rate: TaxRate | null;
  /** Before tax, and the tax: null when the rate is not recorded. */
  base: number | null;
  tax: number | null;
  /** This part's share of the receipt's total (tax included). */
  total: number;
}

export interface JournalEntry extends JournalTaxPart {
  receipt: ReceiptContent;
  saleId: number;
  /** Units charged: 1 a sale, -1 a correction giving the money back, 0 one changing nothing. */
  quantity: number;
  /** The receipt this one corrects, by number. */
  corrects: number | null;
}

/** What a receipt itself charges, its refund taken off: a refunded top-up charges nothing. */
function charged(content: ReceiptContent): number {
  return (
    content.price.amount - (content.status === 'failed-refunded' ? (content.refundAmount ?? 0) : 0)
  );
}

/**
 * A receipt's total and its tax by rate, the one way the books read them: from the receipt's
 * own `taxes` when it has them; for a receipt issued before, from what it charges (less what the
 * sale's previous receipt charged: it corrects that one), with the sale's rate and `taxOfTotal`,
 * or "not recorded" for a sale made before rates were.
 */
export function receiptTaxParts(booked: BookedReceipt): JournalTaxPart[] {
  const { content, saleTaxRate, previous } = booked;
  const given = content.taxes;
  if (given && given.length > 0) {
    return given.map((line) => ({ ...line, total: line.base + line.tax }));
  }
  const total = given ? 0 : charged(content) - (previous ? charged(previous) : 0);
  if (saleTaxRate === null) return [{ rate: null, base: null, tax: null, total }];
  return [{ ...taxOfTotal(total, saleTaxRate), total }];
}

/** The journal's entries for receipts in number order: one per receipt and tax rate. */
export function journalEntries(receipts: readonly BookedReceipt[]): JournalEntry[] {
  return receipts.flatMap((booked) => {
    const { content } = booked;
    const parts = receiptTaxParts(booked);
    const total = parts.reduce((sum, part) => sum + part.total, 0);
    const price = content.price.amount;
    const corrects =
      content.corrects?.number ?? (content.taxes ? null : (booked.previous?.number ?? null));
    return parts.map((part) => ({
      ...part,
      receipt: content,
      saleId: booked.saleId,
      quantity: price > 0 ? Math.round(total / price) : 1,
      corrects,
    }));
  });
}
