import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recommendPlan, type Stay } from '../../../electron/balance/recommendation';
import { DAY_MS, type Reading } from '../../../electron/balance/usage';
import type { PlanOffer, StayUsage } from '../../../shared/balance';

const xpf = (amount: number) => ({ amount, currency: 'XPF' as const });

/** The demo carrier's plans: 1, 5 and 20 Go for 30 days. */
const plans: PlanOffer[] = [
  { id: '1go', name: '1 Go', dataMb: 1024, validityDays: 30, price: xpf(1500) },
  { id: '5go', name: '5 Go', dataMb: 5120, validityDays: 30, price: xpf(6000) },
  { id: '20go', name: '20 Go', dataMb: 20_480, validityDays: 30, price: xpf(18_000) },
];

const NOW = Date.parse('2026-05-04T00:00:00Z');
const at = (days: number) => new Date(NOW + days * DAY_MS).toISOString();

/** A stay of `days` whole days from now. */
const stay = (days: number): Stay => ({ now: at(0), departureEnd: at(days), daysLeft: days });
const checked = (remainingMb: number, daysAgo = 0, validForDays = 60): Reading => ({
  at: at(-daysAgo),
  remainingMb,
  validUntil: at(validForDays),
});

/** A rate read from the card's own checks. */
const own = (mbPerDay: number): StayUsage => ({ mbPerDay, basis: { kind: 'card' } });

describe('the plan to sell for the rest of the stay', () => {
  it('plans a card checked once with the shop’s typical usage, and says so', () => {
    const shop: StayUsage = { mbPerDay: 500, basis: { kind: 'shop', cards: 7, windowDays: 90 } };
    expect(recommendPlan(plans, shop, checked(1000), stay(10))).toEqual({
      kind: 'plan',
      daysLeft: 10,
      stayMb: 5000,
      remainingMb: 1000,
      usage: shop,
      plan: plans[1],
      coversStay: true,
    });
  });

  it.each<[string, number, Reading | null, Stay, string | null, boolean]>([
    [
      'the smallest plan covering what the stay needs beyond what is left',
      500,
      checked(1000),
      stay(10),
      '5go',
      true,
    ],
    ['nothing to sell when what is left lasts the stay', 100, checked(3000), stay(10), null, true],
    [
      'the smallest plan that lasts when the data suffices but not its validity',
      100,
      checked(3000, 0, 5),
      stay(10),
      '1go',
      true,
    ],
    [
      'what was used since the last check is no longer there',
      500,
      checked(3000, 4),
      stay(4),
      '1go',
      true,
    ],
    ['an expired balance counts for nothing', 100, checked(5000, 0, -1), stay(5), '1go', true],
    ['no balance known: the whole stay', 300, null, stay(3), '1go', true],
    ['the largest plan when none covers the stay', 2000, checked(0), stay(20), '20go', false],
    ['the longest-lasting plan when none lasts the stay', 10, checked(0), stay(45), '20go', false],
  ])('%s', (_label, mbPerDay, latest, until, planId, coversStay) => {
    const advice = recommendPlan(plans, own(mbPerDay), latest, until);
    if (planId === null) {
      expect(advice.kind).toBe('enough');
    } else {
      expect(advice).toMatchObject({ kind: 'plan', plan: { id: planId }, coversStay });
    }
  });

  it('says what the stay needs and what is left', () => {
    expect(recommendPlan(plans, own(500), checked(3000, 2), stay(10))).toEqual({
      kind: 'plan',
      daysLeft: 10,
      stayMb: 5000,
      remainingMb: 2000,
      usage: own(500),
      plan: plans[1],
      coversStay: true,
    });
  });

  it('picks by validity before data: a long plan beats a big short one', () => {
    const withLongPlan = [
      ...plans,
      { id: '3go-90', name: '3 Go 90 j', dataMb: 3072, validityDays: 90, price: xpf(5000) },
    ];
    expect(recommendPlan(withLongPlan, own(50), checked(0), stay(60))).toMatchObject({
      plan: { id: '3go-90' },
      coversStay: true,
    });
  });

  const situation = fc.record({
    plans: fc.array(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 8 }),
        name: fc.constant('plan'),
        dataMb: fc.integer({ min: 1, max: 50_000 }),
        validityDays: fc.integer({ min: 1, max: 120 }),
        price: fc.integer({ min: 0, max: 100_000 }).map(xpf),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    mbPerDay: fc.double({ min: 0, max: 5000, noNaN: true }),
    remainingMb: fc.integer({ min: 0, max: 50_000 }),
    checkedDaysAgo: fc.integer({ min: 0, max: 20 }),
    validForDays: fc.integer({ min: -10, max: 120 }),
    days: fc.integer({ min: 0, max: 100 }),
  });

  it('recommends a plan that covers the stay, and none smaller does', () => {
    fc.assert(
      fc.property(situation, (s) => {
        const advice = recommendPlan(
          s.plans,
          own(s.mbPerDay),
          checked(s.remainingMb, s.checkedDaysAgo, s.validForDays),
          stay(s.days),
        );
        if (advice.kind !== 'plan') return;
        const shortfall = Math.max(0, advice.stayMb - advice.remainingMb);
        const covers = (plan: PlanOffer) => plan.validityDays >= s.days && plan.dataMb >= shortfall;
        expect(covers(advice.plan)).toBe(advice.coversStay);
        if (advice.coversStay) {
          for (const plan of s.plans.filter(covers)) {
            expect(plan.dataMb).toBeGreaterThanOrEqual(advice.plan.dataMb);
          }
        } else {
          expect(s.plans.some(covers)).toBe(false);
        }
      }),
    );
  });

  it('never recommends a smaller plan for a longer stay', () => {
    fc.assert(
      fc.property(situation, fc.integer({ min: 1, max: 30 }), (s, more) => {
        const latest = checked(s.remainingMb, s.checkedDaysAgo, s.validForDays);
        const shorter = recommendPlan(s.plans, own(s.mbPerDay), latest, stay(s.days));
        const longer = recommendPlan(s.plans, own(s.mbPerDay), latest, stay(s.days + more));
        if (longer.kind === 'plan' && longer.coversStay && shorter.kind === 'plan') {
          expect(longer.plan.dataMb).toBeGreaterThanOrEqual(shorter.plan.dataMb);
        }
        if (shorter.kind === 'plan') expect(longer.kind).toBe('plan');
      }),
    );
  });
});
