import type { CarrierProfile } from '../../shared/carrier';
import type { Language } from '../../shared/languages';
import type { Sale } from '../../shared/sale';
import type { ShopProfile } from '../../shared/shop';
import type { Logger } from '../log';
import type { InSameCommit } from './journal';
import { receiptDraftFor } from './receipt-draft';
import type { ReceiptBook } from './receipts';

/** Where a sale's receipts are issued: its till's book, and the till's name when not the hub's. */
export interface TillOfSale {
  receipts: ReceiptBook;
  /** A counter's till; both left out for the hub's own till (the shop profile's till name). */
  counter?: { id: string; name: string };
}

interface ReceiptingDeps {
  /** The till a sale was made at, whoever settles it later (a late answer, an SMS, a manager). */
  tillOf(sale: Sale): TillOfSale;
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
    const till = deps.tillOf(sale);
    // A sale's second receipt corrects its first, the one that said pending (never an edit).
    const earlier = till.receipts.numberOfSale(sale.id);
    till.receipts.issue(
      sale.id,
      receiptDraftFor(sale, {
        shop: profile,
        tillName: till.counter?.name ?? profile.tillName,
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
