import type { Database } from 'better-sqlite3';
import {
  type IssuedReceipt,
  type Receipt,
  type ReceiptContent,
  receiptContentSchema,
} from '../../shared/receipt';
import {
  type ChainVerification,
  canonicalReceiptContent,
  chainReceipt,
  verifyReceiptChain,
} from './receipt-chain';

/** What the caller says; the book adds the device, the next number and the time. */
export type ReceiptDraft = Omit<ReceiptContent, 'deviceId' | 'number' | 'issuedAt'>;

interface ReceiptRow {
  number: number;
  sale_id: number;
  content: string;
  hash: string;
  prev_hash: string;
}

// Stored content is read back as it is, unvalidated: if someone altered it, the hash chain
// must be the one to say so (verify), not a parse error.
function issuedOf(row: ReceiptRow): IssuedReceipt {
  return {
    ...(JSON.parse(row.content) as ReceiptContent),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * The device's receipts: numbered without gaps, each chained to the previous one by its hash,
 * never changed once issued (the table is append-only). A reprint is logged as COPY n.
 */
export function createReceiptBook(db: Database, deviceId: string, now: () => Date) {
  const last = db.prepare<[string], { number: number; hash: string }>(
    'SELECT number, hash FROM receipts WHERE device_id = ? ORDER BY number DESC LIMIT 1',
  );
  const insert = db.prepare(`
    INSERT INTO receipts (device_id, number, sale_id, content, hash, prev_hash, issued_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const byNumber = db.prepare<[string, number], ReceiptRow>(
    'SELECT number, sale_id, content, hash, prev_hash FROM receipts WHERE device_id = ? AND number = ?',
  );
  const latestOfSale = db.prepare<[string, number], number>(
    'SELECT max(number) FROM receipts WHERE device_id = ? AND sale_id = ?',
  );
  const all = db.prepare<[string], ReceiptRow>(
    'SELECT number, sale_id, content, hash, prev_hash FROM receipts WHERE device_id = ? ORDER BY number',
  );
  const copies = db.prepare<[string, number], number>(
    'SELECT count(*) FROM receipt_copies WHERE device_id = ? AND number = ?',
  );
  const insertCopy = db.prepare(`
    INSERT INTO receipt_copies (device_id, number, copy, printed_at, actor, printer)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const originalPrinted = db.prepare<[string, number], number>(
    'SELECT count(*) FROM receipt_original_prints WHERE device_id = ? AND number = ?',
  );
  const insertOriginalPrint = db.prepare(`
    INSERT INTO receipt_original_prints (device_id, number, printed_at, actor, printer)
    VALUES (?, ?, ?, ?, ?)`);

  return {
    /** Issues the next receipt for a sale, in one transaction with its number. */
    issue(saleId: number, draft: ReceiptDraft): IssuedReceipt {
      return db
        .transaction(() => {
          const previous = last.get(deviceId) ?? null;
          const content = receiptContentSchema.parse({
            ...draft,
            deviceId,
            number: (previous?.number ?? 0) + 1,
            issuedAt: now().toISOString(),
          });
          const issued = chainReceipt(content, previous);
          insert.run(
            deviceId,
            issued.number,
            saleId,
            canonicalReceiptContent(content),
            issued.hash,
            issued.prevHash,
            issued.issuedAt,
          );
          return issued;
        })
        .immediate();
    },
    /**
     * A receipt, whether it was printed (a logged reprint means the original was, even before
     * originals were logged) and how many reprints were logged.
     */
    get(
      number: number,
    ): { receipt: IssuedReceipt; saleId: number; printed: boolean; copies: number } | null {
      const row = byNumber.get(deviceId, number);
      if (!row) return null;
      const reprints = copies.pluck().get(deviceId, number) ?? 0;
      return {
        receipt: issuedOf(row),
        saleId: row.sale_id,
        printed: reprints > 0 || (originalPrinted.pluck().get(deviceId, number) ?? 0) > 0,
        copies: reprints,
      };
    },
    /** The latest receipt of a sale (a correction follows the first), or null. */
    numberOfSale(saleId: number): number | null {
      return latestOfSale.pluck().get(deviceId, saleId) ?? null;
    },
    /** Logs the first print of a receipt, the original; refused if it was logged already. */
    logOriginalPrint(number: number, actor: string, printer: string): void {
      insertOriginalPrint.run(deviceId, number, now().toISOString(), actor, printer);
    },
    /** Logs a reprint and returns the receipt marked COPY n. */
    reprint(number: number, actor: string, printer: string | null): Receipt | null {
      return db
        .transaction(() => {
          const row = byNumber.get(deviceId, number);
          if (!row) return null;
          const copy = (copies.pluck().get(deviceId, number) ?? 0) + 1;
          insertCopy.run(deviceId, number, copy, now().toISOString(), actor, printer);
          return { ...issuedOf(row), copy };
        })
        .immediate();
    },
    /** Checks the whole chain of this device: content, links, numbering, and its end. */
    verify(): ChainVerification {
      const rows = all.all(deviceId);
      const receipts = rows.map(issuedOf);
      const tail = receipts.at(-1);
      return verifyReceiptChain(
        receipts,
        tail ? { last: { number: tail.number, hash: tail.hash } } : {},
      );
    },
  };
}

export type ReceiptBook = ReturnType<typeof createReceiptBook>;
