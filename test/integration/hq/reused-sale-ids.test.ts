import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Fact } from '../../../shared/head-office';
import { factIds, saleFact } from '../../support/chain-facts';
import {
  createShop,
  enrolAsShop,
  sendFacts,
  signInStaff,
  startHeadOfficeInProcess,
  type TestHeadOffice,
} from '../../support/head-office';

/**
 * A shop restored from an old backup (when the restore's carry-over cannot save the newer rows)
 * numbers its new sales from where the backup stood: the head office receives another sale, and
 * its refund, under a sale id it already holds.
 */

const now = new Date('2026-12-07T10:00:00Z');
let headOffice: TestHeadOffice;
let pool: pg.Pool;

beforeAll(async () => {
  headOffice = await startHeadOfficeInProcess({
    postgresUrl: inject('postgresUrl'),
    now: () => now,
  });
  await signInStaff(headOffice);
  pool = new pg.Pool({ connectionString: headOffice.databaseUrl });
});
afterAll(async () => {
  await pool.end();
  await headOffice.stop();
});

const xpf = (amount: number) => ({ amount, currency: 'XPF' });

async function enrolledShop(name: string) {
  const { code } = await createShop(headOffice, { name });
  const { body } = await enrolAsShop(headOffice, code);
  return {
    shopId: body.shopId,
    async send(...batches: Fact[][]) {
      for (const facts of batches) {
        expect((await sendFacts(headOffice, body.credential, facts)).status).toBe(200);
      }
    },
  };
}

const refundFact = (id: string, saleId: number, amount: number, at: string): Fact => ({
  id,
  kind: 'refund',
  payload: {
    saleId,
    tillId: null,
    amount,
    currency: 'XPF',
    method: 'cash',
    reason: 'modem_failed',
    at,
  },
});

async function shopDay(shop: string, day: string) {
  const report = await headOffice.client.call('reports.getDay', { day });
  return report.byShop.find((line) => line.label === shop)?.totals;
}

