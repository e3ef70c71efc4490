import { describe, expect, it } from 'vitest';
import { localDate } from '../../../shared/local-time';
import { refusal, xpf } from '../../support/api';
import { pairTill, saleAt, signedInAt } from '../../support/drawers';
import { withTestHosts } from '../../support/host';

const startTestHost = withTestHosts();

const today = () => localDate(new Date(), 'Pacific/Noumea');

/** The demo shop's float: one 5 000 F note. */
const float = xpf(5_000);
const counted = (...notes: [number, number][]) =>
  notes.map(([denomination, count]) => ({ denomination: xpf(denomination), count }));

async function threeTills() {
  const { core } = await startTestHost({ demo: true });
  const two = pairTill(core.db, 'Counter 2');
  const three = pairTill(core.db, 'Counter 3');
  return {
    core,
    ids: { two, three },
    hub: await signedInAt(core, null, 'manager', '9999'),
    atTwo: await signedInAt(core, two, 'manager', '9999'),
    atThree: await signedInAt(core, three, 'manager', '9999'),
  };
}

describe('a drawer per till', () => {
  it('opens, sells and closes at three tills: three Zs numbered 1, each with its own sales', async () => {
    const { core, ids, hub, atTwo, atThree } = await threeTills();
    const { current: hubTill } = await hub.call('tills.list', {});
    expect((await atTwo.call('tills.list', {})).drawers).toBe('per_till');

    const openedAtHub = await hub.call('shifts.open', { float });
    const openedAtTwo = await atTwo.call('shifts.open', { float });
    await atThree.call('shifts.open', { float });
    expect(openedAtTwo.shift.id).not.toBe(openedAtHub.shift.id);
    // A till's drawer is opened once; the others are theirs.
    expect((await refusal(atTwo.call('shifts.open', { float }))).code).toBe('conflict');

    saleAt(core.db, null, { price: 1_500 });
    saleAt(core.db, ids.two, { price: 6_000 });
    saleAt(core.db, ids.two, { price: 1_500, method: 'card' });
    saleAt(core.db, ids.three, { price: 18_000 });

    const x = await atTwo.call('day.getReport', {});
    expect(x.report.names.till).toBe('Counter 2');
    expect(x.report.totals).toMatchObject({ sales: 2, gross: xpf(7_500) });
    expect(x.report.cash.expected).toEqual(xpf(11_000));
    expect(x.report.tills).toEqual([
      {
        till: { id: ids.two, name: 'Counter 2' },
        from: null,
        sales: 2,
        gross: xpf(7_500),
        refunds: xpf(0),
        net: xpf(7_500),
        cash: xpf(6_000),
        margin: xpf(1_500),
      },
    ]);

    const two = await atTwo.call('day.close', { counted: counted([10_000, 1], [1_000, 1]) });
    expect(two.z).toMatchObject({ number: 1, deviceId: ids.two });
    // A counter's drawer has no dealer SIMs: the modem bank's are counted at the hub's.
    expect(two.z.report.dealer).toEqual([]);

    // Counter 2 closing closes nothing else; the shop's day shows who is still open.
    expect((await hub.call('shifts.getCurrent', {})).shift?.id).toBe(openedAtHub.shift.id);
    expect((await atThree.call('shifts.getCurrent', {})).shift).not.toBeNull();
    expect((await atTwo.call('shifts.getCurrent', {})).shift).toBeNull();
    const midday = await hub.call('day.getShopTotal', { date: today() });
    expect(midday.tills.map((line) => [line.till.name, line.openSince !== null])).toEqual([
      [hubTill.name, true],
      ['Counter 2', false],
      ['Counter 3', true],
    ]);
    expect(midday.totals).toMatchObject({ sales: 2, gross: xpf(7_500), counted: xpf(11_000) });

    const ofHub = await hub.call('day.close', {
      counted: counted([5_000, 1], [1_000, 1], [500, 1]),
    });
    expect(ofHub.z).toMatchObject({ number: 1, deviceId: hubTill.id });
    expect(ofHub.z.report.totals).toMatchObject({ sales: 1, gross: xpf(1_500) });
    expect(ofHub.z.report.dealer.length).toBeGreaterThan(0);
    const three = await atThree.call('day.close', { counted: counted([10_000, 2], [1_000, 3]) });
    expect(three.z).toMatchObject({ number: 1, deviceId: ids.three });
    expect(three.z.report.totals).toMatchObject({ sales: 1, gross: xpf(18_000) });
    expect(three.z.report.count?.difference).toEqual(xpf(0));

    // A till's CSV lists its own sales only.
    const csv = await atTwo.call('day.export', { zNumber: 1, format: 'csv' });
    const salesCsv = Buffer.from(csv.files[0]?.base64 ?? '', 'base64').toString('utf8');
    expect(salesCsv.trim().split(/\r?\n/)).toHaveLength(1 + 2);
    // Each till lists its own chain.
    expect((await atTwo.call('day.list', {})).reports.map((z) => z.deviceId)).toEqual([ids.two]);
    expect((await atThree.call('day.get', { zNumber: 1 })).z.hash).toBe(three.z.hash);

    const total = await hub.call('day.getShopTotal', { date: today() });
    expect(total.tills.map((line) => [line.till.id, line.reports.map((z) => z.number)])).toEqual([
      [hubTill.id, [1]],
      [ids.two, [1]],
      [ids.three, [1]],
    ]);
    expect(total.tills.every((line) => line.openSince === null)).toBe(true);
    expect(total.totals).toEqual({
      sales: 4,
      gross: xpf(27_000),
      refunds: xpf(0),
      net: xpf(27_000),
      counted: xpf(40_500),
    });
    const clerk = await signedInAt(core, null, 'clerk', '1111');
    expect((await refusal(clerk.call('day.getShopTotal', { date: today() }))).code).toBe(
      'forbidden',
    );
  });
});

