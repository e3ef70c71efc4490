/**
 * A chain of three shops and its head office over a bad network (issue 16's "tests that must
 * exist"): three built `comptoir serve` shops in demo mode, one built `comptoir hq serve` on a
 * real PostgreSQL, and between each shop and the head office a fault proxy on loopback that
 * drops requests, loses answers, sends requests twice, holds some back until newer ones have
 * gone by, and delays others (test/support/fault-proxy.ts, seeded: COMPTOIR_CHAIN_SEED replays
 * a run's faults). 300 sales; a shop SIGKILLed while its facts are on their way, the head office
 * SIGKILLed in the middle of a batch's transaction. Then: each shop's Z reports equal the head
 * office's totals for it to the franc, each fact is stored once, every sale is there and no
 * receipt is missing. A price change scheduled at the head office reaches the three shops and
 * applies at its minute while one of them is offline; a receipt altered in a shop's database is
 * flagged at the head office with its number.
 *
 * Needs the build: `npx electron-vite build`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Client } from '../../../shared/api/client';
import { type CarrierProfile, carrierProfileSchema } from '../../../shared/carrier';
import type { SyncStatus } from '../../../shared/head-office';
import { type ChainShop, chainShop } from '../../support/chain-shop';
import { type FaultProxy, proxyFaults, startFaultProxy } from '../../support/fault-proxy';
import {
  createShop,
  signInStaff,
  startHeadOffice,
  type TestHeadOffice,
} from '../../support/head-office';
import { freePort } from '../../support/pinned-https';

const seed = Number(process.env.COMPTOIR_CHAIN_SEED ?? Math.floor(Math.random() * 2 ** 31));
const salesPerShop = 100;
const zone = 'Pacific/Noumea';
/** The bad network: about one request in two meets a fault of some kind. */
const badNetwork = {
  drop: 0.1,
  loseAnswer: 0.1,
  duplicate: 0.1,
  reorder: 0.1,
  delay: 0.3,
  delayMs: [10, 400] as const,
  reorderAfter: 1,
  holdMs: 1_500,
};
/** Mostly the cheap plan: the demo's dealer SIMs hold float for 100 sales a shop of these. */
const plans = ['1go', '1go', '1go', '5go'] as const;
const customers = ['687123456', '687654321', '687777888'] as const;

// The shops' folders live as long as the file's tests: one chain runs through all three.
let chainDir: string;
let headOffice: TestHeadOffice;
let hqPort: number;
let pool: pg.Pool;
const shops: {
  shop: ChainShop;
  proxy: FaultProxy;
  shopId: string;
  manager: Client;
  clerk: Client;
}[] = [];

async function restartHeadOffice() {
  headOffice = await startHeadOffice({
    postgresUrl: inject('postgresUrl'),
    databaseUrl: headOffice.databaseUrl,
    port: hqPort,
  });
  await signInStaff(headOffice);
}

/** Signs the shop's manager and clerk in again (after a restart of the shop). */
async function signIn(entry: (typeof shops)[number]) {
  entry.manager = await entry.shop.manager();
  entry.clerk = await entry.shop.clerk();
}

const lastRoundSucceeded = (status: SyncStatus) =>
  status.lastSuccessAt !== null &&
  (status.lastError === null || status.lastError.at < status.lastSuccessAt);

