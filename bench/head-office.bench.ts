/**
 * The head office under a chain's load (issue 16): the built `comptoir hq serve` over one
 * PostgreSQL (a cluster of the bench's own on loopback), 20 shops enrolled as a manager would,
 * each pushing a backlog of one month (30 days × 1 000 sales: the sale, its receipt chained with
 * the shop's hash, a refund for each failed one, a Z report per till and day) at the same time,
 * in batches as the sync worker cuts them, over HTTP. Measured: facts stored per second, each
 * shop's catch-up time and the batches' latency; then checked: every shop's day totals at the
 * head office equal what the shop sold, to the franc. Then eleven more months are filled into
 * the read models (bench/head-office-year.ts) and the consolidated month report over that year
 * of 20 shops is timed as staff call it (`reports.getMonth` over HTTP), its query shown with
 * `EXPLAIN (ANALYZE, BUFFERS)`.
 *
 * `npx electron-vite build && npm run -s bench -- bench/head-office.bench.ts`; smaller runs:
 * COMPTOIR_HQ_BENCH_SHOPS, COMPTOIR_HQ_BENCH_DAYS, COMPTOIR_HQ_BENCH_SALES (per shop and day),
 * COMPTOIR_HQ_BENCH_YEAR_SALES (per shop and day of the eleven filled months).
 */
import pg from 'pg';
import { expect, test } from 'vitest';
import { reportHandlers } from '../electron/hq/reports/api';
import { headOfficeWire } from '../shared/head-office';
import {
  createShop,
  enrolAsShop,
  signInStaff,
  startHeadOffice,
  type TestHeadOffice,
  testStaff,
} from '../test/support/head-office';
import { startPostgres } from '../test/support/postgres';
import { benchZone, factBatches, type ShopMonth, shopMonth } from './head-office-facts';
import { fillYear } from './head-office-year';
import { percentile, report } from './report';

const shopCount = Number(process.env.COMPTOIR_HQ_BENCH_SHOPS ?? 20);
const days = Number(process.env.COMPTOIR_HQ_BENCH_DAYS ?? 30);
const salesPerDay = Number(process.env.COMPTOIR_HQ_BENCH_SALES ?? 1_000);
/**
 * The filled months' sales per shop and day. The month report reads `day_totals`, one row per
 * shop, day, till, clerk and plan: from 40 sales a day every row exists, so fewer sales here
 * change the size of `sales`, not what the report reads.
 */
const yearSalesPerDay = Number(process.env.COMPTOIR_HQ_BENCH_YEAR_SALES ?? salesPerDay);
/** The month pushed through the ingest; the eleven before it are filled in the database. */
const pushedMonth = { first: '2026-11-01', month: '2026-11' };
const yearFrom = '2025-12-01';
/** A month of the filled part of the year, and the pushed one. */
const reportMonths = ['2026-06', pushedMonth.month];
const reportRuns = 7;
const reportTarget = 1_000;

interface EnrolledShop {
  id: string;
  credential: string;
  month: ShopMonth;
}

async function enrolShops(headOffice: TestHeadOffice): Promise<EnrolledShop[]> {
  const shops: EnrolledShop[] = [];
  for (let index = 0; index < shopCount; index++) {
    const { code } = await createShop(headOffice, {
      name: `Boutique ${index + 1}`,
      zone: benchZone,
    });
    const enrolled = await enrolAsShop(headOffice, code);
    shops.push({
      id: enrolled.body.shopId,
      credential: enrolled.body.credential,
      month: shopMonth({ index, firstDay: pushedMonth.first, days, salesPerDay }),
    });
  }
  return shops;
}