describe('a shop restored from an old backup, at the head office', () => {
  it.each([
    { batches: 'two batches', shopName: 'Thio', oneBatch: false },
    // The first sale's facts were still unsent at the restore: carried over, they go up with
    // the second sale's.
    { batches: 'one batch', shopName: 'Poya', oneBatch: true },
  ])(
    'counts the refunds of two sales under one id, each on its day, in the day totals and the reports ($batches)',
    async ({ shopName, oneBatch }) => {
      const shop = await enrolledShop(shopName);
      const nextId = factIds();
      const first = '2026-12-20T01:00:00.000Z';
      const second = '2026-12-21T01:00:00.000Z';
      // Paid, the modem failed, refunded: sale 1.
      const before = [
        saleFact(nextId(), { saleId: 1, status: 'failed', soldAt: first }),
        refundFact(nextId(), 1, 1000, first),
      ];
      // After the restore, another sale 1, failed and refunded too.
      const after = [
        saleFact(nextId(), {
          saleId: 1,
          status: 'failed',
          soldAt: second,
          planId: 'recharge-2000',
          planName: 'Recharge 2 000',
          price: 2000,
          dealerCost: 1900,
        }),
        refundFact(nextId(), 1, 2000, second),
      ];
      await (oneBatch ? shop.send([...before, ...after]) : shop.send(before, after));

      const days = await pool.query(
        `SELECT local_day::text AS day, plan_id, sales, amount::int, refunds, refunded::int
       FROM day_totals WHERE shop_id = $1 ORDER BY local_day`,
        [shop.shopId],
      );
      // As each day's Z counted them: each sale paid and refunded on its own day.
      expect(days.rows).toEqual([
        {
          day: '2026-12-20',
          plan_id: 'recharge-1000',
          sales: 1,
          amount: 1000,
          refunds: 1,
          refunded: 1000,
        },
        {
          day: '2026-12-21',
          plan_id: 'recharge-2000',
          sales: 1,
          amount: 2000,
          refunds: 1,
          refunded: 2000,
        },
      ]);
      expect(await shopDay(shopName, '2026-12-21')).toEqual({
        sales: 1,
        amount: xpf(2000),
        dealerCost: xpf(0),
        margin: xpf(0),
        refunds: 1,
        refunded: xpf(2000),
        net: xpf(0),
      });
      const month = await headOffice.client.call('reports.getMonth', { month: '2026-12' });
      expect(month.byShop.find((line) => line.label === shopName)?.totals).toMatchObject({
        sales: 2,
        amount: xpf(3000),
        refunds: 2,
        refunded: xpf(3000),
        net: xpf(0),
      });
    },
  );

  it('counts a refund sent twice once', async () => {
    const shop = await enrolledShop('Canala');
    const nextId = factIds();
    const soldAt = '2026-12-22T01:00:00.000Z';
    const refund = refundFact(nextId(), 1, 1000, soldAt);
    const sale = saleFact(nextId(), { saleId: 1, status: 'failed', soldAt });
    // Twice in one batch, then the batch again (a lost ack), then the refund alone.
    await shop.send([sale, refund, refund], [sale, refund], [refund]);
    expect(await shopDay('Canala', '2026-12-22')).toMatchObject({
      sales: 1,
      amount: xpf(1000),
      refunds: 1,
      refunded: xpf(1000),
      net: xpf(0),
    });
    const stored = await pool.query('SELECT count(*)::int AS n FROM refunds WHERE shop_id = $1', [
      shop.shopId,
    ]);
    expect(stored.rows).toEqual([{ n: 1 }]);
  });

  it('flags a sale id used for another sale once, with both sales’ times, and lets the new one move on', async () => {
    const shop = await enrolledShop('Hienghène');
    const nextId = factIds();
    const first = '2026-12-23T01:00:00.000Z';
    const second = '2026-12-24T01:00:00.000Z';
    const reused = saleFact(nextId(), {
      saleId: 7,
      status: 'unknown',
      soldAt: second,
      tillId: 'counter-02',
    });
    await shop.send(
      [saleFact(nextId(), { saleId: 7, soldAt: first })],
      // Pending at first, then done: two facts of the same (new) sale.
      [reused],
      [
        saleFact(nextId(), {
          saleId: 7,
          soldAt: second,
          tillId: 'counter-02',
          at: '2026-12-24T01:05:00.000Z',
        }),
      ],
    );
    const { flags } = await headOffice.client.call('checks.list', {
      shopId: shop.shopId,
      open: true,
    });
    expect(flags).toMatchObject([
      {
        shopName: 'Hienghène',
        chain: 'sales',
        tillId: 'counter-02',
        kind: 'sale_reused',
        number: 7,
        lastNumber: 7,
        details: { saleId: 7, heldSoldAt: first, arrivedSoldAt: second },
      },
    ]);
    expect(flags).toHaveLength(1);
    expect(
      (await pool.query('SELECT fact_id FROM chain_flags WHERE shop_id = $1', [shop.shopId])).rows,
    ).toEqual([{ fact_id: reused.id }]);
    expect(await shopDay('Hienghène', '2026-12-23')).toMatchObject({ sales: 1, margin: xpf(50) });
    expect(await shopDay('Hienghène', '2026-12-24')).toMatchObject({ sales: 1, margin: xpf(50) });
  });

  it('flags a sale id past 2^31 - 1 used again, and stores the batch', async () => {
    const shop = await enrolledShop('Koné');
    const nextId = factIds();
    const saleId = 3_000_000_000;
    await shop.send(
      [saleFact(nextId(), { saleId, soldAt: '2026-12-26T01:00:00.000Z' })],
      [saleFact(nextId(), { saleId, soldAt: '2026-12-27T01:00:00.000Z' })],
    );
    const { flags } = await headOffice.client.call('checks.list', {
      shopId: shop.shopId,
      open: true,
    });
    expect(flags).toMatchObject([{ kind: 'sale_reused', number: saleId, lastNumber: saleId }]);
  });

  it('counts a second refund of the same sale, as the restored shop’s Z counts it, and flags it', async () => {
    const shop = await enrolledShop('Bourail');
    const nextId = factIds();
    const soldAt = '2026-12-28T01:00:00.000Z';
    const refundedAt = '2026-12-29T01:00:00.000Z';
    const again = refundFact(nextId(), 4, 1000, refundedAt);
    await shop.send(
      [
        saleFact(nextId(), { saleId: 4, status: 'failed', soldAt }),
        refundFact(nextId(), 4, 1000, '2026-12-28T01:05:00.000Z'),
      ],
      // Restored from a backup where the sale was still pending: resolved failed again, and
      // refunded again under a new fact.
      [
        saleFact(nextId(), {
          saleId: 4,
          status: 'failed',
          soldAt,
          at: '2026-12-29T00:55:00.000Z',
          resolvedBy: 'user:1',
        }),
        again,
      ],
    );
    const { flags } = await headOffice.client.call('checks.list', {
      shopId: shop.shopId,
      open: true,
    });
    expect(flags).toMatchObject([
      {
        chain: 'sales',
        tillId: '',
        kind: 'refund_repeated',
        number: 4,
        lastNumber: 4,
        details: { saleId: 4, soldAt, refundedAt, amount: 1000 },
      },
    ]);
    expect(flags).toHaveLength(1);
    expect(
      (await pool.query('SELECT fact_id FROM chain_flags WHERE shop_id = $1', [shop.shopId])).rows,
    ).toEqual([{ fact_id: again.id }]);
    // The sale's takings once, on its day; each refund on the day it was paid.
    expect(await shopDay('Bourail', '2026-12-28')).toMatchObject({
      sales: 1,
      amount: xpf(1000),
      refunds: 1,
      refunded: xpf(1000),
    });
    expect(await shopDay('Bourail', '2026-12-29')).toMatchObject({
      sales: 0,
      amount: xpf(0),
      refunds: 1,
      refunded: xpf(1000),
    });
  });

  it('does not flag a later status of the same sale', async () => {
    const shop = await enrolledShop('Ouvéa');
    const nextId = factIds();
    const soldAt = '2026-12-25T01:00:00.000Z';
    await shop.send(
      [saleFact(nextId(), { saleId: 3, status: 'unknown', soldAt })],
      [
        saleFact(nextId(), {
          saleId: 3,
          status: 'failed',
          soldAt,
          at: '2026-12-25T02:00:00.000Z',
          resolvedBy: 'user:1',
        }),
      ],
      [refundFact(nextId(), 3, 1000, '2026-12-25T02:00:00.000Z')],
    );
    const { flags } = await headOffice.client.call('checks.list', {
      shopId: shop.shopId,
      open: false,
    });
    expect(flags).toEqual([]);
    expect(await shopDay('Ouvéa', '2026-12-25')).toMatchObject({
      sales: 1,
      amount: xpf(1000),
      refunds: 1,
      refunded: xpf(1000),
    });
  });
});
