import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { tillOf } from './facts';
import { recordFact } from './outbox';

/** The most receipts of a till one check holds: the wire's schema takes no more. */
export const receiptsPerCheck = 5_000;

/**
 * The hash a stored receipt's text and link give now. The book stores a receipt's canonical
 * content (receipts.ts), so for a receipt as issued this is its receiptHash, its stored hash;
 * a receipt whose content or link was changed gives another one, whether or not its stored hash
 * was rewritten with it. Hashing the text as stored, without reading it back as JSON, makes the
 * check of 100 000 receipts take about 4 s instead of 11 s (measured on a busy 2-core machine).
 */
function hashNow(content: string, prevHash: string): string {
  return createHash('sha256').update(prevHash, 'utf8').update(content, 'utf8').digest('hex');
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
