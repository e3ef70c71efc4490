/**
 * The counter checks what the clerk filled in with the core's own rules, before anything is
 * confirmed: the number for the plan's carrier, a plan, and cash that covers the price.
 */
import { describe, expect, it } from 'vitest';
import { catalogOf } from '../../../../electron/sales/api';
import {
  type CheckoutForm,
  cashChange,
  checkout,
  emptyCheckoutForm,
  problemsFromIssues,
} from '../../../../renderer/counter/checkout';
import { demoProfile } from '../../carriers/demo-profile';

const { carriers } = catalogOf([demoProfile()]);
const form = (change: Partial<CheckoutForm>): CheckoutForm => ({ ...emptyCheckoutForm, ...change });

describe('cash at the counter', () => {
  const price = { amount: 1500, currency: 'XPF' as const };

  it.each([
    ['2000', 2000, 500],
    ['2 000', 2000, 500],
    ['1500', 1500, 0],
    ['10.000', 10_000, 8500],
  ])('takes %j for a 1 500 XPF plan and gives the change', (typed, tendered, change) => {
    expect(cashChange(price, typed)).toEqual({ ok: true, tendered, change });
  });

  it('counts cents for a currency that has them', () => {
    expect(cashChange({ amount: 1250, currency: 'EUR' }, '20,50')).toEqual({
      ok: true,
      tendered: 2050,
      change: 800,
    });
  });

  it.each([
    ['', 'tendered_required'],
    ['  ', 'tendered_required'],
    ['1499', 'tendered_too_low'],
    ['1 500,5', 'tendered_unreadable'],
    ['deux mille', 'tendered_unreadable'],
    ['-2000', 'tendered_unreadable'],
  ])('refuses %j as %s', (typed, problem) => {
    expect(cashChange(price, typed)).toEqual({ ok: false, problem });
  });
});

describe('the sale the clerk asks to confirm', () => {
  it('is a number of the carrier, a plan, and the cash with its change', () => {
    const result = checkout(
      carriers,
      form({ number: '687 12 34 56', planId: '5go', method: 'cash', tendered: '10000' }),
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        customer: { e164: '+687123456', display: '+687 123456' },
        carrier: { id: 'nc-demo' },
        plan: { id: '5go', price: { amount: 6000, currency: 'XPF' } },
        payment: { method: 'cash', tendered: { amount: 10_000, currency: 'XPF' } },
        change: 4000,
      },
    });
  });

  it('sends a card reference, trimmed, and no cash', () => {
    const result = checkout(
      carriers,
      form({
        number: '687123456',
        planId: '1go',
        method: 'card',
        tendered: '50',
        reference: ' A-17 ',
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      value: { payment: { method: 'card', reference: 'A-17' }, change: null },
    });
    expect(result.ok && 'tendered' in result.value.payment).toBe(false);
  });

  it('sends no reference when none was typed', () => {
    const result = checkout(
      carriers,
      form({ number: '687123456', planId: '1go', method: 'other' }),
    );
    expect(result).toMatchObject({ ok: true, value: { payment: { method: 'other' } } });
    expect(result.ok && result.value.payment).toEqual({ method: 'other' });
  });

  it('names every field to fix at once', () => {
    expect(checkout(carriers, form({}))).toEqual({
      ok: false,
      problems: { number: 'number_required', plan: 'plan_required' },
    });
    expect(
      checkout(carriers, form({ number: '+33 6 12 34 56 78', planId: '5go', tendered: '5000' })),
    ).toEqual({ ok: false, problems: { number: 'foreign_number', tendered: 'tendered_too_low' } });
    expect(
      checkout(
        carriers,
        form({ number: '12 34', planId: '1go', method: 'card', reference: 'a"b' }),
      ),
    ).toEqual({
      ok: false,
      problems: { number: 'invalid_number', reference: 'reference_characters' },
    });
  });
});

describe("the core's refusal of a sale, on the counter's fields", () => {
  it('puts each issue on its field', () => {
    expect(
      problemsFromIssues([
        { path: 'msisdn', code: 'foreign_number' },
        { path: 'planId', code: 'unknown_plan' },
        { path: 'payment.tendered', code: 'tendered_too_low' },
        { path: 'payment.reference', code: 'invalid_format' },
      ]),
    ).toEqual({
      number: 'foreign_number',
      plan: 'plan_required',
      tendered: 'tendered_too_low',
      reference: 'reference_characters',
    });
  });

  it('leaves an issue on no field of the form to the general message', () => {
    expect(problemsFromIssues([{ path: 'idempotencyKey', code: 'invalid_format' }])).toEqual({});
  });
});
