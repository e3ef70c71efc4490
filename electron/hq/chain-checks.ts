import type { chainFlagKinds, chainNames } from '../../shared/head-office';
import type { ReceiptContent } from '../../shared/receipt';
import { receiptHash } from '../sales/receipt-chain';
import { chainHash } from '../store/hash-chain';

/**
 * The checks on arrival, pure: each chained record a shop sends (a receipt, a Z report, a period
 * closure, an audit event) is held against the head of its chain as the head office last saw it,
 * and its hash against its content with the shop's own chain functions. What does not fit is a
 * finding with the numbers involved. No database here: electron/hq/chain-arrivals.ts keeps the
 * heads and writes the findings.
 */

/** Where a finding is: one of a shop's chained books, or its sales (a sale id used again). */
export type FlaggedBook = (typeof chainNames)[number];
/** The chained books, each record held against its chain's head as it arrives. */
export type ChainName = Exclude<FlaggedBook, 'sales'>;
export type ChainFlagKind = (typeof chainFlagKinds)[number];

export interface ChainLink {
  number: number;
  hash: string;
}

export interface ChainedArrival extends ChainLink {
  prevHash: string;
  content: Record<string, unknown>;
}

export interface ChainFinding {
  kind: ChainFlagKind;
  /** The first number missing or differing, and the last one. */
  number: number;
  lastNumber: number;
  details: Record<string, unknown>;
}

// The names the shop hashes each book with (they only name a refused value in an error).
const chainHashNames: Record<Exclude<ChainName, 'receipts'>, string> = {
  zReports: 'z',
  periodClosures: 'closure',
  audit: 'audit_events',
};

/**
 * Whether a record's hash is its content's, chained to its `prevHash`, as the shop computes it
 * (electron/sales/receipt-chain.ts for receipts, electron/store/hash-chain.ts for the others).
 * Content that cannot be hashed (a fraction, a value JSON has no canonical text for) does not match.
 */
export function hashMatchesContent(chain: ChainName, record: ChainedArrival): boolean {
  try {
    if (chain === 'receipts') {
      return receiptHash(record.content as ReceiptContent, record.prevHash) === record.hash;
    }
    const { hash: _hash, prevHash: _prevHash, ...content } = record.content;
    return chainHash(record.prevHash, content, chainHashNames[chain]) === record.hash;
  } catch {
    return false;
  }
}

/**
 * Holds an arriving record against its chain's head (null: the first record seen of this chain,
 * which anchors it: a shop enrolled after years of selling starts where it is). `storedHash` is
 * the hash the head office holds for the same number, when it holds one. Returns what is wrong
 * and the chain's new head: the record just arrived, so that after a fork the chain follows the
 * shop's new branch and the fork is reported once, not at every record after it.
 */
export function checkArrival(
  head: ChainLink | null,
  record: ChainedArrival,
  hashMatches: boolean,
  storedHash: string | null,
): { findings: ChainFinding[]; head: ChainLink } {
  const findings: ChainFinding[] = [];
  if (!hashMatches) {
    findings.push({
      kind: 'hash_mismatch',
      number: record.number,
      lastNumber: record.number,
      details: { hash: record.hash, prevHash: record.prevHash },
    });
  }
  const next = { number: record.number, hash: record.hash };
  if (head === null) return { findings, head: next };
  if (record.number <= head.number) {
    // A number seen before: the same record again changes nothing; another one is a second
    // history (a shop restored from an old backup, selling again from an old number).
    if (
      storedHash === record.hash ||
      (storedHash === null && head.number === record.number && head.hash === record.hash)
    ) {
      return { findings, head };
    }
    findings.push({
      kind: 'fork',
      number: record.number,
      lastNumber: head.number,
      details: { storedHash, arrivedHash: record.hash, headNumber: head.number },
    });
    return { findings, head: next };
  }
  if (record.number > head.number + 1) {
    findings.push({
      kind: 'gap',
      number: head.number + 1,
      lastNumber: record.number - 1,
      details: { after: head.number, arrived: record.number },
    });
  } else if (record.prevHash !== head.hash) {
    findings.push({
      kind: 'fork',
      number: record.number,
      lastNumber: record.number,
      details: { expectedPrevHash: head.hash, prevHash: record.prevHash },
    });
  }
  return { findings, head: next };
}

/**
 * A shop's own check of its books (a `booksCheck` fact) against the receipts the head office
 * stored: a receipt whose hash differs is one changed at the shop after it was sent. Numbers the
 * head office does not hold yet are not judged; `alreadyFlagged` (`number:hash`) are left out, so
 * a shop checking at every start does not report the same change again.
 */
export function changedReceipts(
  stored: ReadonlyMap<number, string>,
  reported: readonly ChainLink[],
  alreadyFlagged: ReadonlySet<string>,
): ChainFinding | null {
  const changed = reported
    .filter((receipt) => {
      const hash = stored.get(receipt.number);
      return (
        hash !== undefined &&
        hash !== receipt.hash &&
        !alreadyFlagged.has(`${receipt.number}:${receipt.hash}`)
      );
    })
    .sort((a, b) => a.number - b.number);
  const first = changed[0];
  const last = changed.at(-1);
  if (!first || !last) return null;
  return {
    kind: 'changed',
    number: first.number,
    lastNumber: last.number,
    details: {
      receipts: changed.map((receipt) => ({
        number: receipt.number,
        stored: stored.get(receipt.number),
        reported: receipt.hash,
      })),
    },
  };
}

/**
 * A sale fact under an id the head office holds for another sale: a shop restored from an old
 * backup numbers its new sales from where the backup stood. A sale keeps its creation time
 * (`soldAt`) for life, so a later status of the same sale is no finding; another time is
 * another sale. Times are compared as instants, whatever their text.
 */
export function reusedSale(
  held: { soldAt: string } | null,
  arriving: { saleId: number; soldAt: string },
): ChainFinding | null {
  if (held === null || Date.parse(held.soldAt) === Date.parse(arriving.soldAt)) return null;
  return {
    kind: 'sale_reused',
    number: arriving.saleId,
    lastNumber: arriving.saleId,
    details: { saleId: arriving.saleId, heldSoldAt: held.soldAt, arrivedSoldAt: arriving.soldAt },
  };
}

/**
 * A refund of a sale the head office holds as refunded already. The sale held is this one (a
 * later sale under its id starts unrefunded), so this is the same sale refunded a second time
 * under another fact: a shop restored from an old backup that resolves the sale again and pays
 * it back again. The money did go out twice, as the shop's Z reports count it; someone should
 * look at why.
 */
export function repeatedRefund(
  held: { soldAt: string; refunded: boolean } | null,
  arriving: { saleId: number; at: string; amount: number },
): ChainFinding | null {
  if (held === null || !held.refunded) return null;
  return {
    kind: 'refund_repeated',
    number: arriving.saleId,
    lastNumber: arriving.saleId,
    details: {
      saleId: arriving.saleId,
      soldAt: held.soldAt,
      refundedAt: arriving.at,
      amount: arriving.amount,
    },
  };
}
