/** What the clerk hands back after a failed top-up, exactly: all the cash, or the card payment. */
import type { Money } from '../../shared/currencies';
import type { SaleView } from '../../shared/sale';

export interface RefundLine {
  key: 'counter.outcome.refundCash' | 'counter.outcome.refundCard' | 'counter.outcome.refund';
  amount: Money;
}

/**
 * The refund line of a failed sale; null for any other outcome. Cash: the whole amount handed
 * over (the change was never given, the sale's outcome comes first); card: the price, paid back
 * on the card; other: the price.
 */
export function refundLine(
  sale: Pick<SaleView, 'status' | 'price' | 'payment'>,
): RefundLine | null {
  if (sale.status !== 'failed') return null;
  switch (sale.payment.method) {
    case 'cash':
      return { key: 'counter.outcome.refundCash', amount: sale.payment.tendered ?? sale.price };
    case 'card':
      return { key: 'counter.outcome.refundCard', amount: sale.price };
    case 'other':
      return { key: 'counter.outcome.refund', amount: sale.price };
  }
}
