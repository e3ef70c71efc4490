/**
 * The counter's keys, as pure decisions: after the customer's number, Enter goes to the plans, a
 * plan's digit picks it, and one payment key (Enter: exact cash, `+`: the next usual note, `C`:
 * card) opens the confirmation. The screen does what is decided here (focus, edit, review).
 */
import { currencies, type Money } from '../../shared/currencies';
import { denominations, largestCoin } from '../../shared/denominations';
import {
  type Carrier,
  type CheckoutForm,
  type CheckoutProblems,
  cashChange,
  findPlan,
  type Plan,
  readNumber,
} from './checkout';

/** Where a key was pressed: the number field, a plan tile, the cash field, or anywhere else. */
export type CounterZone = 'number' | 'plan' | 'tendered' | 'other';

export type KeyDecision =
  /** Move the focus to the plans or to the payment. */
  | { kind: 'focus'; zone: 'plan' | 'payment' }
  /** Take this plan, then the focus goes to the payment. */
  | { kind: 'pick'; planId: string }
  /** Edit the form with `change`, then ask for the confirmation. */
  | { kind: 'review'; change: Partial<CheckoutForm> }
  /** Say what is missing in the field the clerk is on, without going further. */
  | { kind: 'flag'; problems: CheckoutProblems };

/** The quick-cash key. */
export const quickCashKey = '+';
/** The card key (either case). */
export const cardKey = 'c';
/** Plans past the ninth have no digit: arrows reach them. */
const digitPlans = 9;

/** Every plan of the catalog in the order the tiles show them; a tile's digit is its place + 1. */
export function plansInOrder(catalog: readonly Carrier[]): Plan[] {
  return catalog.flatMap((carrier) => carrier.plans);
}

/** The digit key shown on a plan's tile, or null past the ninth. */
export function planDigit(catalog: readonly Carrier[], planId: string): string | null {
  const index = plansInOrder(catalog).findIndex((plan) => plan.id === planId);
  return index >= 0 && index < digitPlans ? String(index + 1) : null;
}

/** The amount as the clerk would type it in the cash field ("1500", "15.00"). */
export function typedAmount({ amount, currency }: Money): string {
  const digits = currencies[currency].minorDigits;
  if (digits === 0) return String(amount);
  const unit = 10 ** digits;
  return `${Math.floor(amount / unit)}.${String(amount % unit).padStart(digits, '0')}`;
}

/**
 * What a customer usually hands over for `price`: the smallest note of the currency above it
 * (1 500 XPF → 5 000), or, above the largest note, the next whole number of that note
 * (18 000 XPF → 20 000). Coins are not "notes": nobody pays a plan with a 100 F coin.
 */
export function nextUsualNote(price: Money): number {
  const notes = denominations[price.currency].filter(
    (value) => value > largestCoin[price.currency],
  );
  const above = notes.find((note) => note > price.amount);
  if (above !== undefined) return above;
  const largest = notes[notes.length - 1] ?? 1;
  return (Math.floor(price.amount / largest) + 1) * largest;
}

/** Whether the payment as filled in needs nothing more before the confirmation. */
function paymentFilled(form: CheckoutForm, price: Money): boolean {
  return form.method !== 'cash' || cashChange(price, form.tendered).ok;
}

const isDigitKey = (key: string) => /^[1-9]$/.test(key);

/**
 * What `key` in `zone` does, or null when the key keeps its usual meaning (a digit typed in a
 * field, an arrow between plans, Tab).
 */
export function counterKey(
  key: string,
  zone: CounterZone,
  catalog: readonly Carrier[],
  form: CheckoutForm,
): KeyDecision | null {
  const chosen = findPlan(catalog, form.planId);
  switch (zone) {
    case 'number': {
      if (key !== 'Enter') return null;
      const number = readNumber(catalog, form);
      if (!number.ok) return { kind: 'flag', problems: { number: number.problem } };
      if (!chosen) return { kind: 'focus', zone: 'plan' };
      if (!paymentFilled(form, chosen.plan.price)) return { kind: 'focus', zone: 'payment' };
      return { kind: 'review', change: {} };
    }
    case 'plan': {
      if (isDigitKey(key)) {
        const plan = plansInOrder(catalog)[Number(key) - 1];
        return plan ? { kind: 'pick', planId: plan.id } : null;
      }
      if (key !== 'Enter') return null;
      if (!chosen) return { kind: 'flag', problems: { plan: 'plan_required' } };
      return { kind: 'focus', zone: 'payment' };
    }
    case 'tendered': {
      const price = chosen?.plan.price;
      if (key.toLowerCase() === cardKey) return { kind: 'review', change: { method: 'card' } };
      if (key === quickCashKey && price) {
        const note = { amount: nextUsualNote(price), currency: price.currency };
        return { kind: 'review', change: { tendered: typedAmount(note) } };
      }
      if (key !== 'Enter') return null;
      // Nothing typed: the customer pays the exact price.
      if (form.tendered.trim() === '' && price) {
        return { kind: 'review', change: { tendered: typedAmount(price) } };
      }
      return { kind: 'review', change: {} };
    }
    case 'other':
      return key === 'Enter' ? { kind: 'review', change: {} } : null;
  }
}
