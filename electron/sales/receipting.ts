import type { CarrierProfile } from '../../shared/carrier';
import type { Language } from '../../shared/languages';
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
  /** The language the clerk picked for the sale's receipt; null: the shop's. */
  receiptLanguageOf(saleId: number): Language | null;
  log: Logger;
}

/**
 * Issues each outcome's receipt, naming the clerk who sold it, in the language picked for the
 * customer when the sale was written (the shop's otherwise): the language is part of what the
 * receipt's hash covers, so it is settled before the receipt exists.
 */
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
    // A sale's second receipt corrects its first, the one that said pending (never an edit).
    const earlier = deps.receipts.numberOfSale(sale.id);
    deps.receipts.issue(
      sale.id,
      receiptDraftFor(sale, {
        shop: profile,
        clerk: deps.nameOf(sale.clerkId) ?? `#${sale.clerkId}`,
        carrier: deps.carrierOf(sale.carrierId),
        language: deps.receiptLanguageOf(sale.id) ?? profile.defaultLanguage,
        ...(earlier === null ? {} : { corrects: { number: earlier } }),
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