describe('one drawer for the shop', () => {
  it('is refused while a shift is open, then counts every till in one Z, by till', async () => {
    const { core, ids, hub, atTwo } = await threeTills();
    const { current: hubTill } = await hub.call('tills.list', {});
    await atTwo.call('shifts.open', { float });
    const refused = await refusal(hub.call('tills.setDrawers', { drawers: 'shop' }));
    expect(refused.code).toBe('conflict');
    expect((await hub.call('tills.list', {})).drawers).toBe('per_till');
    await atTwo.call('day.close', { counted: counted([5_000, 1]) });

    expect(await hub.call('tills.setDrawers', { drawers: 'shop' })).toEqual({ drawers: 'shop' });
    // The network stays closed: only how cash is counted was written.
    expect(core.db.prepare('SELECT open, address, port, drawers FROM hub_network').get()).toEqual({
      open: 0,
      address: '127.0.0.1',
      port: 5171,
      drawers: 'shop',
    });

    const opened = await atTwo.call('shifts.open', { float });
    expect((await hub.call('shifts.getCurrent', {})).shift?.id).toBe(opened.shift.id);
    expect((await refusal(hub.call('shifts.open', { float }))).code).toBe('conflict');
    saleAt(core.db, null, { price: 1_500 });
    saleAt(core.db, ids.two, { price: 6_000 });
    saleAt(core.db, ids.three, { price: 18_000, method: 'card' });

    const { z } = await atTwo.call('day.close', {
      counted: counted([10_000, 1], [1_000, 2], [500, 1]),
    });
    expect(z).toMatchObject({ number: 1, deviceId: hubTill.id });
    expect(z.report.drawer).toBe('shop');
    expect(z.report.totals).toMatchObject({ sales: 3, gross: xpf(25_500) });
    expect(z.report.count?.difference).toEqual(xpf(0));
    expect(
      z.report.tills?.map((line) => [line.till.name, line.sales, line.gross, line.cash]),
    ).toEqual([
      [hubTill.name, 1, xpf(1_500), xpf(1_500)],
      ['Counter 2', 1, xpf(6_000), xpf(6_000)],
      ['Counter 3', 1, xpf(18_000), xpf(0)],
    ]);
    // Counter 2's own drawer had counted nothing it sold: its window starts after its own Z.
    expect(z.report.tills?.[1]?.from).not.toBeNull();
    expect((await hub.call('day.list', {})).reports.map((report) => report.number)).toEqual([1]);
    // The accountant's CSV of the shop's Z lists every till's sales.
    const csv = await hub.call('day.export', { zNumber: 1, format: 'csv' });
    const salesCsv = Buffer.from(csv.files[0]?.base64 ?? '', 'base64').toString('utf8');
    expect(salesCsv.trim().split(/\r?\n/)).toHaveLength(1 + 3);

    await hub.call('tills.setDrawers', { drawers: 'per_till' });
    await atTwo.call('shifts.open', { float });
    saleAt(core.db, ids.two, { price: 1_500 });
    const next = await atTwo.call('day.getReport', {});
    // What the shop's drawer counted is not counted again.
    expect(next.report.totals).toMatchObject({ sales: 1, gross: xpf(1_500) });
  });
});

