import { describe, expect, it } from 'vitest';
import { type Bought, UPGRADE_WINDOW_DAYS, upgradeAdvice } from '../../../electron/balance/upgrade';
import { DAY_MS } from '../../../electron/balance/usage';
import type { PlanOffer } from '../../../shared/balance';

const xpf = (amount: number) => ({ amount, currency: 'XPF' as const });

/** A carrier whose small plan is dear per Go: three 1 Go cost more than one 5 Go. */
const plans: PlanOffer[] = [
  { id: '1go', name: '1 Go', dataMb: 1024, validityDays: 30, price: xpf(2500) },
  { id: '5go', name: '5 Go', dataMb: 5120, validityDays: 30, price: xpf(6000) },
  { id: '5go-7', name: '5 Go 7 j', dataMb: 5120, validityDays: 7, price: xpf(4000) },
  { id: '20go', name: '20 Go', dataMb: 20_480, validityDays: 30, price: xpf(18_000) },
];
const [oneGo, fiveGo, , twentyGo] = plans as [PlanOffer, PlanOffer, PlanOffer, PlanOffer];

const NOW = '2026-05-31T10:00:00.000Z';
const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * DAY_MS).toISOString();
const bought = (days: number, plan = oneGo): Bought => ({
  at: daysAgo(days),
  dataMb: plan.dataMb,
  price: plan.price,
});

describe('which larger plan would have cost less than repeated small top-ups', () => {
  it.each<[string, Bought[], PlanOffer | null, string | null, number]>([
    ['three 1 Go in 30 days: one 5 Go', [bought(20), bought(10), bought(1)], null, '5go', 1500],
    ['two 1 Go and the one being sold: the same', [bought(20), bought(10)], oneGo, '5go', 1500],
    [
      'three 1 Go within a week: the cheaper 7-day plan lasts those days',
      [bought(6), bought(3), bought(1)],
      null,
      '5go-7',
      3500,
    ],
    ['one top-up is not repeated', [bought(3)], null, null, 0],
    ['nothing bought, one being sold', [], oneGo, null, 0],
    ['two 1 Go cost less than any larger plan', [bought(20), bought(10)], null, null, 0],
    [
      'top-ups older than the window do not count',
      [bought(UPGRADE_WINDOW_DAYS + 1), bought(UPGRADE_WINDOW_DAYS + 5), bought(2)],
      null,
      null,
      0,
    ],
    [
      'a plan must hold all the data bought: six 1 Go need more than 5 Go',
      [bought(25), bought(20), bought(15), bought(10), bought(5), bought(1)],
      null,
      null,
      0,
    ],
    ['selling the large plan itself: nothing larger is cheaper', [bought(5)], twentyGo, null, 0],
    [
      'a 5 Go bought in the window: only a plan larger than it counts',
      [bought(20, fiveGo), bought(10)],
      oneGo,
      null,
      0,
    ],
  ])('%s', (_label, history, selling, planId, saving) => {
    const advice = upgradeAdvice(history, plans, NOW, selling);
    if (planId === null) {
      expect(advice).toBeNull();
    } else {
      expect(advice).toMatchObject({ plan: { id: planId }, saving: xpf(saving) });
    }
  });

  it('says what was paid, for how much data, over how many days, and whether the sale counts', () => {
    expect(upgradeAdvice([bought(20), bought(10)], plans, NOW, oneGo)).toEqual({
      renewals: 3,
      withSale: true,
      days: 20,
      windowDays: 30,
      paid: xpf(7500),
      dataMb: 3072,
      plan: fiveGo,
      saving: xpf(1500),
    });
  });

  it('leaves out top-ups paid in another currency', () => {
    const inEuros: Bought = { ...bought(10), price: { amount: 2500, currency: 'EUR' } };
    expect(upgradeAdvice([bought(20), inEuros], plans, NOW, oneGo)).toBeNull();
  });
});
