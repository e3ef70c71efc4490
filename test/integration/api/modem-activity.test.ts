/**
 * The health screen's count of each modem's top-ups today: read from the sales database as the
 * day report reads it, for the shop's day in its own zone (the demo shop is in Nouméa, UTC+11).
 */
import { describe, expect, it } from 'vitest';
import { signedIn, xpf } from '../../support/api';
import { withTestHosts } from '../../support/host';

const startTestHost = withTestHosts();

let keys = 0;
const key = () => `activity-sale-${Date.now()}-${++keys}`;

describe("each modem's top-ups today", () => {
  it("counts the shop's day's top-ups, failures and unknown sales per modem, and not yesterday's", async () => {
    // 23:58 in Nouméa on 6 December.
    let clock = new Date('2026-12-06T12:58:00.000Z');
    const { host } = await startTestHost({ demo: true, now: () => clock });
    const manager = await signedIn(host.url, 'manager', '9999');
    const clerk = await signedIn(host.url, 'clerk', '1111');
    const { profile } = await manager.call('carriers.get', { id: 'nc-demo' });
    // The demo network's silence ends the unknown top-up in a second rather than thirty.
    await manager.call('carriers.save', {
      profile: { ...profile, topUp: { ...profile.topUp, timeoutMs: 1_000 } },
    });
    const sell = async (msisdn: string) =>
      (
        await clerk.call('sales.renew', {
          msisdn,
          planId: '1go',
          payment: { method: 'cash', tendered: xpf(1_500) },
          idempotencyKey: key(),
        })
      ).sale;

    const yesterday = await sell('687123456');
    expect(yesterday.status).toBe('succeeded');
    const lastNight = await clerk.call('modems.getActivity', {});
    expect(lastNight.modems.find((modem) => modem.modemId === yesterday.modemId)).toEqual({
      modemId: yesterday.modemId,
      topUps: 1,
      failures: 0,
      unknown: 0,
    });

    // 00:02 on 7 December: a new day for the shop (within the sessions' five idle minutes).
    clock = new Date('2026-12-06T13:02:00.000Z');
    const fresh = await clerk.call('modems.getActivity', {});
    // Every modem of the bank is listed, with nothing yet today.
    expect(fresh.modems).toEqual([
      { modemId: 'nc-demo-sim-1', topUps: 0, failures: 0, unknown: 0 },
      { modemId: 'nc-demo-sim-2', topUps: 0, failures: 0, unknown: 0 },
    ]);

    const sold = [
      await sell('687123456'),
      await sell('687654321'),
      await sell('687111222'),
      await sell('687999999'),
    ];
    expect(sold.map((sale) => sale.status)).toEqual([
      'succeeded',
      'succeeded',
      'failed',
      'unknown',
    ]);
    const expected = new Map<string, { topUps: number; failures: number; unknown: number }>();
    for (const sale of sold) {
      if (sale.modemId === null) throw new Error(`Sale ${sale.id} went through no modem`);
      const counts = expected.get(sale.modemId) ?? { topUps: 0, failures: 0, unknown: 0 };
      if (sale.status === 'succeeded') counts.topUps += 1;
      if (sale.status === 'failed') counts.failures += 1;
      if (sale.status === 'unknown') counts.unknown += 1;
      expected.set(sale.modemId, counts);
    }
    const today = await manager.call('modems.getActivity', {});
    expect(today.modems).toEqual(
      ['nc-demo-sim-1', 'nc-demo-sim-2'].map((modemId) => ({
        modemId,
        ...(expected.get(modemId) ?? { topUps: 0, failures: 0, unknown: 0 }),
      })),
    );
    const totals = today.modems.reduce(
      (sum, modem) => ({
        topUps: sum.topUps + modem.topUps,
        failures: sum.failures + modem.failures,
        unknown: sum.unknown + modem.unknown,
      }),
      { topUps: 0, failures: 0, unknown: 0 },
    );
    expect(totals).toEqual({ topUps: 2, failures: 1, unknown: 1 });
  });
});
