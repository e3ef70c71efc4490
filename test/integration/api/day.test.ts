import { describe, expect, it } from 'vitest';
import { createShiftBook } from '../../../electron/day/shifts';
import { refusal, signedIn, xpf } from '../../support/api';
import { withTestHosts } from '../../support/host';

const startTestHost = withTestHosts();

let keys = 0;
const key = () => `day-sale-${Date.now()}-${++keys}`;

async function demoDay() {
  const started = await startTestHost({ demo: true });
  const manager = await signedIn(started.host.url, 'manager', '9999');
  const clerk = await signedIn(started.host.url, 'clerk', '1111');
  return { ...started, manager, clerk };
}

type Client = Awaited<ReturnType<typeof signedIn>>;

function renew(api: Client, msisdn: string, planId: string, payment: object) {
  return api.call('sales.renew', {
    msisdn,
    planId,
    payment: payment as never,
    idempotencyKey: key(),
  });
}

describe('a day at the counter, closed', () => {
  it('opens with a float, sells, moves cash, reports and closes with a counted difference', async () => {
    const { manager, clerk, core } = await demoDay();
    expect(await clerk.call('shifts.getCurrent', {})).toEqual({ shift: null, stale: false });
    const opened = await clerk.call('shifts.open', { float: xpf(10_000) });
    expect(opened.dealerProblems).toEqual([]);
    expect(opened.shift).toMatchObject({ openedBy: 'clerk', float: { amount: 10_000 } });
    expect((await refusal(clerk.call('shifts.open', { float: xpf(0) }))).code).toBe('conflict');

    const cash = await renew(clerk, '687123456', '5go', { method: 'cash', tendered: xpf(10_000) });
    expect(cash.sale.status).toBe('succeeded');
    await renew(clerk, '687654321', '1go', { method: 'card', reference: 'TPE-1' });
    const refused = await renew(clerk, '687111222', '1go', {
      method: 'cash',
      tendered: xpf(2_000),
    });
    expect(refused.sale.status).toBe('failed');
    await clerk.call('shifts.recordCashMovement', {
      kind: 'out',
      amount: xpf(2_000),
      reason: 'Change for the bakery',
    });

    const x = await clerk.call('day.getReport', {});
    expect(x.zNumber).toBeNull();
    expect(x.report.totals).toMatchObject({
      sales: 3,
      gross: { amount: 9_000 },
      refunds: { amount: 1_500 },
      net: { amount: 7_500 },
      dealerCost: { amount: 6_000 },
      margin: { amount: 1_500 },
    });
    // 10 000 + 6 000 + 1 500 − 1 500 − 2 000
    expect(x.report.cash.expected.amount).toBe(14_000);
    expect(x.report.count).toBeNull();
    // An X report changes nothing: asked twice, it says the same.
    expect((await clerk.call('day.getReport', {})).report.totals).toEqual(x.report.totals);

    const counted = [
      { denomination: xpf(10_000), count: 1 },
      { denomination: xpf(1_000), count: 3 },
      { denomination: xpf(500), count: 1 },
    ];
    const noReason = await refusal(manager.call('day.close', { counted }));
    expect(noReason.issues?.[0]).toMatchObject({ path: 'reason', code: 'reason_required' });
    const { z } = await manager.call('day.close', {
      counted,
      reason: 'A 500 F coin given as change twice',
    });
    expect(z.number).toBe(1);
    expect(z.report.count).toEqual({
      counted: [
        { denomination: xpf(10_000), count: 1 },
        { denomination: xpf(1_000), count: 3 },
        { denomination: xpf(500), count: 1 },
      ],
      total: xpf(13_500),
      difference: xpf(-500),
      reason: 'A 500 F coin given as change twice',
    });
    expect(z.report.shift).toMatchObject({ closedBy: 'manager' });
    const dealer = z.report.dealer.find((sim) => sim.modemId === cash.sale.modemId);
    expect(dealer).toMatchObject({
      opening: { amount: xpf(250_000), source: 'ussd' },
      closing: { amount: xpf(245_000), source: 'ussd' },
      movement: xpf(5_000),
      expected: xpf(5_000),
      difference: xpf(0),
    });
    expect(z.report.dealer.every((sim) => sim.opening?.source === 'ussd')).toBe(true);

    expect(await clerk.call('day.get', { zNumber: 1 })).toEqual({ z });
    expect((await clerk.call('day.list', {})).reports.map((report) => report.number)).toEqual([1]);
    expect((await refusal(manager.call('day.close', { counted }))).code).toBe('conflict');
    expect(
      (
        await refusal(
          clerk.call('shifts.recordCashMovement', { kind: 'in', amount: xpf(1), reason: 'late' }),
        )
      ).code,
    ).toBe('conflict');

    const csv = await manager.call('day.export', { zNumber: 1, format: 'csv' });
    const [sales, summary] = csv.files.map((file) =>
      Buffer.from(file.base64, 'base64').toString('utf8'),
    );
    expect(sales?.startsWith('\uFEFFsale_id,created_at_utc,created_at_local,status,msisdn')).toBe(
      true,
    );
    expect(
      sales?.split('\r\n').filter(Boolean).length ?? sales?.split('\n').filter(Boolean).length,
    ).toBeGreaterThan(0);
    expect(sales).toContain('+687123456');
    expect(summary).toContain('cash,expected,,,14000,XPF');
    expect(summary).toContain('count,difference,A 500 F coin given as change twice,,-500,XPF');
    expect(
      createShiftBook(core.db, {
        deviceId: z.deviceId,
        now: () => new Date(),
        nameOf: () => null,
      }).verify(),
    ).toMatchObject({ ok: true });
    // Kept and hashed as Z reports always were, in minor units: reports issued before money
    // came out of the API still verify, and go out as money like this one.
    const stored = JSON.parse(
      core.db.prepare('SELECT content FROM z_reports WHERE number = 1').pluck().get() as string,
    );
    expect(stored.report.count).toMatchObject({ difference: -500 });
    expect(stored.report.count.counted[0]).toEqual({ denomination: 10_000, count: 1 });
    expect(stored.report.dealer).toContainEqual(
      expect.objectContaining({ modemId: dealer?.modemId, movement: 5_000, expected: 5_000 }),
    );

    // The next day opens again, and the chain goes on.
    await clerk.call('shifts.open', { float: xpf(13_500) });
    const second = await manager.call('day.close', {
      counted: [
        { denomination: xpf(10_000), count: 1 },
        { denomination: xpf(1_000), count: 3 },
        { denomination: xpf(500), count: 1 },
      ],
    });
    expect(second.z).toMatchObject({ number: 2, prevHash: z.hash });
  });

  it('detects an altered Z report', async () => {
    const { manager, clerk, core } = await demoDay();
    await clerk.call('shifts.open', { float: xpf(0) });
    const { z } = await manager.call('day.close', { counted: [] });
    const book = createShiftBook(core.db, {
      deviceId: z.deviceId,
      now: () => new Date(),
      nameOf: () => null,
    });
    expect(book.verify()).toMatchObject({ ok: true });
    core.db.exec('DROP TRIGGER z_reports_are_append_only_update');
    core.db
      .prepare(
        'UPDATE z_reports SET content = replace(content, \'"expected":{"amount":0\', \'"expected":{"amount":9\')',
      )
      .run();
    expect(book.verify()).toEqual({ ok: false, brokenAt: 1, reason: 'hash_mismatch', count: 1 });
  });

  it('refuses bad closes and movements, changing nothing', async () => {
    const { manager, clerk } = await demoDay();
    expect((await refusal(manager.call('day.close', { counted: [] }))).code).toBe('conflict');
    await clerk.call('shifts.open', { float: xpf(1_000) });
    const bad: [unknown, string][] = [
      [{ counted: [{ denomination: xpf(1000), count: -1 }] }, 'counted.0.count'],
      [{ counted: [{ denomination: xpf(1000), count: 1.5 }] }, 'counted.0.count'],
      [{ counted: [{ denomination: xpf(3), count: 1 }] }, 'counted.0.denomination'],
      [{ counted: [{ denomination: xpf(1000), count: 1 }], reason: 'x\r\nAT' }, 'reason'],
    ];
    for (const [input, path] of bad) {
      const error = await refusal(manager.call('day.close', input as never));
      expect(error.code, path).toBe('invalid_input');
      expect(
        error.issues?.map((issue) => issue.path),
        path,
      ).toContain(path);
    }
    for (const movement of [
      { kind: 'out', amount: xpf(500), reason: '' },
      { kind: 'out', amount: xpf(0), reason: 'float top-up' },
      { kind: 'sideways', amount: xpf(500), reason: 'float top-up' },
      { kind: 'in', amount: xpf(12.5), reason: 'float top-up' },
    ]) {
      expect((await refusal(clerk.call('shifts.recordCashMovement', movement as never))).code).toBe(
        'invalid_input',
      );
    }
    const x = await clerk.call('day.getReport', {});
    expect(x.report.cashMovements).toEqual([]);
    expect(await manager.call('day.list', {})).toEqual({ reports: [] });
  });

  it('lets a clerk close only with a manager’s PIN, and never while a top-up is being sent', async () => {
    const { manager, clerk, core } = await demoDay();
    await clerk.call('shifts.open', { float: xpf(0) });
    const { profile } = await manager.call('carriers.get', { id: 'nc-demo' });
    await manager.call('carriers.save', {
      profile: { ...profile, topUp: { ...profile.topUp, timeoutMs: 1_500 } },
    });
    const sending = new Promise<void>((resolve) =>
      core.events.listen((event, payload) => {
        if (
          event === 'sales.progress' &&
          (payload as { sale: { status: string } }).sale.status === 'sending'
        )
          resolve();
      }),
    );
    // The demo network takes this top-up and never answers: it stays sending until the timeout.
    const silent = renew(clerk, '687999999', '1go', { method: 'cash', tendered: xpf(1_500) });
    await sending;
    const busy = await refusal(
      manager.call('day.close', {
        counted: [
          { denomination: xpf(1000), count: 1 },
          { denomination: xpf(500), count: 1 },
        ],
      }),
    );
    expect(busy).toMatchObject({ code: 'conflict', message: expect.stringMatching(/being sent/) });
    const stuck = (await silent).sale;
    expect(stuck.status).toBe('unknown');

    const counted = [
      { denomination: xpf(1000), count: 1 },
      { denomination: xpf(500), count: 1 },
    ];
    expect((await refusal(clerk.call('day.close', { counted }))).code).toBe('forbidden');
    const wrongPin = await refusal(
      clerk.call('day.close', { counted, manager: { name: 'manager', pin: '0000' } }),
    );
    expect(wrongPin.code).toBe('forbidden');
    const approval = { name: 'manager', pin: '9999' };
    // Its modem waits for the late answer: the carrier cannot be asked, so the balance is typed.
    const unread = await refusal(clerk.call('day.close', { counted, manager: approval }));
    expect(unread.issues).toEqual([
      expect.objectContaining({
        path: 'dealerBalances',
        code: 'dealer_balance_unread',
        params: { modemId: stuck.modemId },
      }),
    ]);
    const { z } = await clerk.call('day.close', {
      counted,
      manager: approval,
      dealerBalances: [{ modemId: stuck.modemId ?? '', amount: xpf(249_000) }],
    });
    expect(z.report.dealer.find((sim) => sim.modemId === stuck.modemId)?.closing).toMatchObject({
      amount: xpf(249_000),
      source: 'manual',
    });
    expect(z.report.shift.closedBy).toBe('manager');
    expect(z.report.unknownSales.map((sale) => sale.msisdn)).toEqual(['+687999999']);
    expect(z.report.dealer.flatMap((sim) => sim.explaining)).toHaveLength(1);

    // Carried to the next day until resolved.
    await clerk.call('shifts.open', { float: xpf(1_500) });
    expect((await clerk.call('day.getReport', {})).report.unknownSales).toHaveLength(1);
    const unknown = z.report.unknownSales[0];
    const resolve = {
      id: unknown?.id ?? 0,
      outcome: 'failed' as const,
      reason: 'Carrier says it never arrived',
    };
    expect((await refusal(clerk.call('sales.resolve', resolve))).code).toBe('forbidden');
    await clerk.call('sales.resolve', { ...resolve, manager: approval });
    const after = (await clerk.call('day.getReport', {})).report;
    expect(after.unknownSales).toEqual([]);
    expect(after.refunds.map((refund) => refund.saleId)).toEqual([unknown?.id]);
    expect(after.cash.expected.amount).toBe(0);
    expect(
      (await refusal(clerk.call('day.export', { zNumber: z.number, format: 'csv' }))).code,
    ).toBe('forbidden');
    const exported = await clerk.call('day.export', {
      zNumber: z.number,
      format: 'csv',
      manager: approval,
    });
    expect(exported.files.map((file) => file.name)).toEqual([
      'z-0001-sales.csv',
      'z-0001-summary.csv',
      'z-0001-journal.csv',
      'z-0001-journal-summary.csv',
    ]);
  });
});
