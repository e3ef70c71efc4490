import type { PoolClient } from 'pg';
import {
  type ChainedArrival,
  type ChainFinding,
  type ChainName,
  changedReceipts,
  checkArrival,
  hashMatchesContent,
} from './chain-checks';

/**
 * The checks on arrival against the database, inside the ingest's transaction (the shop's
 * advisory lock is held, so its heads are read and moved by one server at a time): moves the
 * chain's head and writes what the pure checks found, with the fact it came from.
 */

export interface ArrivalContext {
  client: PoolClient;
  shopId: string;
  factId: string;
  at: Date;
}

/** The chain key of a till: '' for the hub's own till (null on the wire). */
export const tillKey = (tillId: string | null) => tillId ?? '';

async function flag(
  context: ArrivalContext,
  chain: ChainName,
  till: string,
  finding: ChainFinding,
) {
  await context.client.query(
    `INSERT INTO chain_flags (shop_id, chain, till_id, kind, number, last_number, details, fact_id, flagged_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      context.shopId,
      chain,
      till,
      finding.kind,
      finding.number,
      finding.lastNumber,
      finding.details,
      context.factId,
      context.at,
    ],
  );
}

/**
 * Checks one chained record as it arrives. `till` is the chain's key within the shop (a till, or
 * a till and a closure kind: month and year closures are chains of their own); `storedHash` the
 * hash the head office holds for that number, if any.
 */
export async function recordArrival(
  context: ArrivalContext,
  chain: ChainName,
  till: string,
  record: ChainedArrival,
  storedHash: string | null,
) {
  const { client, shopId } = context;
  const found = await client.query<{ number: number; hash: string }>(
    'SELECT number, hash FROM chain_heads WHERE shop_id = $1 AND chain = $2 AND till_id = $3',
    [shopId, chain, till],
  );
  const checked = checkArrival(
    found.rows[0] ?? null,
    record,
    hashMatchesContent(chain, record),
    storedHash,
  );
  for (const finding of checked.findings) await flag(context, chain, till, finding);
  await client.query(
    `INSERT INTO chain_heads (shop_id, chain, till_id, number, hash) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (shop_id, chain, till_id) DO UPDATE SET number = $4, hash = $5`,
    [shopId, chain, till, checked.head.number, checked.head.hash],
  );
}

/** A shop's `booksCheck` for one till: receipts whose hash is no longer the one sent. */
export async function recordBooksCheck(
  context: ArrivalContext,
  till: string,
  receipts: readonly { number: number; hash: string }[],
) {
  const { client, shopId } = context;
  if (receipts.length === 0) return;
  const stored = await client.query<{ number: number; hash: string }>(
    `SELECT number, hash FROM receipts
     WHERE shop_id = $1 AND till_id = $2 AND number = ANY($3::integer[])`,
    [shopId, till, receipts.map((receipt) => receipt.number)],
  );
  const flagged = await client.query<{
    details: { receipts?: { number: number; reported: string }[] };
  }>(
    `SELECT details FROM chain_flags
     WHERE shop_id = $1 AND chain = 'receipts' AND till_id = $2 AND kind = 'changed'`,
    [shopId, till],
  );
  const already = new Set(
    flagged.rows.flatMap((row) =>
      (row.details.receipts ?? []).map((receipt) => `${receipt.number}:${receipt.reported}`),
    ),
  );
  const finding = changedReceipts(
    new Map(stored.rows.map((row) => [row.number, row.hash])),
    receipts,
    already,
  );
  if (finding) await flag(context, 'receipts', till, finding);
}
