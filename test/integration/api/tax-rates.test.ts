import { describe, expect, it } from 'vitest';
import { refusal, signedIn, xpf } from '../../support/api';
import { withTestHosts } from '../../support/host';

const startTestHost = withTestHosts();

let keys = 0;
const key = () => `tax-sale-${Date.now()}-${++keys}`;

describe('a plan’s TGC rate, from Settings to the Z report', () => {
  it('is set by a manager, kept by each sale as sold, and summed by rate on the X and the Z', async () => {
    const { host } = await startTestHost({ demo: true });
    const manager = await signedIn(host.url, 'manager', '9999');
    const clerk = await signedIn(host.url, 'clerk', '1111');

    const { profile } = await manager.call('carriers.get', { id: 'nc-demo' });
    // The shipped profile carries the TGC on telecom services.
    expect(profile.plans.map((plan) => plan.taxRate)).toEqual([600, 600, 600]);
    const rated = (rates: Record<string, number>) => ({
      ...profile,
      plans: profile.plans.map((plan) => ({ ...plan, taxRate: rates[plan.id] ?? plan.taxRate })),
    });
    const wrong = await refusal(
      manager.call('carriers.save', { profile: rated({ '1go': 10_001 }) }),
    );
    expect(wrong.issues).toEqual([
      expect.objectContaining({ path: 'profile.plans.0.taxRate', code: 'too_big' }),
    ]);
    expect((await refusal(clerk.call('carriers.save', { profile: rated({}) }))).code).toBe(
      'forbidden',
    );
    await manager.call('carriers.save', { profile: rated({ '1go': 550, '5go': 1100 }) });

    await clerk.call('shifts.open', { float: xpf(10_000) });
    const renew = (msisdn: string, planId: string, payment: object) =>
      clerk.call('sales.renew', {
        msisdn,
        planId,
        payment: payment as never,
        idempotencyKey: key(),
      });
    const fiveGo = await renew('687123456', '5go', { method: 'cash', tendered: xpf(10_000) });
    expect(fiveGo.sale).toMatchObject({ status: 'succeeded', taxRate: 1100 });
    const oneGo = await renew('687654321', '1go', { method: 'card', reference: 'TPE-1' });
    expect(oneGo.sale).toMatchObject({ status: 'succeeded', taxRate: 550 });
    // Refused by the carrier and refunded: its tax goes back with its price.
    const refused = await renew('687111222', '1go', { method: 'cash', tendered: xpf(2_000) });
    expect(refused.sale).toMatchObject({ status: 'failed', taxRate: 550 });

    // A rate changed later changes no sale already made.
    await manager.call('carriers.save', { profile: rated({ '1go': 0, '5go': 0 }) });
    expect((await clerk.call('sales.get', { id: fiveGo.sale.id })).sale.taxRate).toBe(1100);

    // 6 000 at 11 %: 594.59 → 595 of tax; 1 500 at 5.5 %: 78.20 → 78.
    const taxes = [
      { rate: 550, base: 1422, tax: 78 },
      { rate: 1100, base: 5405, tax: 595 },
    ];
    const x = await clerk.call('day.getReport', {});
    expect(x.report.taxes).toEqual(taxes);
    expect(x.report.beforeTax).toEqual(xpf(6827));
    expect(x.report.taxNotRecorded).toEqual(xpf(0));
    expect(x.report.totals.net).toEqual(xpf(7500));

    const { z } = await manager.call('day.close', {
      counted: [
        { denomination: xpf(10_000), count: 1 },
        { denomination: xpf(5_000), count: 1 },
      ],
      reason: 'Counted after the close',
    });
    expect(z.report.taxes).toEqual(taxes);
    expect(z.report.beforeTax).toEqual(xpf(6827));
    const kept = await manager.call('day.get', { zNumber: z.number });
    expect(kept.z.report.taxes).toEqual(taxes);
    expect((await manager.call('receipts.verify', {})).zReports).toEqual({ ok: true, count: 1 });
  });
});
