import type { z } from 'zod';
import type { Fact, factAckSchema, factBatchSchema } from '../../shared/head-office';
import { type ArrivalContext, recordArrival, recordBooksCheck, tillKey } from './chain-arrivals';
import type { HqContext } from './handlers';
import {
  applyDealerBalance,
  applyRefund,
  applySale,
  type ReadModelContext,
  storeReceipt,
  storeZReport,
} from './read-models';
import { inTransaction } from './transaction';

/** A batch as `factBatchSchema` checked it (its union of facts, typed by kind). */
export type FactBatch = Omit<z.output<typeof factBatchSchema>, 'facts'> & {
  facts: readonly Fact[];
};
export type FactAck = z.output<typeof factAckSchema>;

// The advisory locks of shops' ingests: this class, and the shop's id hashed.
const shopLockClass = 0x6871; // "hq"

type FactContext = ReadModelContext & ArrivalContext;

/** What a fact stored for the first time changes beside itself: read models and chain checks. */
async function applyFact(context: FactContext, fact: Fact) {
  const { client, shopId } = context;
  switch (fact.kind) {
    case 'sale':
      return applySale(context, fact.payload);
    case 'refund':
      return applyRefund(context, fact.payload);
    case 'dealerBalance':
      return applyDealerBalance(context, fact.payload);
    case 'cashMovement':
      // Kept in `facts` only: the head office's reports do not count drawers.
      return;
    case 'receipt': {
      const till = tillKey(fact.payload.tillId);
      const stored = await client.query<{ hash: string }>(
        'SELECT hash FROM receipts WHERE shop_id = $1 AND till_id = $2 AND number = $3',
        [shopId, till, fact.payload.number],
      );
      await recordArrival(context, 'receipts', till, fact.payload, stored.rows[0]?.hash ?? null);
      return storeReceipt(context, fact.payload, till);
    }
    case 'zReport': {
      const till = tillKey(fact.payload.tillId);
      const stored = await client.query<{ hash: string }>(
        'SELECT hash FROM z_reports WHERE shop_id = $1 AND till_id = $2 AND number = $3',
        [shopId, till, fact.payload.number],
      );
      await recordArrival(context, 'zReports', till, fact.payload, stored.rows[0]?.hash ?? null);
      return storeZReport(context, fact.payload, till);
    }
    case 'periodClosure':
      // A till numbers its month closures and its year closures each from 1: two chains.
      return recordArrival(
        context,
        'periodClosures',
        `${tillKey(fact.payload.tillId)}/${fact.payload.kind}`,
        fact.payload,
        null,
      );
    case 'audit':
      return recordArrival(context, 'audit', tillKey(fact.payload.tillId), fact.payload, null);
    case 'booksCheck':
      for (const till of fact.payload.tills) {
        await recordBooksCheck(context, tillKey(till.tillId), till.receipts);
      }
      return;
  }
}

/**
 * Stores one batch of a shop's facts, in one transaction: each fact once (`ON CONFLICT DO
 * NOTHING` on the shop and the fact's id), and for those stored now, their read models and chain
 * checks, in the order the shop wrote them. A per-shop advisory lock keeps two servers (or two
 * retries of one batch) from interleaving one shop's facts. The ack's high-water mark is the
 * batch's newest id: every fact up to it is stored, now or before.
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
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [shopLockClass, shopId]);
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
    for (const fact of batch.facts) {
      // A fact twice in one batch is stored, and applied, once.
      if (!fresh.delete(fact.id)) continue;
      await applyFact({ client, shopId, zone, at, factId: fact.id }, fact);
    }
    // A late copy of an older batch does not take the shop's backlog and version back.
    await client.query(
      `UPDATE shops SET
         facts_stored = facts_stored + $2,
         backlog = CASE WHEN high_water IS NULL OR high_water <= $3 THEN $4 ELSE backlog END,
         catalog_version = CASE WHEN high_water IS NULL OR high_water <= $3 THEN $5 ELSE catalog_version END,
         high_water = GREATEST(high_water, $3::uuid),
         last_batch_at = $6
       WHERE id = $1`,
      [shopId, inserted.rowCount ?? 0, highWater, batch.backlog, batch.catalogVersion, at],
    );
    return { highWater, stored: inserted.rowCount ?? 0 };
  });
}
