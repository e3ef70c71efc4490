import { describe, expect, it } from 'vitest';
import { createBalanceCheckStore } from '../../../electron/balance/check-store';
import { TYPICAL_USAGE_MINIMUM_CARDS } from '../../../electron/balance/typical-usage';
import type { Core } from '../../../electron/core';
import { refusal, signedIn } from '../../support/api';
import { withTestHosts } from '../../support/host';

const startTestHost = withTestHosts();

/** The demo shop's clerk (users are made in order: manager, then clerk). */
const CLERK_ID = 2;
const DAY_MS = 86_400_000;

/** A reading of `msisdn` kept as a balance check answered at `at`. */
function keepReading(core: Core, msisdn: string, at: string, remainingMb: number) {
  createBalanceCheckStore(core.db).add({
    msisdn,
    carrierId: 'nc-demo',
    modemId: 'nc-demo-sim-1',
    clerkId: CLERK_ID,
    askedAt: at,
    outcome: 'ok',
    remainingMb,
    validUntil: '2026-12-31T12:59:00.000Z',
    text: 'il vous reste…',
    receivedAt: at,
  });
}

describe('advice from the shop’s own customers, over the API on the demo bank', () => {
  it('plans a card checked once with the shop’s default, then with its customers’ median usage', async () => {
    const clock = Date.parse('2026-11-20T00:00:00Z');
    const { host, core } = await startTestHost({ demo: true, now: () => new Date(clock) });
    const api = await signedIn(host.url, 'clerk', '1111');
    const ago = (days: number) => new Date(clock - days * DAY_MS).toISOString();
    // Checked once, ten days ago: no rate of its own.
    keepReading(core, '+687123456', ago(10), 6000);

    const alone = await api.call('cards.get', { msisdn: '687123456', departureDate: '2026-11-25' });
    expect(alone.usage).toBeNull();
    expect(alone.typicalUsage).toEqual({
      mbPerDay: 300,
      basis: { kind: 'default', cards: 0, minimumCards: 5, windowDays: 90 },
    });
    expect(alone.recommendation).toMatchObject({ usage: alone.typicalUsage });

    // Five other customers read twice a day apart, using 100 to 900 MB a day; a sixth read
    // twice, but four months ago, is out of the window.
    const rates = [100, 300, 500, 700, 900];
    rates.forEach((rate, index) => {
      const msisdn = `+68721000${index}`;
      keepReading(core, msisdn, ago(3), 8000);
      keepReading(core, msisdn, ago(2), 8000 - rate);
    });
    keepReading(core, '+687219999', ago(121), 8000);
    keepReading(core, '+687219999', ago(120), 1000);
    expect(rates).toHaveLength(TYPICAL_USAGE_MINIMUM_CARDS);

    const planned = await api.call('cards.get', {
      msisdn: '687123456',
      departureDate: '2026-11-25',
    });
    const shop = { mbPerDay: 500, basis: { kind: 'shop', cards: 5, windowDays: 90 } };
    expect(planned.typicalUsage).toEqual(shop);
    expect(planned.recommendation).toMatchObject({ usage: shop });

    // Once the card has its own rate, the stay is planned with it.
    keepReading(core, '+687123456', ago(0), 5000);
    const own = await api.call('cards.get', { msisdn: '687123456', departureDate: '2026-11-25' });
    expect(own.recommendation?.usage).toEqual({ mbPerDay: 100, basis: { kind: 'card' } });
  });

  it('tells the counter which larger plan would have cost less than repeated small top-ups', async () => {
    let clock = Date.parse('2026-11-01T00:00:00Z');
    const { host } = await startTestHost({ demo: true, now: () => new Date(clock) });
    // A session ends after days without a call: the clerk signs in again each time.
    let api = await signedIn(host.url, 'clerk', '1111');
    const ask = (planId: string) =>
      api.call('cards.getUpgradeAdvice', { msisdn: '687 12 34 56', carrierId: 'nc-demo', planId });
    expect(await ask('1go')).toEqual({ advice: null });

    // Four 1 Go (1 500 XPF each) in 15 days: together as much as one 5 Go (6 000 XPF).
    for (const day of [1, 2, 3, 4]) {
      clock += 5 * DAY_MS;
      api = await signedIn(host.url, 'clerk', '1111');
      const { sale } = await api.call('sales.renew', {
        msisdn: '687123456',
        planId: '1go',
        payment: { method: 'card', reference: `slip-${day}` },
        idempotencyKey: `small-top-up-${day}`,
      });
      expect(sale.status).toBe('succeeded');
    }
    expect((await api.call('cards.get', { msisdn: '687123456' })).upgrade).toBeNull();

    // A fifth would make 7 500 XPF: one 5 Go would have cost 1 500 XPF less.
    expect((await ask('1go')).advice).toEqual({
      renewals: 5,
      withSale: true,
      days: 15,
      windowDays: 30,
      paid: { amount: 7500, currency: 'XPF' },
      dataMb: 5120,
      plan: {
        id: '5go',
        name: '5 Go',
        dataMb: 5120,
        validityDays: 30,
        price: { amount: 6000, currency: 'XPF' },
      },
      saving: { amount: 1500, currency: 'XPF' },
    });
    expect(await ask('5go')).toEqual({ advice: null });
    const unknown = await refusal(ask('2go'));
    expect(unknown.code).toBe('invalid_input');
    expect(unknown.issues?.[0]).toMatchObject({ path: 'planId', code: 'unknown_plan' });
  });
});
