import type { Database } from 'better-sqlite3';
import { batchLimits, type Fact } from '../../shared/head-office';

/** What the wire's envelope around the facts may add to a batch's body, at most. */
const envelopeBytes = 100;

/** The most bytes one fact's JSON may take: alone in a batch, the batch stays within the bound. */
export const largestFactBytes = batchLimits.bytes - envelopeBytes - 1;

/**
 * The next facts to send, oldest first: as many as `limits` allows in count and in bytes of
 * JSON (always at least one, so a fact bigger than the bound still goes, alone).
 */
export function nextBatch(db: Database, limits: { facts: number; bytes: number } = batchLimits) {
  const rows = db
    .prepare('SELECT id, kind, payload FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT ?')
    .all(limits.facts) as { id: string; kind: Fact['kind']; payload: string }[];
  const facts: Fact[] = [];
  let bytes = envelopeBytes;
  for (const row of rows) {
    const fact = { id: row.id, kind: row.kind, payload: JSON.parse(row.payload) } as Fact;
    // The fact as the body spells it, and the comma before it.
    const size = Buffer.byteLength(JSON.stringify(fact)) + 1;
    if (facts.length > 0 && bytes + size > limits.bytes) break;
    facts.push(fact);
    bytes += size;
  }
  return facts;
}

/** The facts written and not yet acknowledged, and when the oldest of them was written. */
export function outboxBacklog(db: Database): { count: number; oldestAt: string | null } {
  const row = db
    .prepare(
      `SELECT count(*) AS count,
         (SELECT created_at FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT 1) AS oldestAt
       FROM outbox WHERE sent_at IS NULL`,
    )
    .get() as { count: number; oldestAt: string | null };
  return row;
}

/** When the shop wrote a fact of its outbox (rows are never deleted). */
export function factRecordedAt(db: Database, id: string): string {
  return db.prepare('SELECT created_at FROM outbox WHERE id = ?').pluck().get(id) as string;
}

/**
 * Marks the facts up to `highWater` sent, at most up to `lastSent` (the batch's last fact): an
 * acknowledgement never covers a fact the head office was not sent.
 */
export function markSent(db: Database, highWater: string, lastSent: string, at: string): number {
  const upTo = highWater < lastSent ? highWater : lastSent;
  return db.prepare('UPDATE outbox SET sent_at = ? WHERE sent_at IS NULL AND id <= ?').run(at, upTo)
    .changes;
}
