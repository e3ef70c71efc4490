import type { z } from 'zod';
import { ApiError } from '../../shared/api/errors';
import type { Fact, FactPayload, factAckSchema, factBatchSchema } from '../../shared/head-office';
import { chainArrivals, type Flag, recordBooksCheck, tillKey, writeFlags } from './chain-arrivals';
import type { HqContext } from './handlers';
import {
  applyDealerBalances,
  applyRefunds,
  applySales,
  createDayTotals,
  type ReadModelContext,
  type StoredChained,
  storeReceipts,
  storeZReports,
} from './read-models';
import { inTransaction } from './transaction';

/** A batch as `factBatchSchema` checked it (its union of facts, typed by kind). */
export type FactBatch = Omit<z.output<typeof factBatchSchema>, 'facts'> & {
  facts: readonly Fact[];
};
export type FactAck = z.output<typeof factAckSchema>;

// The advisory locks of shops' ingests: this class, and the shop's id hashed.
const shopLockClass = 0x6871; // "hq"
/** How long a shop whose other batch is being stored waits before sending again. */
export const ingestRetryAfterSeconds = 2;

/**
 * What the facts stored for the first time change beside themselves, in the shop's order: the
 * chain checks as each record arrives, then each read model in a statement or two for the batch.
 * Sales go before refunds, so a refund meets the sale it was made for; a sale fact after a
 * refund of its id (another sale under a reused id: a shop restored from an old backup, its
 * older facts carried over unsent) first applies the sales and refunds before it.
 */
async function applyFacts(context: ReadModelContext & { at: Date }, facts: readonly Fact[]) {
  const arrivals = await chainArrivals(context);
  const days = createDayTotals();
  const saleFlags: Flag[] = [];
  let sales: { factId: string; sale: FactPayload<'sale'> }[] = [];
  let refunds: { factId: string; refund: FactPayload<'refund'> }[] = [];
  let refundedIds = new Set<number>();
  async function applySalesAndRefunds() {
    saleFlags.push(...(await applySales(context, sales, days)));
    saleFlags.push(...(await applyRefunds(context, refunds, days)));
    sales = [];
    refunds = [];
    refundedIds = new Set();
  }
  const balances: FactPayload<'dealerBalance'>[] = [];
  const receipts: (StoredChained & { receipt: FactPayload<'receipt'> })[] = [];
  const zReports: (StoredChained & { report: FactPayload<'zReport'> })[] = [];
  const booksChecks: { factId: string; check: FactPayload<'booksCheck'> }[] = [];
  for (const fact of facts) {
    const factId = fact.id;
    switch (fact.kind) {
      case 'sale':
        if (refundedIds.has(fact.payload.saleId)) await applySalesAndRefunds();
        sales.push({ factId, sale: fact.payload });
        break;
      case 'refund':
        refunds.push({ factId, refund: fact.payload });
        refundedIds.add(fact.payload.saleId);
        break;
      case 'dealerBalance':
        balances.push(fact.payload);
        break;
      case 'cashMovement':
        // Kept in `facts` only: the head office's reports do not count drawers.
        break;
      case 'receipt': {
        const till = tillKey(fact.payload.tillId);
        await arrivals.arrive('receipts', till, fact.payload, factId);
        receipts.push({ till, factId, receipt: fact.payload });
        break;
      }
      case 'zReport': {
        const till = tillKey(fact.payload.tillId);
        await arrivals.arrive('zReports', till, fact.payload, factId);
        zReports.push({ till, factId, report: fact.payload });
        break;
      }
      case 'periodClosure':
        // A till numbers its month closures and its year closures each from 1: two chains.
        await arrivals.arrive(
          'periodClosures',
          `${tillKey(fact.payload.tillId)}/${fact.payload.kind}`,
          fact.payload,
          factId,
        );
        break;
      case 'audit':
        await arrivals.arrive('audit', tillKey(fact.payload.tillId), fact.payload, factId);
        break;
      case 'booksCheck':
        booksChecks.push({ factId, check: fact.payload });
        break;
    }
  }
  await applySalesAndRefunds();
  await days.write(context);
  await applyDealerBalances(context, balances);
  await storeReceipts(context, receipts);
  await storeZReports(context, zReports);
  await arrivals.write();
  await writeFlags(context, saleFlags);
  for (const { factId, check } of booksChecks) {
    for (const till of check.tills) {
      await recordBooksCheck(context, factId, tillKey(till.tillId), till.receipts);
    }
  }
}

/**
 * Stores one batch of a shop's facts, in one transaction: each fact once (`ON CONFLICT DO
 * NOTHING` on the shop and the fact's id), and for those stored now, their read models and chain
 * checks, in the order the shop wrote them. A per-shop advisory lock keeps two servers (or two
 * retries of one batch) from interleaving one shop's facts; a batch finding it taken is refused
 * at once (503, Retry-After) rather than waiting on a pooled connection: one shop's retries must
 * not hold every connection the other shops need. The shop's worker sends it again later. The
 * ack's high-water mark is the batch's newest id: every fact up to it is stored, now or before.
 */
export async function ingestBatch(
  context: Pick<HqContext, 'pool' | 'now'>,
  shopId: string,
  batch: FactBatch,
): Promise<FactAck> {
  const at = context.now();
  const highWater = batch.facts.reduce(
    (newest, fact) => (fact.id > newest ? fact.id : newest),
    batch.facts[0]?.id as string,
  );
  return inTransaction(context.pool, async (client) => {
    const lock = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked',
      [shopLockClass, shopId],
    );
    if (!lock.rows[0]?.locked) {
      throw new ApiError(
        'unreachable',
        'Another batch of this shop is being stored: send it again in a moment',
        undefined,
        { retryAfter: ingestRetryAfterSeconds },
      );
    }
    const shop = await client.query<{ zone: string }>('SELECT zone FROM shops WHERE id = $1', [
      shopId,
    ]);
    const zone = shop.rows[0]?.zone;
    if (zone === undefined) throw new Error(`No shop ${shopId}`);
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO facts (shop_id, id, kind, payload, received_at)
       SELECT $1, fact.id, fact.kind, fact.payload, $3
       FROM jsonb_to_recordset($2::jsonb) AS fact (id uuid, kind text, payload jsonb)
       ON CONFLICT DO NOTHING RETURNING id`,
      [shopId, JSON.stringify(batch.facts), at],
    );
    const fresh = new Set(inserted.rows.map((row) => row.id));
    // A fact twice in one batch is stored, and applied, once.
    const stored = batch.facts.filter((fact) => fresh.delete(fact.id));
    await applyFacts({ client, shopId, zone, at }, stored);
    // A late copy of an older batch does not take the shop's backlog and version back.
    await client.query(
      `UPDATE shops SET
         facts_stored = facts_stored + $2,
         backlog = CASE WHEN high_water IS NULL OR high_water <= $3 THEN $4 ELSE backlog END,
         catalog_version = CASE WHEN high_water IS NULL OR high_water <= $3 THEN $5
           ELSE catalog_version END,
         high_water = GREATEST(high_water, $3::uuid),
         last_batch_at = $6
       WHERE id = $1`,
      [shopId, stored.length, highWater, batch.backlog, batch.catalogVersion, at],
    );
    return { highWater, stored: stored.length };
  });
}
