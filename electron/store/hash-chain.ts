import { createHash } from 'node:crypto';
import type { ChainFinding } from '../../shared/books';
import { canonicalJson } from './canonical-json';

/**
 * The books' hash chains (period closures, the audit trail): each record's hash is SHA-256 over
 * the previous record's hash followed by the record's canonical JSON (electron/store/
 * canonical-json.ts), without its own `hash` and `prevHash`. Altering, removing or reordering a
 * stored record then shows when the chain is checked. Pure: no database, no clock. An archive is
 * checked with the same functions on a machine without the shop's database.
 */

/** What the first record of a chain links to. */
export const chainGenesis = '0'.repeat(64);

/** A record's hash from the one before it; `content` must not hold `hash` or `prevHash`. */
export function chainHash(prevHash: string, content: unknown, name: string): string {
  return createHash('sha256')
    .update(prevHash, 'utf8')
    .update(canonicalJson(content, name), 'utf8')
    .digest('hex');
}

/** A chained record as stored: its number in the chain (1, 2, 3…), its content and links. */
export interface ChainedRecord {
  number: number;
  content: unknown;
  hash: string;
  prevHash: string;
}

/**
 * Checks records in order from `previous` (the genesis by default): each one's hash, its link to
 * the one before, its number the previous plus one. Names the first record that does not fit by
 * its number (for a gap, the number missing).
 */
export function verifyChain(
  records: Iterable<ChainedRecord>,
  name: string,
  previous: { number: number; hash: string } = { number: 0, hash: chainGenesis },
): ChainFinding {
  let expected = previous;
  let count = 0;
  for (const record of records) {
    count += 1;
    const broken = (reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap', at = record.number) =>
      ({ ok: false, count, brokenAt: Math.max(1, at), reason }) as const;
    let hash: string | null;
    try {
      hash = chainHash(record.prevHash, record.content, name);
    } catch {
      hash = null;
    }
    if (hash !== record.hash) return broken('hash_mismatch');
    if (record.number !== expected.number + 1) return broken('gap', expected.number + 1);
    if (record.prevHash !== expected.hash) return broken('prev_hash_mismatch');
    expected = { number: record.number, hash: record.hash };
  }
  return { ok: true, count };
}