/** "Send now" until nothing waits: failures on the way are the network's, the next try mends them. */
async function sendUntilCaughtUp(manager: Client, what: string): Promise<SyncStatus> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const status = await manager.call('sync.send', {});
    if (status.backlog === 0 && lastRoundSucceeded(status)) return status;
    if (Date.now() > deadline) {
      throw new Error(`${what} did not catch up: ${JSON.stringify(status)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function sell(entry: (typeof shops)[number], index: number) {
  const sale = await entry.clerk.call('sales.renew', {
    msisdn: customers[index % customers.length] as string,
    planId: plans[index % plans.length] as string,
    payment: { method: 'card', reference: `CHAIN-${index}` },
    idempotencyKey: `chain-shop${shops.indexOf(entry) + 1}-sale${index}`,
  });
  expect(sale.sale.status).toBe('succeeded');
}

/** Waits until PostgreSQL is inside a transaction of the head office's (a batch being stored). */
async function batchInFlight(databaseName: string): Promise<boolean> {
  for (let tries = 0; tries < 2_000; tries++) {
    const open = await pool.query<{ count: string }>(
      `SELECT count(*) FROM pg_stat_activity
       WHERE datname = $1 AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`,
      [databaseName],
    );
    if (Number(open.rows[0]?.count) > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return false;
}

beforeAll(async () => {
  chainDir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-chain-'));
  hqPort = await freePort('127.0.0.1');
  headOffice = await startHeadOffice({ postgresUrl: inject('postgresUrl'), port: hqPort });
  pool = new pg.Pool({ connectionString: headOffice.databaseUrl });
  await signInStaff(headOffice);
  for (const [index, name] of ['Nouméa centre', 'Koné', 'Lifou'].entries()) {
    const { shopId, code } = await createShop(headOffice, { name, zone });
    const proxy = await startFaultProxy({ target: headOffice.url, seed: seed + index });
    const shop = chainShop(fs.mkdtempSync(path.join(chainDir, 'shop-')), name);
    await shop.start();
    const manager = await shop.manager();
    await manager.call('sync.enrol', { url: proxy.url, code, fingerprint: null });
    const clerk = await shop.clerk();
    if ((await clerk.call('shifts.getCurrent', {})).shift === null) {
      await clerk.call('shifts.open', { float: { amount: 0, currency: 'XPF' } });
    }
    shops.push({ shop, proxy, shopId, manager, clerk });
  }
}, 120_000);

afterAll(async () => {
  for (const { shop, proxy } of shops) {
    await shop.kill('SIGTERM');
    await proxy.close();
  }
  await headOffice?.stop();
  await pool?.end();
  fs.rmSync(chainDir, { recursive: true, force: true });
});

describe('a chain of three shops and its head office over a bad network', () => {
  it('holds every shop’s books exactly once after faults, a shop killed mid-push and the head office killed mid-batch', async () => {
    console.log(`chain fault seed: ${seed} (COMPTOIR_CHAIN_SEED=${seed} replays the faults)`);
    for (const { proxy } of shops) proxy.setRates(badNetwork);
    const [first, second, third] = shops as [
      (typeof shops)[number],
      (typeof shops)[number],
      (typeof shops)[number],
    ];

    // Each fault strikes at least once, whatever the seed: the first and third shops' first
    // requests meet one of each (the second's first batch is kept for the head office's death).
    for (const entry of [first, third]) entry.proxy.strikeNext(proxyFaults);

    // The first half: the shops sell, and now and then send what they have.
    const half = salesPerShop / 2;
    await Promise.all(
      shops.map(async (entry) => {
        for (let index = 0; index < half; index++) {
          await sell(entry, index);
          if (index % 5 === 4 && entry !== second) await entry.manager.call('sync.send', {});
        }
      }),
    );

    // The first shop dies while its facts are on their way: the proxy holds them a while.
    first.proxy.setRates({
      ...badNetwork,
      drop: 0,
      loseAnswer: 0,
      reorder: 0,
      duplicate: 0,
      delay: 1,
      delayMs: [800, 800],
    });
    const requestsBefore = first.proxy.events.length;
    first.manager.call('sync.send', {}).catch(() => {});
    await expect
      .poll(() => first.proxy.events.length, { timeout: 10_000 })
      .toBeGreaterThan(requestsBefore);
    await first.shop.kill('SIGKILL');
    first.proxy.setRates(badNetwork);
    await first.shop.start();
    await signIn(first);

    // The head office dies inside the transaction of the second shop's first batch (50 sales).
    second.proxy.setRates({ ...badNetwork, drop: 0, loseAnswer: 0, reorder: 0, delay: 0 });
    second.manager.call('sync.send', {}).catch(() => {});
    const databaseName = new URL(headOffice.databaseUrl).pathname.slice(1);
    expect(await batchInFlight(databaseName)).toBe(true);
    headOffice.process?.kill('SIGKILL');
    await new Promise((resolve) => headOffice.process?.once('exit', resolve));
    await restartHeadOffice();
    second.proxy.setRates(badNetwork);

    // The second half, then each shop's day closed: its Z report.
    await Promise.all(
      shops.map(async (entry) => {
        for (let index = half; index < salesPerShop; index++) await sell(entry, index);
        await entry.manager.call('day.close', { counted: [], reason: 'Counted by the test' });
      }),
    );
    for (const entry of shops) await sendUntilCaughtUp(entry.manager, entry.shop.name);
    for (const { proxy } of shops) await proxy.settle();

    const faults = shops.map(({ proxy }) => proxy.counts());
    console.log('faults per shop', JSON.stringify(faults));
    for (const kind of proxyFaults) {
      expect(faults.reduce((sum, counts) => sum + counts[kind], 0)).toBeGreaterThan(0);
    }

    for (const entry of shops) {
      // The shop's own word: its Z reports, and what its outbox holds.
      const { reports } = await entry.manager.call('day.list', {});
      const z = reports.reduce(
        (sum, report) => ({
          sales: sum.sales + report.report.totals.sales,
          gross: sum.gross + report.report.totals.gross.amount,
          refunds: sum.refunds + report.report.totals.refunds.amount,
          dealerCost: sum.dealerCost + report.report.totals.dealerCost.amount,
        }),
        { sales: 0, gross: 0, refunds: 0, dealerCost: 0 },
      );
      expect(z.sales).toBe(salesPerShop);
      const held = await pool.query<{
        sales: string;
        amount: string;
        refunded: string;
        dealer_cost: string;
      }>(
        `SELECT sum(sales) AS sales, sum(amount) AS amount, sum(refunded) AS refunded,
           sum(dealer_cost) AS dealer_cost FROM day_totals WHERE shop_id = $1`,
        [entry.shopId],
      );
      const row = held.rows[0];
      expect({
        sales: Number(row?.sales),
        gross: Number(row?.amount),
        refunds: Number(row?.refunded),
        dealerCost: Number(row?.dealer_cost),
      }).toEqual(z);

      // Exactly once: each fact of the outbox stored once, every sale there, no receipt missing.
      const outbox = new BetterSqlite3(entry.shop.databaseFile, { readonly: true });
      const sent = outbox.prepare('SELECT id FROM outbox ORDER BY id').pluck().all() as string[];
      const unsent = outbox.prepare('SELECT count(*) FROM outbox WHERE sent_at IS NULL').pluck();
      expect(unsent.get()).toBe(0);
      const saleIds = outbox.prepare("SELECT id FROM sales WHERE status = 'succeeded'").pluck();
      const shopSales = saleIds.all() as number[];
      outbox.close();
      const facts = await pool.query<{ id: string }>(
        'SELECT id::text FROM facts WHERE shop_id = $1 ORDER BY id',
        [entry.shopId],
      );
      expect(facts.rows.map((fact) => fact.id)).toEqual(sent);
      const hqSales = await pool.query<{ sale_id: string }>(
        `SELECT sale_id FROM sales WHERE shop_id = $1 AND status = 'succeeded' ORDER BY sale_id`,
        [entry.shopId],
      );
      expect(hqSales.rows.map((sale) => Number(sale.sale_id))).toEqual(
        [...shopSales].sort((a, b) => a - b),
      );
      const receipts = await pool.query<{ count: string; last: number }>(
        'SELECT count(*), max(number) AS last FROM receipts WHERE shop_id = $1 GROUP BY till_id',
        [entry.shopId],
      );
      for (const till of receipts.rows) expect(Number(till.count)).toBe(till.last);
      const flags = await pool.query('SELECT kind FROM chain_flags WHERE shop_id = $1', [
        entry.shopId,
      ]);
      expect(flags.rows).toEqual([]);
    }
    expect(third.shop.running()).toBe(true);
  }, 600_000);

  it('applies a price change at its minute in every shop, one of them offline since before it', async () => {
    for (const { proxy } of shops)
      proxy.setRates({ drop: 0, loseAnswer: 0, duplicate: 0, reorder: 0, delay: 0 });
    const shipped = JSON.parse(
      fs.readFileSync(path.resolve(__dirname, '../../../resources/carriers/nc-demo.json'), 'utf8'),
    );
    const profile: CarrierProfile = carrierProfileSchema.parse(shipped);
    const newPrice = 1_700;
    const changed = {
      ...profile,
      plans: profile.plans.map((plan) => (plan.id === '1go' ? { ...plan, price: newPrice } : plan)),
    };
    // The next whole minute in the shops' zone, at least 30 s away (time for the three shops to
    // receive it and still sell at the old price, on a loaded machine): `YYYY-MM-DDTHH:mm`.
    const when = new Date(Math.ceil((Date.now() + 30_000) / 60_000) * 60_000);
    const effectiveFrom = new Intl.DateTimeFormat('sv-SE', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .format(when)
      .replace(' ', 'T');
    const { change } = await headOffice.client.call('catalog.save', {
      profile: changed,
      effectiveFrom,
      shopIds: null,
    });

    const priceOf1go = async (clerk: Client) => {
      const { carriers } = await clerk.call('catalog.list', {});
      return carriers.flatMap((carrier) => carrier.plans).find((plan) => plan.id === '1go')?.price;
    };
    for (const entry of shops) {
      const status = await sendUntilCaughtUp(entry.manager, entry.shop.name);
      expect(status.catalog.received).toBeGreaterThanOrEqual(change.version);
      expect(status.catalog.scheduled.map((scheduled) => scheduled.version)).toContain(
        change.version,
      );
      expect(await priceOf1go(entry.clerk)).toEqual(expect.objectContaining({ amount: 1_500 }));
    }
    const offline = shops[2] as (typeof shops)[number];
    offline.proxy.setOffline(true);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, when.getTime() - Date.now())));
    for (const entry of shops) {
      await expect
        .poll(() => priceOf1go(entry.clerk), { timeout: 15_000, interval: 250 })
        .toEqual(expect.objectContaining({ amount: newPrice }));
    }
    const cut = await offline.manager.call('sync.send', {});
    expect(lastRoundSucceeded(cut)).toBe(false);
    expect(cut.catalog.applied).toBeGreaterThanOrEqual(change.version);

    offline.proxy.setOffline(false);
    for (const entry of shops) {
      const status = await sendUntilCaughtUp(entry.manager, entry.shop.name);
      expect(status.catalog.applied).toBeGreaterThanOrEqual(change.version);
    }
  }, 240_000);

  it('flags at the head office a receipt altered in a shop’s database, with its number', async () => {
    const entry = shops[1] as (typeof shops)[number];
    await entry.shop.kill('SIGTERM');
    const db = new BetterSqlite3(entry.shop.databaseFile);
    const receipt = db
      .prepare('SELECT device_id, number, content FROM receipts ORDER BY number LIMIT 1 OFFSET 4')
      .get() as { device_id: string; number: number; content: string };
    const content = JSON.parse(receipt.content) as { price: { amount: number } };
    content.price.amount -= 500;
    // As someone editing the file would: the book's guard put aside, the receipt changed, the
    // guard put back as it was.
    const guards = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'receipts'",
      )
      .all() as { name: string; sql: string }[];
    db.transaction(() => {
      for (const guard of guards) db.exec(`DROP TRIGGER ${guard.name}`);
      db.prepare('UPDATE receipts SET content = ? WHERE device_id = ? AND number = ?').run(
        JSON.stringify(content),
        receipt.device_id,
        receipt.number,
      );
      for (const guard of guards) db.exec(guard.sql);
    })();
    db.close();
    // At its start the shop checks its books and sends the receipts' hashes as they are now.
    await entry.shop.start();
    await signIn(entry);
    await sendUntilCaughtUp(entry.manager, entry.shop.name);

    const { flags } = await headOffice.client.call('checks.list', {
      shopId: entry.shopId,
      open: true,
    });
    expect(flags).toContainEqual(
      expect.objectContaining({
        shopId: entry.shopId,
        chain: 'receipts',
        kind: 'changed',
        number: receipt.number,
      }),
    );
  }, 120_000);
});