/** One shop's sync worker: its backlog in order, a batch at a time, each acknowledged. */
async function pushBacklog(url: string, shop: EnrolledShop, latencies: number[]) {
  const started = performance.now();
  for (const batch of factBatches(shop.month)) {
    const sent = performance.now();
    const answer = await fetch(new URL(headOfficeWire.facts, url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${shop.credential}`,
      },
      body: JSON.stringify(batch),
    });
    const ack = (await answer.json()) as { highWater?: string; stored?: number };
    if (answer.status !== 200 || ack.stored !== batch.facts.length) {
      throw new Error(`Batch refused (${answer.status}): ${JSON.stringify(ack)}`);
    }
    latencies.push(performance.now() - sent);
  }
  return performance.now() - started;
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

test('20 shops catch up a month each at once, and the month report over a year stays under a second', async () => {
  const cluster = await startPostgres();
  const headOffice = await startHeadOffice({ postgresUrl: cluster.url });
  const pool = new pg.Pool({ connectionString: headOffice.databaseUrl });
  try {
    const { url, client } = headOffice;
    await signInStaff(headOffice);
    const shops = await enrolShops(headOffice);
    const facts = shops.reduce((sum, shop) => sum + shop.month.count, 0);

    const latencies: number[] = [];
    const started = performance.now();
    const catchUps = await Promise.all(shops.map((shop) => pushBacklog(url, shop, latencies)));
    const wall = performance.now() - started;

    // Exactly once, to the franc: each shop's days as the head office holds them.
    const stored = await pool.query<{
      shop_id: string;
      day: string;
      sales: string;
      amount: string;
      refunded: string;
    }>(
      `SELECT shop_id, local_day::text AS day, sum(sales) AS sales, sum(amount) AS amount,
         sum(refunded) AS refunded FROM day_totals GROUP BY shop_id, local_day`,
    );
    for (const shop of shops) {
      const held = stored.rows.filter((row) => row.shop_id === shop.id);
      expect(held).toHaveLength(shop.month.expected.size);
      for (const row of held) {
        const expected = shop.month.expected.get(row.day);
        expect([Number(row.sales), Number(row.amount), Number(row.refunded)]).toEqual([
          expected?.sales,
          expected?.amount,
          expected?.refunded,
        ]);
      }
    }
    const factRows = await pool.query<{ count: string }>('SELECT count(*) FROM facts');
    expect(Number(factRows.rows[0]?.count)).toBe(facts);
    const flags = await pool.query<{ count: string }>('SELECT count(*) FROM chain_flags');
    expect(Number(flags.rows[0]?.count)).toBe(0);
    latencies.sort((a, b) => a - b);
    report('head office: 20 shops push a month each at once', {
      shops: shops.length,
      'sales per shop': days * salesPerDay,
      facts,
      batches: latencies.length,
      'wall time': `${(wall / 1000).toFixed(1)} s`,
      'facts stored per second': Math.round(facts / (wall / 1000)),
      'catch-up, median shop': `${(median(catchUps) / 1000).toFixed(1)} s`,
      'catch-up, slowest shop': `${(Math.max(...catchUps) / 1000).toFixed(1)} s`,
      'batch latency p50': `${percentile(latencies, 50).toFixed(0)} ms`,
      'batch latency p99': `${percentile(latencies, 99).toFixed(0)} ms`,
    });

    const filling = performance.now();
    const filled = await fillYear(pool, {
      from: yearFrom,
      until: pushedMonth.first,
      salesPerDay: yearSalesPerDay,
    });
    const sizes = await pool.query<{ sales: string; day_totals: string; size: string }>(
      `SELECT (SELECT count(*) FROM sales) AS sales, (SELECT count(*) FROM day_totals) AS day_totals,
         pg_size_pretty(pg_database_size(current_database())) AS size`,
    );
    report('head office: a year of the chain', {
      'sales filled (11 months)': filled.sales,
      'fill time': `${((performance.now() - filling) / 1000).toFixed(1)} s`,
      'sales rows': sizes.rows[0]?.sales ?? '',
      'day_totals rows': sizes.rows[0]?.day_totals ?? '',
      'database size': sizes.rows[0]?.size ?? '',
    });

    for (const month of reportMonths) {
      const times: number[] = [];
      let shopsInReport = 0;
      for (let run = 0; run < reportRuns; run++) {
        const asked = performance.now();
        const answer = await client.call('reports.getMonth', { month });
        times.push(performance.now() - asked);
        shopsInReport = answer.byShop.length;
      }
      expect(shopsInReport).toBe(shopCount);
      // The first run reads from disk; the others from PostgreSQL's cache, as a busy office would.
      const [cold, ...warm] = times;
      expect(median(warm)).toBeLessThan(reportTarget);
      report(`head office: the month report ${month} over a year of ${shopCount} shops`, {
        'first call': `${cold?.toFixed(0)} ms`,
        'median of the next': `${median(warm).toFixed(0)} ms`,
        slowest: `${Math.max(...times).toFixed(0)} ms`,
      });
    }

    // The report's own query, as its handler sends it, explained.
    const sent: { text: string; values: unknown[] }[] = [];
    const recording = {
      query: (text: string, values: unknown[]) => {
        sent.push({ text, values });
        return pool.query(text, values);
      },
    } as unknown as pg.Pool;
    const log = { error() {}, warn() {}, info() {} };
    const handlers = reportHandlers({ pool: recording, now: () => new Date(), log });
    await handlers['reports.getMonth'](
      { month: reportMonths[0] as string },
      {
        staff: { id: 1, name: testStaff.name },
        token: null,
        client: 'bench',
      },
    );
    for (const query of sent) {
      const plan = await pool.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${query.text}`,
        query.values,
      );
      console.log(
        `\n[bench] EXPLAIN ANALYZE, reports.getMonth ${reportMonths[0]}\n${plan.rows
          .map((row) => row['QUERY PLAN'])
          .join('\n')}`,
      );
    }
  } finally {
    await headOffice.stop();
    await pool.end();
    cluster.stop();
  }
});
