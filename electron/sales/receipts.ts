import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import {
  type IssuedReceipt,
  type Receipt,
  type ReceiptContent,
  receiptContentSchema,
} from '../../shared/receipt';
import { type Actor, formatActor } from '../../shared/user';
import { receiptFact } from '../head-office/facts';
import { recordFact } from '../head-office/outbox';
import {
  type ChainAnchor,
  type ChainBounds,
  type ChainVerification,
  canonicalReceiptContent,
  chainReceipt,
  genesisAnchor,
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
  // The + keeps SQLite from answering max(number) by walking the device's receipts from the
  // newest down to the sale's (a second per call on a million receipts): a sale has one or two,
  // found through receipts_by_sale.
  const latestOfSale = db.prepare<[number, string], number>(
    'SELECT max(number) FROM receipts WHERE sale_id = ? AND +device_id = ?',
  );
  const run = db.prepare<[string, number, number], ReceiptRow>(`
    SELECT number, sale_id, content, hash, prev_hash FROM receipts
    WHERE device_id = ? AND number >= ? AND number < ? ORDER BY number`);
  const atOrAfter = db.prepare<[string, number], { number: number; issued_at: string }>(
    'SELECT number, issued_at FROM receipts WHERE device_id = ? AND number >= ? ORDER BY number LIMIT 1',
  );
  const before = db.prepare<[string, number], ChainAnchor>(
    'SELECT number, hash FROM receipts WHERE device_id = ? AND number < ? ORDER BY number DESC LIMIT 1',
  );
  const linkAfter = db.prepare<[string, number], { number: number; prev_hash: string }>(
    'SELECT number, prev_hash FROM receipts WHERE device_id = ? AND number >= ? ORDER BY number LIMIT 1',
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

  /**
   * The number of the first receipt issued at or after `instant` (one past the last receipt if
   * none was). Numbers follow issue order, so this bisects on the number, reading a few rows by
   * the primary key instead of every receipt: issued_at has no index.
   */
  function firstIssuedFrom(instant: string): number {
    let low = 1;
    let high = (last.get(deviceId)?.number ?? 0) + 1;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      const found = atOrAfter.get(deviceId, middle);
      if (found && found.issued_at < instant) low = found.number + 1;
      else high = middle;
    }
    return low;
  }

  function check(period?: { from: Date; to: Date }): {
    verification: ChainVerification;
    /** The number of the run's first receipt (the next one's when the run is empty). */
    first: number;
    count: number;
  } {
    const first = period ? firstIssuedFrom(period.from.toISOString()) : 1;
    const end = period
      ? firstIssuedFrom(period.to.toISOString())
      : (last.get(deviceId)?.number ?? 0) + 1;
    const receipts = run.all(deviceId, first, Math.max(first, end)).map(issuedOf);
    const bounds: ChainBounds = { from: before.get(deviceId, first) ?? genesisAnchor };
    const after = linkAfter.get(deviceId, end);
    if (after) bounds.last = { number: after.number - 1, hash: after.prev_hash };
    return { verification: verifyReceiptChain(receipts, bounds), first, count: receipts.length };
  }

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
          const stored = canonicalReceiptContent(content);
          insert.run(
            deviceId,
            issued.number,
            saleId,
            stored,
            issued.hash,
            issued.prevHash,
            issued.issuedAt,
          );
          recordFact(
            db,
            receiptFact(db, { ...issued, content: stored, saleId }),
            new Date(issued.issuedAt),
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
      return latestOfSale.pluck().get(saleId, deviceId) ?? null;
    },
    /** Logs the first print of a receipt, the original; refused if it was logged already. */
    logOriginalPrint(number: number, actor: Actor, printer: string): void {
      insertOriginalPrint.run(deviceId, number, now().toISOString(), formatActor(actor), printer);
    },
    /** Logs a reprint and returns the receipt marked COPY n. */
    reprint(number: number, actor: Actor, printer: string | null): Receipt | null {
      return db
        .transaction(() => {
          const row = byNumber.get(deviceId, number);
          if (!row) return null;
          const copy = (copies.pluck().get(deviceId, number) ?? 0) + 1;
          insertCopy.run(deviceId, number, copy, now().toISOString(), formatActor(actor), printer);
          return { ...issuedOf(row), copy };
        })
        .immediate();
    },
    /**
     * Checks this device's chain: content, links and numbering. Without a period, all of it;
     * with one (a day, in the shop's zone), the receipts issued in [from, to), linked to the
     * receipt before them and to the one after, without reading the rest. Should the clock have
     * gone back across an edge of the period, the run found there is still checked whole; only
     * where it starts or ends may be off by the receipts issued meanwhile.
     */
    verify(period?: { from: Date; to: Date }): ChainVerification {
      return check(period).verification;
    },
    /** What verify checks, with where the run starts and how many receipts it holds. */
    check,
  };
}

export type ReceiptBook = ReturnType<typeof createReceiptBook>;

/**
 * The books of every till: each till numbers and chains its own receipts (`receipts.device_id`
 * is the till's id; the hub's own till keeps the database's device id, so the receipts issued
 * before counters stay in its book). A till's book is made once, on first use, and only for one
 * of the shop's tills (`isTill`) where a caller names the till: another is refused `not_found`,
 * so no book is kept for any string sent. Left out where only sales' own tills are opened.
 */
export function receiptBooks(
  db: Database,
  now: () => Date,
  isTill: (tillId: string) => boolean = () => true,
) {
  const books = new Map<string, ReceiptBook>();
  return (tillId: string): ReceiptBook => {
    let book = books.get(tillId);
    if (!book) {
      if (!isTill(tillId)) throw new ApiError('not_found', `No till ${tillId}`);
      book = createReceiptBook(db, tillId, now);
      books.set(tillId, book);
    }
    return book;
  };
}

export type ReceiptBooks = ReturnType<typeof receiptBooks>;
