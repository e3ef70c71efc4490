import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { publishChange } from '../../../electron/hq/catalog/changes';
import type { HqCaller } from '../../../electron/hq/handlers';
import { migratePg } from '../../../electron/hq/migrate';
import { reportHandlers } from '../../../electron/hq/reports/api';
import { ApiError } from '../../../shared/api/errors';
import { type CarrierProfile, carrierProfileSchema } from '../../../shared/carrier';
import { readCsv } from '../../support/csv';
import { freshDatabase } from '../../support/postgres';

const now = new Date('2026-12-07T03:30:00Z');
const staff: HqCaller = { staff: { id: 1, name: 'Siège' }, token: 't', client: 'http:127.0.0.1' };
const noumea = '0190a1b2-0000-7000-8000-000000000001';
const kone = '0190a1b2-0000-7000-8000-000000000002';
const papeete = '0190a1b2-0000-7000-8000-000000000003';
let pool: pg.Pool;
let handlers: ReturnType<typeof reportHandlers>;

async function shop(id: string, name: string, zone: string, currency: string) {
  await pool.query(
    `INSERT INTO shops (id, name, zone, currency, created_at, created_by)
     VALUES ($1, $2, $3, $4, now(), 'Siège')`,
    [id, name, zone, currency],
  );
}

interface Line {
  shop: string;
  day: string;
  till?: string;
  clerk: [number, string];
  plan: [string, string, string];
  sales: number;
  amount: number;
  cost: number;
  refunds?: number;
  refunded?: number;
  currency?: string;
}

