import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ReceiptContent } from '../../shared/receipt';
import { receiptHash } from '../sales/receipt-chain';
import { tillOf } from './facts';
import { recordFact } from './outbox';

/** The most receipts of a till one check holds: the wire's schema takes no more. */
export const receiptsPerCheck = 5_000;

/**
 * The hash a stored receipt's content and link give now (the shop's own receiptHash): the
 * stored hash while the receipt is as issued, another one as soon as its content or its link
 * was changed, whether or not its stored hash was rewritten with it. Content that no longer
 * reads as JSON is hashed as the text it is, which no intact receipt gives either.
 */
function hashNow(content: string, prevHash: string): string {
  try {
    return receiptHash(JSON.parse(content) as ReceiptContent, prevHash);
  } catch {
    return createHash('sha256').update(prevHash, 'utf8').update(content, 'utf8').digest('hex');
  }
}

/**
 * Writes the shop's own check of its books to the outbox (at start and after each day close):
 * for each till, every receipt's number with the hash it gives now, so a receipt changed at the
 * shop after it went up shows at the head office. One fact per `receiptsPerCheck` receipts of a
 * till, all written in one transaction: the check is of one moment. Answers the facts' ids
 * (none when the shop has issued no receipt yet).
 */
export function recordBooksCheck(db: Database, at: Date): string[] {
  const devices = db.prepare('SELECT DISTINCT device_id FROM receipts ORDER BY device_id').pluck();
  // A page at a time by the primary key: a statement being iterated would keep the outbox's
  // insert from running.
  const pageOf = db.prepare<
    [string, number, number],
    { number: number; content: string; prev_hash: string }
  >(
    `SELECT number, content, prev_hash FROM receipts WHERE device_id = ? AND number > ?
     ORDER BY number LIMIT ?`,
  );
  return db
    .transaction(() => {
      const ids: string[] = [];
      for (const deviceId of devices.all() as string[]) {
        const tillId = tillOf(db, deviceId);
        let after = 0;
        for (;;) {
          const page = pageOf.all(deviceId, after, receiptsPerCheck);
          const last = page.at(-1);
          if (!last) break;
          const receipts = page.map((row) => ({
            number: row.number,
            hash: hashNow(row.content, row.prev_hash),
          }));
          const payload = { at: at.toISOString(), tills: [{ tillId, receipts }] };
          ids.push(recordFact(db, { kind: 'booksCheck', payload }, at));
          after = last.number;
        }
      }
      return ids;
    })
    .immediate();
}