describe('a month closed with several tills', () => {
  it('waits for every till’s Z, naming the till, then sums every till’s Zs', async () => {
    let clock = new Date('2026-11-20T09:00:00+11:00');
    const { core } = await startTestHost({ demo: true, now: () => clock });
    const two = pairTill(core.db, 'Counter 2');
    const three = pairTill(core.db, 'Counter 3');
    // Sessions end when the clock jumps days: each step signs in again.
    const at = (till: string | null) => signedInAt(core, till, 'manager', '9999');
    const close = async (till: string | null) =>
      (await (await at(till)).call('day.close', { counted: [] })).z;
    for (const till of [null, two, three]) {
      await (await at(till)).call('shifts.open', { float: xpf(0) });
    }
    const sold = '2026-11-19T23:00:00.000Z';
    saleAt(core.db, null, { price: 1_500, method: 'card', at: sold });
    saleAt(core.db, two, { price: 6_000, method: 'card', at: sold });
    saleAt(core.db, three, { price: 18_000, method: 'card', at: sold });
    clock = new Date('2026-11-20T18:00:00+11:00');
    const zs = [await close(null), await close(two), await close(three)];
    expect(zs.map((z) => [z.number, z.report.totals.sales])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);

    // Counter 3 opens the next day and is still open when the month is closed.
    clock = new Date('2026-11-21T09:00:00+11:00');
    await (await at(three)).call('shifts.open', { float: xpf(0) });
    saleAt(core.db, two, { price: 1_500, method: 'card', at: '2026-11-21T01:00:00.000Z' });
    clock = new Date('2026-12-02T09:00:00+11:00');
    const month = { kind: 'month', period: '2026-11' } as const;
    const stillOpen = await refusal((await at(null)).call('periods.close', month));
    expect(stillOpen).toMatchObject({
      code: 'conflict',
      params: { reason: 'shift_open', till: 'Counter 3' },
    });
    await close(three);
    // Counter 2 sold on the 21st without a shift: that sale is in no Z yet.
    const outside = await refusal((await at(null)).call('periods.close', month));
    expect(outside).toMatchObject({
      code: 'conflict',
      params: { reason: 'outside_z', till: 'Counter 2', count: 1 },
    });
    await (await at(two)).call('shifts.open', { float: xpf(0) });
    await close(two);

    const { closure } = await (await at(null)).call('periods.close', month);
    expect(closure.totals).toEqual({
      sales: 3,
      gross: xpf(25_500),
      refunds: xpf(0),
      net: xpf(25_500),
    });
    expect(
      closure.tills?.map((line) => [line.till.name, line.zReports, line.totals.net.amount]),
    ).toEqual([
      ['1', { first: 1, last: 1, count: 1 }, 1_500],
      ['Counter 2', { first: 1, last: 1, count: 1 }, 6_000],
      ['Counter 3', { first: 1, last: 1, count: 1 }, 18_000],
    ]);
    expect(closure.zReports).toEqual({ first: 1, last: 1, count: 1 });
    // The perpetual totals are kept per till's chain; the closure's is their sum.
    expect(closure.perpetual.grandTotal).toEqual(xpf(25_500));
  });
});

