/**
 * What the clerk filled in at the counter, checked with the same rules as the core before the
 * confirmation is shown: the customer number for the plan's carrier, a plan, and the payment.
 */
import { parseAmount } from '../../shared/amounts';
import type { ProcedureOutput } from '../../shared/api/contract';
import { currencies, type Money } from '../../shared/currencies';
import { type CustomerNumber, customerNumber } from '../../shared/customer-number';
import type { Language } from '../../shared/languages';
import { type PaymentInput, type PaymentMethod, paymentSchema } from '../../shared/sale';

export type Carrier = ProcedureOutput<'catalog.list'>['carriers'][number];
export type Plan = Carrier['plans'][number];

export interface CheckoutForm {
  /** As shown in the number field. */
  number: string;
  planId: string | null;
  method: PaymentMethod;
  /** Cash handed over, as typed ("2000", "2 000", "20,50"). */
  tendered: string;
  /** Card slip or transfer reference. */
  reference: string;
  /** The receipt's language, picked for the customer; null: the shop's. */
  receiptLanguage: Language | null;
}

export const emptyCheckoutForm: CheckoutForm = {
  number: '',
  planId: null,
  method: 'cash',
  tendered: '',
  reference: '',
  receiptLanguage: null,
};

export type CheckoutField = 'number' | 'plan' | 'tendered' | 'reference';

/** Why a field is refused; each is translated as counter.problems.<code>. */
export type CheckoutProblem =
  | 'number_required'
  | 'invalid_number'
  | 'foreign_number'
  | 'plan_required'
  | 'tendered_required'
  | 'tendered_unreadable'
  | 'tendered_too_low'
  | 'reference_characters';

export type CheckoutProblems = Partial<Record<CheckoutField, CheckoutProblem>>;

/** Everything the confirmation shows and the sale sends. */
export interface Checkout {
  customer: CustomerNumber;
  carrier: Carrier;
  plan: Plan;
  payment: PaymentInput;
  /** Cash only: what goes back to the customer, in minor units. */
  change: number | null;
  /** The receipt's language; null: the shop's. */
  receiptLanguage: Language | null;
}

type CashChange =
  | { ok: true; tendered: number; change: number }
  | { ok: false; problem: 'tendered_required' | 'tendered_unreadable' | 'tendered_too_low' };

/** The cash handed over for `price`, and the change; refused below the price. */
export function cashChange(price: Money, typed: string): CashChange {
  if (typed.trim() === '') return { ok: false, problem: 'tendered_required' };
  const tendered = parseAmount(typed, currencies[price.currency].minorDigits);
  if (tendered === null || tendered < 0) return { ok: false, problem: 'tendered_unreadable' };
  if (tendered < price.amount) return { ok: false, problem: 'tendered_too_low' };
  return { ok: true, tendered, change: tendered - price.amount };
}

export function findPlan(
  catalog: readonly Carrier[],
  planId: string | null,
): { carrier: Carrier; plan: Plan } | null {
  for (const carrier of catalog) {
    const plan = carrier.plans.find((candidate) => candidate.id === planId);
    if (plan) return { carrier, plan };
  }
  return null;
}

/**
 * The customer number read for the carrier of the chosen plan (or the first carrier before a
 * plan is chosen: its region is the one the clerk types for).
 */
export function readNumber(
  catalog: readonly Carrier[],
  form: Pick<CheckoutForm, 'number' | 'planId'>,
): { ok: true; value: CustomerNumber } | { ok: false; problem: CheckoutProblem } {
  const carrier = findPlan(catalog, form.planId)?.carrier ?? catalog[0];
  if (form.number.trim() === '') return { ok: false, problem: 'number_required' };
  if (!carrier) return { ok: false, problem: 'invalid_number' };
  const result = customerNumber(carrier, form.number);
  return result.ok ? result : { ok: false, problem: result.error.code };
}

export type CheckoutResult =
  | { ok: true; value: Checkout }
  | { ok: false; problems: CheckoutProblems };

export function checkout(catalog: readonly Carrier[], form: CheckoutForm): CheckoutResult {
  const problems: CheckoutProblems = {};
  const number = readNumber(catalog, form);
  if (!number.ok) problems.number = number.problem;
  const chosen = findPlan(catalog, form.planId);
  if (!chosen) problems.plan = 'plan_required';

  let payment: PaymentInput = { method: form.method };
  let change: number | null = null;
  if (form.method === 'cash' && chosen) {
    const cash = cashChange(chosen.plan.price, form.tendered);
    if (cash.ok) {
      payment = {
        method: 'cash',
        tendered: { amount: cash.tendered, currency: chosen.plan.price.currency },
      };
      change = cash.change;
    } else {
      problems.tendered = cash.problem;
    }
  } else if (form.method !== 'cash' && form.reference.trim() !== '') {
    const parsed = paymentSchema.safeParse({ method: form.method, reference: form.reference });
    if (parsed.success) payment = parsed.data;
    else problems.reference = 'reference_characters';
  }

  if (!number.ok || !chosen || Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      customer: number.value,
      carrier: chosen.carrier,
      plan: chosen.plan,
      payment,
      change,
      receiptLanguage: form.receiptLanguage,
    },
  };
}

/** The core's field issues on a refused sale, as the fields of the counter's form. */
export function problemsFromIssues(
  issues: readonly { path: string; code: string }[],
): CheckoutProblems {
  const problems: CheckoutProblems = {};
  for (const { path, code } of issues) {
    if (path === 'msisdn') {
      problems.number ??= code === 'foreign_number' ? 'foreign_number' : 'invalid_number';
    } else if (path === 'planId') {
      problems.plan ??= 'plan_required';
    } else if (path === 'payment.tendered' || path === 'payment.tendered.amount') {
      problems.tendered ??= code === 'tendered_required' ? 'tendered_required' : 'tendered_too_low';
    } else if (path === 'payment.reference') {
      problems.reference ??= 'reference_characters';
    }
  }
  return problems;
}
