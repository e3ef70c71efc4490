import type { PoolClient } from 'pg';
import {
  type ChainedArrival,
  type ChainFinding,
  type ChainLink,
  type ChainName,
  changedReceipts,
  checkArrival,
  type FlaggedBook,
  hashMatchesContent,
} from './chain-checks';

/**
 * The checks on arrival against the database, inside the ingest's transaction (the shop's
 * advisory lock is held, so its heads are read and moved by one server at a time): the shop's
 * chain heads are read once per batch, moved in memory as its records arrive in order, and
 * written back with what the pure checks found, each finding with the fact it came from.
 */

export interface ArrivalContext {
  client: PoolClient;
  shopId: string;
  at: Date;
}

/** The chain key of a till: '' for the hub's own till (null on the wire). */
export const tillKey = (tillId: string | null) => tillId ?? '';

export interface Flag {
  chain: FlaggedBook;
  till: string;
  finding: ChainFinding;
  factId: string;
}

/** Findings, each with the fact it came from. */
export async function writeFlags(context: ArrivalContext, flags: readonly Flag[]) {
  if (flags.length === 0) return;
  await context.client.query(
    `INSERT INTO chain_flags (shop_id, chain, till_id, kind, number, last_number, details,
       fact_id, flagged_at)
     SELECT $1, f.chain, f.till_id, f.kind, f.number, f.last_number, f.details, f.fact_id, $3
     FROM jsonb_to_recordset($2::jsonb) AS f (chain text, till_id text, kind text,
       number bigint, last_number bigint, details jsonb, fact_id uuid)`,
    [
      context.shopId,
      JSON.stringify(
        flags.map(({ chain, till, finding, factId }) => ({
          chain,
          till_id: till,
          kind: finding.kind,
          number: finding.number,
          last_number: finding.lastNumber,
          details: finding.details,
          fact_id: factId,
        })),
      ),
      context.at,
    ],
  );
}

// The chains whose records the head office keeps, by number: a number seen again is compared.
const storedIn: Partial<Record<ChainName, string>> = {
  receipts: 'receipts',
  zReports: 'z_reports',
};

/** One batch's arrivals of a shop: `arrive` in the shop's order, then `write` once. */
export async function chainArrivals(context: ArrivalContext) {
  const { client, shopId } = context;
  const found = await client.query<{ chain: ChainName; till_id: string } & ChainLink>(
    'SELECT chain, till_id, number, hash FROM chain_heads WHERE shop_id = $1',
    [shopId],
  );
  const key = (chain: ChainName, till: string) => `${chain}\u0000${till}`;
  const heads = new Map(found.rows.map((row) => [key(row.chain, row.till_id), row as ChainLink]));
  const moved = new Map<string, { chain: ChainName; till: string; head: ChainLink }>();
  // Records of this batch not written yet: a number twice in one batch is compared too.
  const arrived = new Map<string, string>();
  const flags: Flag[] = [];

  async function storedHash(chain: ChainName, till: string, number: number) {
    const table = storedIn[chain];
    if (!table) return null;
    const held = await client.query<{ hash: string }>(
      `SELECT hash FROM ${table} WHERE shop_id = $1 AND till_id = $2 AND number = $3`,
      [shopId, till, number],
    );
    return held.rows[0]?.hash ?? arrived.get(`${key(chain, till)}\u0000${number}`) ?? null;
  }

  return {
    /**
     * Checks one chained record as it arrives. `till` is the chain's key within the shop (a
     * till, or a till and a closure kind: month and year closures are chains of their own).
     */
    async arrive(chain: ChainName, till: string, record: ChainedArrival, factId: string) {
      const head = heads.get(key(chain, till)) ?? null;
      // Only a number seen before is looked up: the usual next record costs no query.
      const stored =
        head !== null && record.number <= head.number
          ? await storedHash(chain, till, record.number)
          : null;
      const checked = checkArrival(head, record, hashMatchesContent(chain, record), stored);
      for (const finding of checked.findings) flags.push({ chain, till, finding, factId });
      heads.set(key(chain, till), checked.head);
      moved.set(key(chain, till), { chain, till, head: checked.head });
      const number = `${key(chain, till)}\u0000${record.number}`;
      if (!arrived.has(number)) arrived.set(number, record.hash);
    },

    /** Writes what was found and the heads moved. */
    async write() {
      await writeFlags(context, flags);
      if (moved.size === 0) return;
      await client.query(
        `INSERT INTO chain_heads (shop_id, chain, till_id, number, hash)
         SELECT $1, h.chain, h.till_id, h.number, h.hash
         FROM jsonb_to_recordset($2::jsonb) AS h (chain text, till_id text, number integer, hash text)
         ON CONFLICT (shop_id, chain, till_id) DO UPDATE SET number = EXCLUDED.number,
           hash = EXCLUDED.hash`,
        [
          shopId,
          JSON.stringify(
            [...moved.values()].map(({ chain, till, head }) => ({
              chain,
              till_id: till,
              number: head.number,
              hash: head.hash,
            })),
          ),
        ],
      );
    },
  };
}

/**
 * A shop's `booksCheck` for one till, against the receipts stored (those of its batch included:
 * it runs after they are written): receipts whose hash is no longer the one sent.
 */
export async function recordBooksCheck(
  context: ArrivalContext,
  factId: string,
  till: string,
  receipts: readonly ChainLink[],
) {
  const { client, shopId } = context;
  if (receipts.length === 0) return;
  const stored = await client.query<ChainLink>(
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
  if (finding) await writeFlags(context, [{ chain: 'receipts', till, finding, factId }]);
}
