import { createHash } from 'node:crypto';
import type { chainBreaks } from '../../shared/books';
import type { IssuedReceipt, ReceiptContent } from '../../shared/receipt';
import { canonicalJson } from '../store/canonical-json';

/**
 * The receipts of a device form a hash chain: each receipt's hash covers its content and the
 * previous receipt's hash, so altering, removing or reordering a stored receipt shows up when
 * the chain is verified. The printed QR code carries the hash too, so a customer's paper can be
 * checked against the books. Pure: no database, no clock.
 */

/** What the first receipt of a device chains from. */
export const receiptChainGenesis = '0'.repeat(64);

/** Where a verified run of receipts starts: after receipt `number`, whose hash is `hash`. */
export interface ChainAnchor {
  number: number;
  hash: string;
}

/** The start of every device's chain: before receipt 1. */
export const genesisAnchor: ChainAnchor = { number: 0, hash: receiptChainGenesis };

export type ChainBreak = (typeof chainBreaks)[number];

export type ChainVerification =
  | { ok: true }
  | {
      ok: false;
      /** Position, in the list given, of the first receipt that does not fit (the list's length
       * when receipts are missing at its end). */
      brokenAt: number;
      reason: ChainBreak;
    };

export interface ChainBounds {
  /** The receipt before the list; default: the device's genesis (the list starts at 1). */
  from?: ChainAnchor;
  /**
   * The receipt the list must end with, as the device's counter knows it. Without it, a list
   * whose last receipts were removed still verifies: a chain only shows what is missing
   * between two receipts it has.
   */
  last?: ChainAnchor;
}

/** Members of a stored or printed receipt that are not its content. */
const notContent = new Set(['prevHash', 'hash', 'copy']);

/**
 * The receipt content as one canonical text: JSON with object keys sorted (by UTF-16 code
 * units), no whitespace, absent and `undefined` members left out, arrays in order. Only strings,
 * safe integers, booleans, null, arrays and plain objects are accepted, so two equal contents
 * always give the same text and a different content a different one.
 *
 * A stored or printed receipt may be passed as it is: its chain link (`prevHash`), its `hash`
 * and its `copy` number are not content and are left out (a reprint does not change the receipt).
 */
export function canonicalReceiptContent(content: ReceiptContent): string {
  const members = Object.entries(content).filter(([key]) => !notContent.has(key));
  return canonicalJson(Object.fromEntries(members), 'content');
}

/** SHA-256, hex, over the previous receipt's hash followed by the canonical content. */
export function receiptHash(content: ReceiptContent, prevHash: string): string {
  return createHash('sha256')
    .update(prevHash, 'utf8')
    .update(canonicalReceiptContent(content), 'utf8')
    .digest('hex');
}

/**
 * Issues the receipt that follows `previous` (or the device's first): checks that its number is
 * the next one and links and hashes it.
 */
export function chainReceipt(content: ReceiptContent, previous: ChainAnchor | null): IssuedReceipt {
  const anchor = previous ?? genesisAnchor;
  if (content.number !== anchor.number + 1) {
    throw new RangeError(
      `Receipt ${content.number} cannot follow receipt ${anchor.number}: numbers have no gaps`,
    );
  }
  return { ...content, prevHash: anchor.hash, hash: receiptHash(content, anchor.hash) };
}

/**
 * Checks receipts of one device in order: each one's hash matches its content and link, its
 * link is the previous receipt's hash, and its number is the previous one plus one; with
 * `bounds`, that the list starts after `from` (to check one day without the whole history) and
 * ends at `last`. Reports the first receipt that does not fit.
 */
export function verifyReceiptChain(
  receipts: readonly IssuedReceipt[],
  bounds: ChainBounds = {},
): ChainVerification {
  let expected = bounds.from ?? genesisAnchor;
  for (const [index, receipt] of receipts.entries()) {
    const broken = (reason: ChainBreak): ChainVerification => ({
      ok: false,
      brokenAt: index,
      reason,
    });
    if (receiptHashOf(receipt) !== receipt.hash) return broken('hash_mismatch');
    if (receipt.number !== expected.number + 1) return broken('gap');
    if (receipt.prevHash !== expected.hash) return broken('prev_hash_mismatch');
    expected = { number: receipt.number, hash: receipt.hash };
  }
  const { last } = bounds;
  if (last && last.number !== expected.number) {
    const beyond = last.number < expected.number;
    return {
      ok: false,
      brokenAt: beyond
        ? Math.max(
            0,
            receipts.findIndex((receipt) => receipt.number > last.number),
          )
        : receipts.length,
      reason: 'gap',
    };
  }
  if (last && last.hash !== expected.hash) {
    return { ok: false, brokenAt: Math.max(0, receipts.length - 1), reason: 'hash_mismatch' };
  }
  return { ok: true };
}

/** The hash a stored receipt should carry; a receipt whose content does not serialise has none. */
function receiptHashOf(receipt: IssuedReceipt): string | null {
  try {
    return receiptHash(receipt, receipt.prevHash);
  } catch {
    return null;
  }
}
