import { describe, expect, it } from 'vitest';
import { cardView, stayUntil, withRenewalsSince } from '../../../electron/balance/card';
import { findCard } from '../../../electron/balance/card-carrier';
import { BalanceError } from '../../../electron/balance/errors';
import type { Stay } from '../../../electron/balance/recommendation';
import type { BalanceCheckView, StayUsage } from '../../../shared/balance';
import type { SaleView } from '../../../shared/sale';
import { demoProfile } from '../carriers/demo-profile';

describe('the stay left until the departure day, on the shop’s calendar', () => {
  // 2026-05-04 20:00 UTC is already Tuesday 5 May, 07:00, in Nouméa (UTC+11).
  const now = new Date('2026-05-04T20:00:00Z');

  it.each([
    ['leaving today', '2026-05-05', 0, '2026-05-05T12:59:59.000Z'],
    ['leaving tomorrow', '2026-05-06', 1, '2026-05-06T12:59:59.000Z'],
    ['leaving in a month', '2026-06-05', 31, '2026-06-05T12:59:59.000Z'],
  ])('%s in Nouméa', (_label, departure, daysLeft, departureEnd) => {
    expect(stayUntil(departure, now, 'Pacific/Noumea')).toEqual({
      now: now.toISOString(),
      departureEnd,
      daysLeft,
    });
  });

  it('counts days across a change of clocks (Paris, end of March)', () => {
    const stay = stayUntil('2026-03-30', new Date('2026-03-28T12:00:00Z'), 'Europe/Paris');
    expect(stay).toMatchObject({ daysLeft: 2, departureEnd: '2026-03-30T21:59:59.000Z' });
  });

  it('refuses a departure day already past there, though still today in UTC', () => {
    expect(() => stayUntil('2026-05-04', now, 'Pacific/Noumea')).toThrow(BalanceError);
    expect(stayUntil('2026-05-04', now, 'UTC').daysLeft).toBe(0);
  });
});

const card = findCard([demoProfile()], '687123456', undefined, () => null);

function sale(id: number, status: SaleView['status'], createdAt: string): SaleView {
  return {
    id,
    idempotencyKey: `card-sale-${id}`,
    status,
    msisdn: '+687123456',
    carrierId: 'nc-demo',
    planId: '1go',
    planName: '1 Go',
    dataMb: 1024,
    validityDays: 30,
    price: { amount: 1500, currency: 'XPF' },
    taxRate: 0,
    payment: { method: 'card', tendered: null, change: null, reference: null },
    clerkId: 2,
    modemId: 'nc-demo-sim-1',
    carrierReference: status === 'succeeded' ? `TX${id}` : null,
    dealerBalanceAfter: null,
    receiptNumber: id,
    cause: null,
    till: { id: 'POS-1', name: 'Counter 1' },
    createdAt,
    updatedAt: createdAt,
  };
}

function check(id: number, receivedAt: string, remainingMb: number | null): BalanceCheckView {
  return {
    id,
    msisdn: '+687123456',
    carrierId: 'nc-demo',
    modemId: 'nc-demo-sim-1',
    outcome: remainingMb === null ? 'timeout' : 'ok',
    askedAt: receivedAt,
    remainingMb,
    validUntil: remainingMb === null ? null : '2026-12-31T12:59:00.000Z',
    text: remainingMb === null ? null : 'il vous reste…',
    receivedAt: remainingMb === null ? null : receivedAt,
  };
}

/** The shop's default, as a card checked once is planned with while few cards were read twice. */
const typicalUsage: StayUsage = {
  mbPerDay: 300,
  basis: { kind: 'default', cards: 0, minimumCards: 5, windowDays: 90 },
};
const at = (now: string, stay: Stay | null = null) => ({ stay, typicalUsage, now });

