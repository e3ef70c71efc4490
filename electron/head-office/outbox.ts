import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { factPayloads, type NewFact, nextUuidv7 } from '../../shared/head-office';
import { largestFactBytes } from './outbox-batches';
import { fitForWire } from './wire-text';

/**
 * The outbox of facts going up to the head office. A writer of the books calls `recordFact`
 * inside its own transaction, so the fact and its outbox row are committed together or not at
 * all: a stop between the two can neither lose a fact nor send one that did not happen.
 */

// The last id made per database: ids only grow, also when the clock steps back.
const lastIds = new WeakMap<Database, string | null>();

function lastIdOf(db: Database): string | null {
  if (!lastIds.has(db)) {
    const row = db.prepare('SELECT max(id) AS id FROM outbox').get() as { id: string | null };
    lastIds.set(db, row.id);
  }
  return lastIds.get(db) ?? null;
}

/**
 * Writes a fact to the outbox and answers its id. Must run inside the transaction that writes
 * the fact itself (better-sqlite3 runs it there when called from the transaction's function).
 * Its texts are made fit for the head office (wire-text.ts): a fact it could not take would hold
 * the outbox; one too big even so is refused here, with what writes it.
 */
export function recordFact(db: Database, fact: NewFact, at: Date): string {
  if (!db.inTransaction) {
    throw new Error(`A ${fact.kind} fact is written in the transaction of what it records`);
  }
  const id = nextUuidv7(lastIdOf(db), at.getTime(), randomBytes(10));
  // The fact around its payload: its id, its kind, and the keys' quotes and commas.
  const around = Buffer.byteLength(JSON.stringify({ id, kind: fact.kind, payload: null })) - 4;
  const payload = fitForWire(
    factPayloads[fact.kind].parse(fact.payload),
    largestFactBytes - around,
  );
  db.prepare('INSERT INTO outbox (id, kind, payload, created_at) VALUES (?, ?, ?, ?)').run(
    id,
    fact.kind,
    JSON.stringify(payload),
    at.toISOString(),
  );
  // Set only once the row is in: a rolled-back insert made no id, and the next one may reuse
  // the time; the rolled-back transaction's id is never seen anywhere.
  lastIds.set(db, id);
  return id;
}
