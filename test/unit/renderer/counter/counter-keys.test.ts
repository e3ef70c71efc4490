/**
 * The counter's keys: after the number, Enter goes to the plans, a plan's digit picks it, and one
 * payment key opens the confirmation (Enter: exact cash, +: the next usual note, C: card).
 */
import { describe, expect, it } from 'vitest';
import { catalogOf } from '../../../../electron/sales/api';
import {
  type CheckoutForm,
  checkout,
  emptyCheckoutForm,
} from '../../../../renderer/counter/checkout';
import {
  type CounterZone,
  counterKey,
  nextUsualNote,
  planDigit,
  typedAmount,
} from '../../../../renderer/counter/counter-keys';
import { demoProfile } from '../../carriers/demo-profile';

const { carriers } = catalogOf([demoProfile()]);
const form = (change: Partial<CheckoutForm>): CheckoutForm => ({ ...emptyCheckoutForm, ...change });
const key = (pressed: string, zone: CounterZone, change: Partial<CheckoutForm>) =>
  counterKey(pressed, zone, carriers, form(change));
const number = '687 12 34 56';

describe('the next usual note', () => {
  it.each([
    [1500, 'XPF', 5000],
    [6000, 'XPF', 10_000],
    [1000, 'XPF', 5000],
    [400, 'XPF', 500],
    [18_000, 'XPF', 20_000],
    [30_000, 'XPF', 40_000],
    [1250, 'EUR', 2000],
    [999, 'USD', 1000],
  ] as const)('for %i %s is %i', (amount, currency, note) => {
    expect(nextUsualNote({ amount, currency })).toBe(note);
  });
});

describe('an amount as the clerk types it', () => {
  it.each([
    [1500, 'XPF', '1500'],
    [1250, 'EUR', '12.50'],
    [5, 'EUR', '0.05'],
  ] as const)('%i %s reads %j', (amount, currency, typed) => {
    expect(typedAmount({ amount, currency })).toBe(typed);
  });

  it('is read back by the cash field as the same amount', () => {
    const exact = form({
      number,
      planId: '5go',
      tendered: typedAmount({ amount: 6000, currency: 'XPF' }),
    });
    expect(checkout(carriers, exact)).toMatchObject({ ok: true, value: { change: 0 } });
  });
});

describe('the plans’ digits', () => {
  it('are their places on screen, from 1', () => {
    expect(['1go', '5go', '20go'].map((id) => planDigit(carriers, id))).toEqual(['1', '2', '3']);
    expect(planDigit(carriers, 'gone')).toBeNull();
  });
});

describe('the keys at the counter', () => {
  it('Enter in the number goes to the plans, or says what is wrong with the number', () => {
    expect(key('Enter', 'number', { number })).toEqual({ kind: 'focus', zone: 'plan' });
    expect(key('Enter', 'number', { number: '12' })).toEqual({
      kind: 'flag',
      problems: { number: 'invalid_number' },
    });
    expect(key('Enter', 'number', { number: '' })).toEqual({
      kind: 'flag',
      problems: { number: 'number_required' },
    });
    // Digits are typed into the number.
    expect(key('2', 'number', { number })).toBeNull();
  });

  it('Enter in the number goes on to what is left to fill, or to the confirmation', () => {
    expect(key('Enter', 'number', { number, planId: '5go' })).toEqual({
      kind: 'focus',
      zone: 'payment',
    });
    expect(key('Enter', 'number', { number, planId: '5go', method: 'card' })).toEqual({
      kind: 'review',
      change: {},
    });
  });

  it('a digit on the plans picks the plan of that tile; Enter goes on once one is chosen', () => {
    expect(key('2', 'plan', { number })).toEqual({ kind: 'pick', planId: '5go' });
    expect(key('3', 'plan', { number })).toEqual({ kind: 'pick', planId: '20go' });
    expect(key('4', 'plan', { number })).toBeNull();
    expect(key('ArrowRight', 'plan', { number })).toBeNull();
    expect(key('Enter', 'plan', { number })).toEqual({
      kind: 'flag',
      problems: { plan: 'plan_required' },
    });
    expect(key('Enter', 'plan', { number, planId: '1go' })).toEqual({
      kind: 'focus',
      zone: 'payment',
    });
  });

  it('Enter on an empty cash field takes the exact price and asks for the confirmation', () => {
    expect(key('Enter', 'tendered', { number, planId: '5go' })).toEqual({
      kind: 'review',
      change: { tendered: '6000' },
    });
    // Typed cash is kept.
    expect(key('Enter', 'tendered', { number, planId: '5go', tendered: '7000' })).toEqual({
      kind: 'review',
      change: {},
    });
    expect(key('7', 'tendered', { number, planId: '5go' })).toBeNull();
  });

  it('+ takes the next usual note, C the card, each straight to the confirmation', () => {
    expect(key('+', 'tendered', { number, planId: '1go' })).toEqual({
      kind: 'review',
      change: { tendered: '5000' },
    });
    expect(key('c', 'tendered', { number, planId: '1go' })).toEqual({
      kind: 'review',
      change: { method: 'card' },
    });
    expect(key('C', 'tendered', { number, planId: '1go', tendered: '12' })).toEqual({
      kind: 'review',
      change: { method: 'card' },
    });
  });

  it('four keys after the number make a whole cash sale and a whole card sale', () => {
    for (const [payment, method] of [
      ['Enter', 'cash'],
      ['c', 'card'],
    ] as const) {
      let typed = form({ number });
      expect(counterKey('Enter', 'number', carriers, typed)).toEqual({
        kind: 'focus',
        zone: 'plan',
      });
      const pick = counterKey('2', 'plan', carriers, typed);
      if (pick?.kind !== 'pick') throw new Error('pick');
      typed = { ...typed, planId: pick.planId };
      const pay = counterKey(payment, 'tendered', carriers, typed);
      if (pay?.kind !== 'review') throw new Error('review');
      // The fourth key is Enter on the confirmation.
      expect(checkout(carriers, { ...typed, ...pay.change })).toMatchObject({
        ok: true,
        value: { plan: { id: '5go' }, payment: { method } },
      });
    }
  });

  it('Enter elsewhere in the form asks for the confirmation, other keys do as usual', () => {
    expect(key('Enter', 'other', {})).toEqual({ kind: 'review', change: {} });
    expect(key('c', 'other', {})).toBeNull();
  });
});