describe('the card page’s card', () => {
  // Newest first, as the stores give them.
  const checks = [
    check(4, '2026-05-05T00:00:00.000Z', 1800),
    check(3, '2026-05-04T00:00:00.000Z', null),
    check(2, '2026-05-03T00:00:00.000Z', 2200),
    check(1, '2026-05-01T00:00:00.000Z', 3000),
  ];

  it('reads the usage from the readable checks; a failed sale between them added nothing', () => {
    const sales = [sale(1, 'failed', '2026-05-02T00:00:00.000Z')];
    const view = cardView(card, { sales, checks }, at('2026-05-05T01:00:00.000Z'));
    expect(view).toMatchObject({
      msisdn: '+687123456',
      carrierId: 'nc-demo',
      currency: 'XPF',
      renewals: sales,
      checks,
      recommendation: null,
    });
    expect(view.usage).toMatchObject({ mbPerDay: 300, observedDays: 4 });
  });

  it('leaves out the interval of a renewal that may have gone through', () => {
    const sales = [sale(1, 'unknown', '2026-05-02T00:00:00.000Z')];
    expect(cardView(card, { sales, checks }, at('2026-05-05T01:00:00.000Z')).usage).toMatchObject({
      mbPerDay: 200,
      observedDays: 2,
    });
  });

  it('counts what a renewal sold since the last check added', () => {
    const latest = {
      at: '2026-05-05T00:00:00.000Z',
      remainingMb: 1800,
      validUntil: '2026-05-20T12:59:00.000Z',
    };
    const sales = [
      sale(3, 'failed', '2026-05-05T03:00:00.000Z'),
      sale(2, 'succeeded', '2026-05-05T02:00:00.000Z'),
      sale(1, 'succeeded', '2026-05-04T00:00:00.000Z'),
    ];
    expect(withRenewalsSince(latest, sales)).toEqual({
      at: latest.at,
      remainingMb: 1800 + 1024,
      validUntil: '2026-06-04T02:00:00.000Z',
    });
  });

  it('recommends for the stay with what is left after the renewal just sold', () => {
    const sales = [sale(1, 'succeeded', '2026-05-05T01:00:00.000Z')];
    const stay = stayUntil('2026-05-14', new Date('2026-05-05T01:00:00Z'), 'Pacific/Noumea');
    // 300 MB a day for 9.5 days: about 2 850 MB; about 1 790 + 1 024 are left.
    expect(
      cardView(card, { sales, checks }, at('2026-05-05T01:00:00.000Z', stay)).recommendation,
    ).toMatchObject({
      kind: 'plan',
      plan: { id: '1go' },
      coversStay: true,
      daysLeft: 9,
    });
  });

  it('plans a card checked once with the shop’s typical usage, and with its own once it has one', () => {
    const stay = stayUntil('2026-05-14', new Date('2026-05-05T01:00:00Z'), 'Pacific/Noumea');
    const once = cardView(card, { sales: [], checks: checks.slice(0, 1) }, at(stay.now, stay));
    expect(once.usage).toBeNull();
    expect(once.typicalUsage).toEqual(typicalUsage);
    expect(once.recommendation).toMatchObject({ kind: 'plan', usage: typicalUsage });
    const twice = cardView(card, { sales: [], checks }, at(stay.now, stay));
    expect(twice.recommendation?.usage).toEqual({ mbPerDay: 300, basis: { kind: 'card' } });
  });

  it('tells from the renewals when one larger plan would have cost less', () => {
    const fiveSmall = [5, 4, 3, 2, 1].map((id) =>
      sale(id, 'succeeded', `2026-05-0${id}T00:00:00.000Z`),
    );
    const view = cardView(card, { sales: fiveSmall, checks }, at('2026-05-05T01:00:00.000Z'));
    expect(view.upgrade).toMatchObject({
      renewals: 5,
      withSale: false,
      paid: { amount: 7500, currency: 'XPF' },
      plan: { id: '5go' },
      saving: { amount: 1500, currency: 'XPF' },
    });
    const failedOnes = fiveSmall.map((one, index) =>
      index < 2 ? { ...one, status: 'failed' as const } : one,
    );
    expect(
      cardView(card, { sales: failedOnes, checks }, at('2026-05-05T01:00:00.000Z')).upgrade,
    ).toBeNull();
  });
});