async function dayTotals(line: Line) {
  await pool.query(
    `INSERT INTO day_totals (shop_id, local_day, till_id, clerk_id, clerk_name, carrier_id,
       plan_id, plan_name, currency, sales, amount, dealer_cost, margin, refunds, refunded)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      line.shop,
      line.day,
      line.till ?? '',
      line.clerk[0],
      line.clerk[1],
      line.plan[0],
      line.plan[1],
      line.plan[2],
      line.currency ?? 'XPF',
      line.sales,
      line.amount,
      line.cost,
      // Every line here is of top-ups done: their margin is their amount less their cost.
      line.amount - line.cost,
      line.refunds ?? 0,
      line.refunded ?? 0,
    ],
  );
}

async function sale(shopId: string, saleId: number, status: string, soldAt: string) {
  await pool.query(
    `INSERT INTO sales (shop_id, sale_id, till_id, status, clerk_id, clerk_name, carrier_id,
       plan_id, plan_name, price, dealer_cost, tax_rate, currency, payment_method, modem_id,
       sold_at, local_day, updated_at, resolved_by)
     VALUES ($1, $2, NULL, $3, 1, 'Marie', 'mobilis', 'pass-1000', 'Pass 1000', 1000, 900, NULL,
       'XPF', 'cash', 'modem-1', $4, ($4::timestamptz AT TIME ZONE 'Pacific/Noumea')::date, $4,
       NULL)`,
    [shopId, saleId, status, soldAt],
  );
}

const hash = (digit: string) => digit.repeat(64);

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await freshDatabase(inject('postgresUrl')) });
  await migratePg(pool, () => now);
  handlers = reportHandlers({ pool, now: () => now, log: console });
  await shop(noumea, 'Nouméa centre', 'Pacific/Noumea', 'XPF');
  await shop(kone, 'Koné', 'Pacific/Noumea', 'XPF');
  await shop(papeete, 'Papeete', 'Pacific/Tahiti', 'EUR');
  const marie: [number, string] = [1, 'Marie'];
  const paul: [number, string] = [2, 'Paul'];
  const pass1000: [string, string, string] = ['mobilis', 'pass-1000', 'Pass 1000'];
  const pass3000: [string, string, string] = ['mobilis', 'pass-3000', 'Pass 3000'];
  const vini: [string, string, string] = ['vini', 'vini-5', 'Vini 5 €'];
  await dayTotals({
    shop: noumea,
    day: '2026-12-01',
    clerk: marie,
    plan: pass1000,
    sales: 3,
    amount: 3000,
    cost: 2700,
  });
  await dayTotals({
    shop: noumea,
    day: '2026-12-01',
    till: 'till-counter-2',
    clerk: paul,
    plan: pass3000,
    sales: 1,
    amount: 3000,
    cost: 2750,
    refunds: 1,
    refunded: 1000,
  });
  await dayTotals({
    shop: noumea,
    day: '2026-12-07',
    clerk: marie,
    plan: pass1000,
    sales: 2,
    amount: 2000,
    cost: 1800,
  });
  // Koné's Marie is another person than Nouméa's: clerks are counted per shop.
  await dayTotals({
    shop: kone,
    day: '2026-12-07',
    clerk: marie,
    plan: pass3000,
    sales: 2,
    amount: 6000,
    cost: 5500,
  });
  await dayTotals({
    shop: papeete,
    day: '2026-12-07',
    clerk: paul,
    plan: vini,
    sales: 1,
    amount: 500,
    cost: 450,
    currency: 'EUR',
  });
  // Outside December: in no December report.
  await dayTotals({
    shop: noumea,
    day: '2026-11-30',
    clerk: marie,
    plan: pass1000,
    sales: 9,
    amount: 9000,
    cost: 8100,
  });
  await dayTotals({
    shop: kone,
    day: '2027-01-01',
    clerk: marie,
    plan: pass1000,
    sales: 9,
    amount: 9000,
    cost: 8100,
  });
});
afterAll(() => pool.end());

const xpf = (amount: number) => ({ amount, currency: 'XPF' });

describe('the chain’s reports at the head office', () => {
  it('counts a month of every shop by shop, plan, carrier, clerk and day, each currency apart', async () => {
    const month = await handlers['reports.getMonth']({ month: '2026-12' }, staff);
    expect(month.period).toBe('2026-12');
    expect(month.totals).toEqual([
      {
        sales: 1,
        amount: { amount: 500, currency: 'EUR' },
        dealerCost: { amount: 450, currency: 'EUR' },
        margin: { amount: 50, currency: 'EUR' },
        refunds: 0,
        refunded: { amount: 0, currency: 'EUR' },
        net: { amount: 500, currency: 'EUR' },
      },
      {
        sales: 8,
        amount: xpf(14000),
        dealerCost: xpf(12750),
        margin: xpf(1250),
        refunds: 1,
        refunded: xpf(1000),
        net: xpf(13000),
      },
    ]);
    expect(month.byShop.map((row) => [row.label, row.totals.amount.amount])).toEqual([
      ['Nouméa centre', 8000],
      ['Koné', 6000],
      ['Papeete', 500],
    ]);
    expect(month.byPlan.map((row) => [row.key, row.label, row.totals.sales])).toEqual([
      ['pass-3000', 'Pass 3000', 3],
      ['pass-1000', 'Pass 1000', 5],
      ['vini-5', 'Vini 5 €', 1],
    ]);
    expect(month.byCarrier.map((row) => [row.key, row.totals.margin.amount])).toEqual([
      ['mobilis', 1250],
      ['vini', 50],
    ]);
    expect(month.byClerk.map((row) => [row.key, row.label, row.totals.amount.amount])).toEqual([
      [`${kone}/1`, 'Marie · Koné', 6000],
      [`${noumea}/1`, 'Marie · Nouméa centre', 5000],
      [`${noumea}/2`, 'Paul · Nouméa centre', 3000],
      [`${papeete}/2`, 'Paul · Papeete', 500],
    ]);
    expect(month.byDay.map((row) => [row.key, row.totals.amount])).toEqual([
      ['2026-12-01', xpf(6000)],
      ['2026-12-07', { amount: 500, currency: 'EUR' }],
      ['2026-12-07', xpf(8000)],
    ]);
  });

  it('gives one day alone, without a day-by-day chart, and nothing on a day without sales', async () => {
    const day = await handlers['reports.getDay']({ day: '2026-12-01' }, staff);
    expect(day.totals).toEqual([
      {
        sales: 4,
        amount: xpf(6000),
        dealerCost: xpf(5450),
        margin: xpf(550),
        refunds: 1,
        refunded: xpf(1000),
        net: xpf(5000),
      },
    ]);
    expect(day.byShop.map((row) => row.key)).toEqual([noumea]);
    expect(day.byDay).toEqual([]);
    const quiet = await handlers['reports.getDay']({ day: '2026-12-02' }, staff);
    expect(quiet).toEqual({
      period: '2026-12-02',
      totals: [],
      byShop: [],
      byPlan: [],
      byCarrier: [],
      byClerk: [],
      byDay: [],
    });
  });

  it('refuses a date the calendar lacks as the field’s invalid value', async () => {
    const refused = handlers['reports.getDay']({ day: '2026-02-31' }, staff);
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'day', code: 'invalid' }],
    });
    await expect(handlers['reports.getMonth']({ month: '2026-13' }, staff)).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('exports the month as CSV, one line per day, shop, till, clerk and plan, in major units', async () => {
    const file = await handlers['reports.export']({ period: '2026-12' }, staff);
    expect(file.fileName).toBe('chain-2026-12.csv');
    expect(file.csv.startsWith('\uFEFFday,shop,shop_id,till_id,clerk,')).toBe(true);
    const lines = readCsv(file.csv);
    expect(lines).toHaveLength(5);
    expect(lines[1]).toEqual({
      day: '2026-12-01',
      shop: 'Nouméa centre',
      shop_id: noumea,
      till_id: 'till-counter-2',
      clerk: 'Paul',
      carrier_id: 'mobilis',
      plan_id: 'pass-3000',
      plan_name: 'Pass 3000',
      sales: '1',
      amount: '3000',
      dealer_cost: '2750',
      margin: '250',
      refunds: '1',
      refunded: '1000',
      net: '2000',
      currency: 'XPF',
    });
    expect(lines.find((line) => line.shop === 'Papeete')).toMatchObject({
      amount: '5.00',
      margin: '0.50',
      currency: 'EUR',
    });
    const day = readCsv((await handlers['reports.export']({ period: '2026-12-07' }, staff)).csv);
    expect(day.map((line) => line.shop)).toEqual(['Koné', 'Nouméa centre', 'Papeete']);
  });

  it('lists the dealer SIMs’ floats with those below their alert first', async () => {
    const float = `INSERT INTO dealer_floats (shop_id, modem_id, carrier_id, amount, currency, alert_below, at)
      VALUES ($1, $2, 'mobilis', $3, 'XPF', $4, $5)`;
    await pool.query(float, [noumea, 'modem-a', 50_000, 20_000, '2026-12-07T01:00:00Z']);
    await pool.query(float, [noumea, 'modem-b', 50_000, null, '2026-12-07T01:00:00Z']);
    await pool.query(float, [kone, 'modem-c', 12_000, 20_000, '2026-12-07T02:00:00Z']);
    const { floats } = await handlers['floats.list']({}, staff);
    expect(floats.map((row) => [row.shopName, row.modemId, row.low])).toEqual([
      ['Koné', 'modem-c', true],
      ['Nouméa centre', 'modem-a', false],
      ['Nouméa centre', 'modem-b', false],
    ]);
    expect(floats[0]).toMatchObject({
      shopId: kone,
      carrierId: 'mobilis',
      balance: xpf(12_000),
      alertBelow: xpf(20_000),
      at: '2026-12-07T02:00:00.000Z',
    });
    expect(floats[2]?.alertBelow).toBeNull();
  });

  it('lists the pending sales of every shop, oldest first, with their age in minutes', async () => {
    await sale(noumea, 41, 'unknown', '2026-12-07T03:00:00Z');
    await sale(kone, 7, 'unknown', '2026-12-06T03:30:00Z');
    await sale(noumea, 42, 'succeeded', '2026-12-07T02:00:00Z');
    const { sales } = await handlers['pending.list']({}, staff);
    expect(sales.map((row) => [row.shopName, row.saleId, row.ageMinutes])).toEqual([
      ['Koné', 7, 24 * 60],
      ['Nouméa centre', 41, 30],
    ]);
    expect(sales[1]).toMatchObject({
      shopId: noumea,
      tillId: null,
      planName: 'Pass 1000',
      price: xpf(1000),
      clerkName: 'Marie',
      soldAt: '2026-12-07T03:00:00.000Z',
    });
  });

  it('lists a shop’s Z reports newest first, of one month or all, and says an unknown shop is not found', async () => {
    const z = `INSERT INTO z_reports (shop_id, till_id, number, shift_id, hash, prev_hash, content, issued_at, local_day, fact_id)
      VALUES ($1, $2, $3::int, $3::bigint, $4, $5, $6, $7, $8, gen_random_uuid())`;
    await pool.query(z, [
      noumea,
      '',
      1,
      hash('1'),
      hash('0'),
      { sales: 3 },
      '2026-11-30T08:00:00Z',
      '2026-11-30',
    ]);
    await pool.query(z, [
      noumea,
      '',
      2,
      hash('2'),
      hash('1'),
      { sales: 4 },
      '2026-12-01T08:00:00Z',
      '2026-12-01',
    ]);
    await pool.query(z, [
      noumea,
      'till-counter-2',
      1,
      hash('3'),
      hash('0'),
      { sales: 1 },
      '2026-12-01T08:05:00Z',
      '2026-12-01',
    ]);
    await pool.query(z, [
      kone,
      '',
      1,
      hash('4'),
      hash('0'),
      { sales: 2 },
      '2026-12-07T08:00:00Z',
      '2026-12-07',
    ]);
    // Koné's Z as a shop issues it: its day's totals, its cash and the count at its close.
    const xpfOf = (amount: number) => ({ amount, currency: 'XPF' });
    await pool.query(z, [
      kone,
      '',
      2,
      hash('5'),
      hash('4'),
      {
        number: 2,
        deviceId: 'hub',
        issuedAt: '2026-12-07T09:00:00.000Z',
        report: {
          shift: {
            id: 2,
            openedAt: '2026-12-06T20:00:00.000Z',
            openedBy: 'Marie',
            float: xpfOf(10_000),
            closedAt: '2026-12-07T09:00:00.000Z',
            closedBy: 'Marie',
          },
          currency: 'XPF',
          totals: {
            sales: 3,
            gross: xpfOf(7000),
            refunds: xpfOf(1000),
            net: xpfOf(6000),
            dealerCost: xpfOf(6300),
            margin: xpfOf(700),
          },
          cash: {
            float: xpfOf(10_000),
            cashSales: xpfOf(7000),
            cashRefunds: xpfOf(1000),
            cashIn: xpfOf(0),
            cashOut: xpfOf(0),
            expected: xpfOf(16_000),
          },
          count: { counted: [], total: xpfOf(15_900), difference: -100, reason: 'Rendu' },
        },
      },
      '2026-12-07T09:00:00Z',
      '2026-12-07',
    ]);
    const kones = await handlers['zReports.list']({ shopId: kone, month: '2026-12' }, staff);
    expect(kones.zReports.map((row) => [row.number, row.figures])).toEqual([
      [
        2,
        {
          sales: 3,
          gross: xpf(7000),
          refunds: xpf(1000),
          net: xpf(6000),
          dealerCost: xpf(6300),
          cash: { counted: xpf(15_900), expected: xpf(16_000), difference: xpf(-100) },
        },
      ],
      // Its content carries no totals: listed without figures.
      [1, null],
    ]);
    // When each one's shift opened, for the screen to compare a Z with its own day only.
    expect(kones.zReports.map((row) => row.shiftOpenedAt)).toEqual([
      '2026-12-06T20:00:00.000Z',
      null,
    ]);
    // What arrived of Koné's day, of its one till: two sales, not the three its Z counts.
    expect(kones.days).toEqual([
      {
        day: '2026-12-07',
        tills: [
          {
            tillId: '',
            totals: [
              {
                sales: 2,
                amount: xpf(6000),
                dealerCost: xpf(5500),
                margin: xpf(500),
                refunds: 0,
                refunded: xpf(0),
                net: xpf(6000),
              },
            ],
          },
        ],
      },
    ]);

    const all = await handlers['zReports.list']({ shopId: noumea, month: null }, staff);
    // Till by till: a Z counts one till, so it is set beside that till's day only.
    expect(
      all.days.map((row) => [
        row.day,
        row.tills.map((till) => [till.tillId, till.totals.map((totals) => totals.sales)]),
      ]),
    ).toEqual([
      [
        '2026-12-01',
        [
          ['', [3]],
          ['till-counter-2', [1]],
        ],
      ],
      ['2026-11-30', [['', [9]]]],
    ]);
    expect(all.zReports.map((row) => [row.day, row.tillId, row.number])).toEqual([
      ['2026-12-01', 'till-counter-2', 1],
      ['2026-12-01', '', 2],
      ['2026-11-30', '', 1],
    ]);
    expect(all.zReports[1]).toEqual({
      tillId: '',
      number: 2,
      day: '2026-12-01',
      issuedAt: '2026-12-01T08:00:00.000Z',
      hash: hash('2'),
      content: { sales: 4 },
      figures: null,
      shiftOpenedAt: null,
    });
    const november = await handlers['zReports.list']({ shopId: noumea, month: '2026-11' }, staff);
    expect(november.zReports.map((row) => row.number)).toEqual([1]);
    await expect(
      handlers['zReports.list'](
        { shopId: '0190a1b2-0000-7000-8000-0000000000ff', month: null },
        staff,
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('names each carrier as the catalog does: its newest published profile, else the shipped one, else its id', async () => {
    const shipped = carrierProfileSchema.parse(
      JSON.parse(fs.readFileSync(path.resolve('resources/carriers/nc-demo.json'), 'utf8')),
    );
    const profile = (id: string, name: string): CarrierProfile => ({
      ...shipped,
      id,
      name,
      plans: shipped.plans.map((plan) => ({ ...plan, id: `${id}-${plan.id}` })),
    });
    const client = await pool.connect();
    try {
      for (const name of ['Mobilis (ancien)', 'Mobilis']) {
        await publishChange(
          client,
          { kind: 'carrierProfile', profile: profile('mobilis', name) },
          null,
          null,
          { at: now, name: 'Siège' },
        );
      }
    } finally {
      client.release();
    }
    const named = reportHandlers({ pool, now: () => now, log: console }, [
      profile('mobilis', 'Mobilis livré'),
      profile('vini', 'Vini'),
    ]);
    const month = await named['reports.getMonth']({ month: '2026-12' }, staff);
    expect(month.byCarrier.map((row) => [row.key, row.label])).toEqual([
      ['mobilis', 'Mobilis'],
      ['vini', 'Vini'],
    ]);
    const { floats } = await named['floats.list']({}, staff);
    expect(floats.map((row) => [row.carrierId, row.carrierName])).toContainEqual([
      'mobilis',
      'Mobilis',
    ]);
    const { sales } = await named['pending.list']({}, staff);
    expect(sales.map((row) => [row.carrierId, row.carrierName])).toContainEqual([
      'mobilis',
      'Mobilis',
    ]);
    // A carrier the catalog has no profile of keeps its id.
    const bare = await handlers['reports.getMonth']({ month: '2026-12' }, staff);
    expect(bare.byCarrier.map((row) => [row.key, row.label])).toEqual([
      ['mobilis', 'Mobilis'],
      ['vini', 'vini'],
    ]);
  });
});
