import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migratePg, pgMigrations } from '../../../electron/hq/migrate';
import { factIds, saleFact } from '../../support/chain-facts';
import { freshDatabase } from '../../support/postgres';

const at = () => new Date('2026-12-07T00:00:00Z');
let pool: pg.Pool;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await freshDatabase(inject('postgresUrl')) });
});
afterAll(() => pool.end());

describe('head office migration 0004: a refund per refund fact', () => {
  it('keys each refund held before it by its fact (one with no fact by a key of its own), keeps its sale refunded but not a newer sale under the id, takes a second refund of a reused sale id, and flags a large sale id', async () => {
    await migratePg(pool, at, pgMigrations.slice(0, 3));
    const shop = await pool.query<{ id: string }>(
      `INSERT INTO shops (id, name, zone, currency, created_at, created_by)
       VALUES (gen_random_uuid(), 'Nouméa centre', 'Pacific/Noumea', 'XPF', now(), 'test') RETURNING id`,
    );
    const shopId = shop.rows[0]?.id;
    const nextId = factIds();
    const refundFact = (saleId: number, refundAt: string) => ({
      id: nextId(),
      kind: 'refund',
      payload: {
        saleId,
        tillId: null,
        amount: 1000,
        currency: 'XPF',
        method: 'cash',
        reason: 'modem_failed',
        at: refundAt,
      },
    });
    const sale = saleFact(nextId(), { saleId: 1, status: 'failed' });
    const refund = refundFact(1, '2026-12-07T08:00:01.000Z');
    // Sale 1 again after a restore, refunded too: version 3 dropped this refund.
    const dropped = refundFact(1, '2026-12-08T08:00:01.000Z');
    const other = saleFact(nextId(), { saleId: 2 });
    for (const fact of [sale, refund, dropped, other]) {
      await pool.query(
        `INSERT INTO facts (shop_id, id, kind, payload, received_at) VALUES ($1, $2, $3, $4, now())`,
        [shopId, fact.id, fact.kind, fact.payload],
      );
    }
    for (const saleId of [1, 2]) {
      await pool.query(
        `INSERT INTO sales (shop_id, sale_id, status, clerk_id, clerk_name, carrier_id, plan_id,
           plan_name, price, dealer_cost, currency, payment_method, sold_at, local_day, updated_at)
         VALUES ($1, $2, 'failed', 1, 'Léa', 'opt-nc', 'r-1000', 'Recharge', 1000, 950, 'XPF',
           'cash', '2026-12-07T08:00:00Z', '2026-12-07', '2026-12-07T08:00:00Z')`,
        [shopId, saleId],
      );
    }
    await pool.query(
      `INSERT INTO refunds (shop_id, sale_id, till_id, amount, currency, method, reason, at, local_day)
       VALUES ($1, 1, NULL, 1000, 'XPF', 'cash', 'modem_failed', '2026-12-07T08:00:01Z', '2026-12-07')`,
      [shopId],
    );
    // Written with no fact, as bench/head-office-year.ts filled a database.
    await pool.query(
      `INSERT INTO refunds (shop_id, sale_id, till_id, amount, currency, method, reason, at, local_day)
       VALUES ($1, 2, NULL, 500, 'XPF', 'cash', 'modem_failed', '2026-12-07T09:00:00Z', '2026-12-07'),
         ($1, 3, NULL, 1000, 'XPF', 'cash', 'modem_failed', '2026-12-07T07:00:00Z', '2026-12-07')`,
      [shopId],
    );
    // Sale 3 held is a new sale under an id whose old sale was refunded the day before: that
    // refund is not its own.
    await pool.query(
      `INSERT INTO sales (shop_id, sale_id, status, clerk_id, clerk_name, carrier_id, plan_id,
         plan_name, price, dealer_cost, currency, payment_method, sold_at, local_day, updated_at)
       VALUES ($1, 3, 'failed', 1, 'Léa', 'opt-nc', 'r-1000', 'Recharge', 1000, 950, 'XPF',
         'cash', '2026-12-08T08:00:00Z', '2026-12-08', '2026-12-08T08:00:00Z')`,
      [shopId],
    );

    expect(await migratePg(pool, at, pgMigrations.slice(0, 4))).toEqual({ from: 3, to: 4 });
    const kept = await pool.query('SELECT fact_id, sale_id, amount FROM refunds ORDER BY at');
    expect(kept.rows).toEqual([
      { fact_id: expect.any(String), sale_id: '3', amount: '1000' },
      { fact_id: refund.id, sale_id: '1', amount: '1000' },
      { fact_id: expect.any(String), sale_id: '2', amount: '500' },
    ]);
    const ownKeys = new Set(kept.rows.map((row) => row.fact_id));
    expect(ownKeys.size).toBe(3);
    for (const fact of [sale, refund, dropped, other]) {
      expect(ownKeys.has(fact.id)).toBe(fact === refund);
    }
    expect((await pool.query('SELECT sale_id, refunded FROM sales ORDER BY sale_id')).rows).toEqual(
      [
        { sale_id: '1', refunded: true },
        { sale_id: '2', refunded: true },
        { sale_id: '3', refunded: false },
      ],
    );

    const insertRefund = (factId: string) =>
      pool.query(
        `INSERT INTO refunds (shop_id, fact_id, sale_id, till_id, amount, currency, method, reason,
           at, local_day)
         VALUES ($1, $2, 1, NULL, 1000, 'XPF', 'cash', 'modem_failed', '2026-12-08T08:00:01Z',
           '2026-12-08')`,
        [shopId, factId],
      );
    await insertRefund(dropped.id);
    await expect(insertRefund(dropped.id)).rejects.toThrow(/refunds_pkey/);
    expect((await pool.query('SELECT count(*)::int AS n FROM refunds')).rows).toEqual([{ n: 4 }]);

    const flag = (chain: string, kind: string, number = 1) =>
      pool.query(
        `INSERT INTO chain_flags (shop_id, chain, till_id, kind, number, last_number, details,
           fact_id, flagged_at)
         VALUES ($1, $2, '', $3, $5, $5, '{}', $4, now())`,
        [shopId, chain, kind, other.id, number],
      );
    await flag('sales', 'sale_reused');
    await flag('sales', 'refund_repeated');
    // A sale id past 2^31 - 1: sale ids are bigint.
    await flag('sales', 'sale_reused', 3_000_000_000);
    expect(
      (await pool.query('SELECT number, last_number FROM chain_flags WHERE number > 1')).rows,
    ).toEqual([{ number: '3000000000', last_number: '3000000000' }]);
    await flag('receipts', 'fork');
    await expect(flag('sales', 'lost')).rejects.toThrow(/chain_flags_kind_check/);
    await expect(flag('tills', 'gap')).rejects.toThrow(/chain_flags_chain_check/);
  });
});
