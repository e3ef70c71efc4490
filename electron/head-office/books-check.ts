import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { tillOf } from './facts';
import { recordFact } from './outbox';

/**
 * The newest receipts of each till a check holds: two busy days. Hashing a whole chain took 4 s
 * per 100 000 receipts (measured on a busy 2-core machine), which neither a start nor a day
 * close can wait for on a shop of a million; the newest ones cost the same on a shop of any
 * age. An older receipt changed at the shop is the shop's own chain check's to find; an old
 * backup restored shows at the head office from the receipts' own facts (a fork).
 */
export const receiptsPerCheck = 2_000;

/**
 * The hash a stored receipt's text and link give now. The book stores a receipt's canonical
 * content (receipts.ts), so for a receipt as issued this is its receiptHash, its stored hash;
 * a receipt whose content or link was changed gives another one, whether or not its stored hash
 * was rewritten with it. The text is hashed as stored, not read back as JSON: three times
 * faster.
 */
function hashNow(content: string, prevHash: string): string {
  return createHash('sha256').update(prevHash, 'utf8').update(content, 'utf8').digest('hex');
}

/**
 * Writes the shop's own check of its books to the outbox (at start and after each day close):
 * for each till, its newest receipts' numbers with the hash each gives now, so a receipt changed
 * at the shop after it went up shows at the head office. One fact per till, all written in one
 * transaction: the check is of one moment. Answers the facts' ids (none when the shop has issued
 * no receipt yet).
 */
export function recordBooksCheck(db: Database, at: Date): string[] {
  // Each till found by one step down the primary key, not by reading every receipt.
  const nextDevice = db
    .prepare<[string], string | null>('SELECT min(device_id) FROM receipts WHERE device_id > ?')
    .pluck();
  const newestOf = db.prepare<
    [string, number],
    { number: number; content: string; prev_hash: string }
  >(
    'SELECT number, content, prev_hash FROM receipts WHERE device_id = ? ORDER BY number DESC LIMIT ?',
  );
  return db
    .transaction(() => {
      const ids: string[] = [];
      for (let device = nextDevice.get(''); device; device = nextDevice.get(device)) {
        const receipts = newestOf
          .all(device, receiptsPerCheck)
          .reverse()
          .map((row) => ({ number: row.number, hash: hashNow(row.content, row.prev_hash) }));
        const payload = { at: at.toISOString(), tills: [{ tillId: tillOf(db, device), receipts }] };
        ids.push(recordFact(db, { kind: 'booksCheck', payload }, at));
      }
      return ids;
    })
    .immediate();
}
