import type { CarrierProfile } from '../../shared/carrier';
import type { Sale } from '../../shared/sale';
import type { ShopProfile } from '../../shared/shop';
import type { Logger } from '../log';
import type { InSameCommit } from './journal';
import { receiptDraftFor } from './receipt-draft';
import type { ReceiptBook } from './receipts';

interface ReceiptingDeps {
  receipts: ReceiptBook;
  shop(): ShopProfile | null;
  nameOf(userId: number): string | null;
  carrierOf(carrierId: string): CarrierProfile | null;
  log: Logger;
}

/** Issues each outcome's receipt, in the shop's language, naming the clerk who sold it. */
export function createReceipting(deps: ReceiptingDeps) {
  /** Without a shop profile there is no receipt to issue yet: it comes at the next start. */
  const issue = (sale: Sale): void => {
    const profile = deps.shop();
    if (!profile) {
      deps.log.warn(
        `Sale ${sale.id}: no shop profile yet, its receipt will be issued at the next start`,
      );
      return;
    }
    deps.receipts.issue(
      sale.id,
      receiptDraftFor(sale, {
        shop: profile,
        clerk: deps.nameOf(sale.clerkId) ?? `#${sale.clerkId}`,
        carrier: deps.carrierOf(sale.carrierId),
        language: profile.defaultLanguage,
      }),
    );
  };
  /**
   * An outcome's receipt, issued in the outcome's own commit. If it cannot be issued, the outcome
   * still stands (the money moved): the receipt follows at the next start.
   */
  const withOutcome: InSameCommit = (sale) => {
    try {
      issue(sale);
    } catch (error) {
      deps.log.error(`Sale ${sale.id}: its receipt will be issued at the next start`, error);
    }
  };
  return { issue, withOutcome };
}

export type Receipting = ReturnType<typeof createReceipting>;