describe('a counter gone with its drawer open', () => {
  it('has its drawer closed by a manager at the hub, in its own chain, and the month closes', async () => {
    let clock = new Date('2026-11-20T09:00:00+11:00');
    const { core } = await startTestHost({ demo: true, now: () => clock });
    const two = pairTill(core.db, 'Counter 2');
    const atTwo = await signedInAt(core, two, 'clerk', '1111');
    const opened = await atTwo.call('shifts.open', { float });
    saleAt(core.db, two, { price: 6_000, at: '2026-11-19T23:00:00.000Z' });
    clock = new Date('2026-11-20T18:00:00+11:00');
    const hub = await signedInAt(core, null, 'manager', '9999');
    await hub.call('counters.revoke', { id: two });
    expect((await refusal(atTwo.call('shifts.getCurrent', {}))).code).toBe('device_unpaired');
    // Its open shift would block how cash is counted and the month forever.
    expect((await refusal(hub.call('tills.setDrawers', { drawers: 'shop' }))).code).toBe(
      'conflict',
    );

    // A clerk at the hub may not reach another till's drawer.
    const clerk = await signedInAt(core, null, 'clerk', '1111');
    expect((await refusal(clerk.call('shifts.getCurrent', { tillId: two }))).code).toBe(
      'forbidden',
    );
    expect(
      (await refusal(clerk.call('day.close', { tillId: two, counted: counted([5_000, 2]) }))).code,
    ).toBe('forbidden');
    expect((await refusal(hub.call('day.getReport', { tillId: 'till-unknown' }))).code).toBe(
      'not_found',
    );

    expect((await hub.call('shifts.getCurrent', { tillId: two })).shift?.id).toBe(opened.shift.id);
    expect((await hub.call('shifts.getCurrent', {})).shift).toBeNull();
    const x = await hub.call('day.getReport', { tillId: two });
    expect(x.report.names.till).toBe('Counter 2');
    expect(x.report.cash.expected).toEqual(xpf(11_000));
    const { z } = await hub.call('day.close', {
      tillId: two,
      counted: counted([10_000, 1], [1_000, 1]),
    });
    expect(z).toMatchObject({ number: 1, deviceId: two });
    expect(z.report.shift).toMatchObject({ openedBy: 'clerk', closedBy: 'manager' });
    expect(z.report.totals).toMatchObject({ sales: 1, gross: xpf(6_000) });
    expect((await hub.call('shifts.getCurrent', { tillId: two })).shift).toBeNull();

    expect(await hub.call('tills.setDrawers', { drawers: 'shop' })).toEqual({ drawers: 'shop' });
    clock = new Date('2026-12-02T09:00:00+11:00');
    const manager = await signedInAt(core, null, 'manager', '9999');
    const { closure } = await manager.call('periods.close', { kind: 'month', period: '2026-11' });
    expect(closure.totals.net).toEqual(xpf(6_000));

    // The counter's Z chain is checked with its receipts: a Z altered there is found, by till.
    core.db.exec('DROP TRIGGER IF EXISTS z_reports_are_append_only_update');
    core.db
      .prepare(
        `UPDATE z_reports SET content = replace(content, '"sales":1', '"sales":0')
         WHERE device_id = ? AND number = 1`,
      )
      .run(two);
    const books = await manager.call('receipts.verify', {});
    expect(books.zReports).toEqual({ ok: true, count: 0 });
    expect(books.tills?.[1]).toEqual({
      tillId: two,
      tillName: 'Counter 2',
      receipts: { ok: true, count: 0 },
      zReports: { ok: false, count: 1, brokenAt: 1, reason: 'hash_mismatch' },
    });
  });
});
