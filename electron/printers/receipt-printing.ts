import { hasCashDrawer, type Printer } from '../../shared/printer';
import type { Actor } from '../../shared/user';
import type { ReceiptBooks } from '../sales/receipts';
import { type Delivery, deliverReceipt } from './deliver';

interface PrintedReceipt {
  number: number;
  /** null for the original. */
  copy: number | null;
  printerId: string;
  file: string | null;
}

/**
 * Prints receipts from each till's receipt book. The first print of a receipt is the original; each
 * later one says COPY n and is logged as such, only once the printer took it: a failed print
 * logs nothing. Prints of one receipt run one after the other, so the copy number printed is
 * the one logged. A cash sale's original opens the drawer of a printer that has one (the cash
 * goes in, or a refund comes out); a copy never does.
 */
export function createReceiptPrinting(deps: { books: ReceiptBooks; delivery: Delivery }) {
  const inTurn = turnsByKey<string>();
  return {
    /** Receipt `number` of till `tillId`, as printed; null when there is no such receipt. */
    print(
      tillId: string,
      number: number,
      printer: Printer,
      actor: Actor,
    ): Promise<PrintedReceipt | null> {
      const receipts = deps.books(tillId);
      return inTurn(`${tillId} ${number}`, async () => {
        const found = receipts.get(number);
        if (!found) return null;
        const copy = found.printed ? found.copies + 1 : 0;
        const openDrawer =
          copy === 0 && found.receipt.payment.method === 'cash' && hasCashDrawer(printer);
        const { file } = await deliverReceipt(
          { ...found.receipt, copy },
          printer,
          deps.delivery,
          openDrawer,
        );
        if (copy === 0) receipts.logOriginalPrint(number, actor, printer.id);
        else receipts.reprint(number, actor, printer.id);
        return { number, copy: copy === 0 ? null : copy, printerId: printer.id, file };
      });
    },
  };
}

export type ReceiptPrinting = ReturnType<typeof createReceiptPrinting>;

/** Runs work for the same key one after the other, whether the previous one succeeded or not. */
function turnsByKey<K>() {
  const last = new Map<K, Promise<void>>();
  return <T>(key: K, work: () => Promise<T>): Promise<T> => {
    const result = (last.get(key) ?? Promise.resolve()).then(work);
    const done = result.then(
      () => {},
      () => {},
    );
    last.set(key, done);
    void done.then(() => {
      if (last.get(key) === done) last.delete(key);
    });
    return result;
  };
}
