/**
 * The counter's one sale at a time, as a pure reducer: fill in, confirm, sell (following the
 * sale's progress), see the outcome, start again. The screen makes the API calls, with what is
 * here: sales.renew goes from the clerk's confirm or retry (`attemptStarted`, `renewOnce`),
 * never from a render, which also happens for other reasons (a language switch).
 *
 * The idempotency key is made once per confirmation and kept through every retry: a double
 * click, or a retry after the connection dropped, sends the same key, and the core answers with
 * the sale it already has instead of selling twice. Try again after a failure that sent nothing
 * is another sale: a new confirmation, with a new key.
 *
 * A sale done leaves the counter ready for the next customer at once (the sale stays shown
 * under the empty form); a failed or pending one stays on screen until the clerk moves on.
 */
import { ApiError } from '../../shared/api/errors';
import { hasOutcome, type SaleView } from '../../shared/sale';
import { canTryAgain } from '../../shared/sale-cause';
import {
  type Checkout,
  type CheckoutField,
  type CheckoutForm,
  type CheckoutProblems,
  type CheckoutResult,
  emptyCheckoutForm,
  problemsFromIssues,
} from './checkout';

/** A sale whose top-up has an outcome the customer is told (shared/sale.ts, hasOutcome). */
export type SettledSale = SaleView & { status: 'succeeded' | 'failed' | 'unknown' };

const settled = (sale: SaleView): sale is SettledSale => hasOutcome(sale.status);

export type Stage =
  | {
      step: 'entry';
      /** What the last review found to fix; a field's problem goes as soon as it is edited. */
      problems: CheckoutProblems;
      /** Why the core refused the last confirmation, when it was not about one field. */
      refusal: string | null;
      /** How many reviews were refused: each one moves the focus to the first field to fix. */
      refused: number;
      /** The sale just done, shown under the form until the next confirmation. */
      done: SettledSale | null;
    }
  | { step: 'confirm'; checkout: Checkout; key: string }
  | {
      step: 'selling';
      checkout: Checkout;
      key: string;
      /** The sale as last seen (progress events, answers), null until the first one. */
      sale: SaleView | null;
      /** Bumped by each retry: the screen sends sales.renew once per attempt. */
      attempt: number;
      /** Why the last attempt's call failed without an answer (the connection was lost). */
      lost: string | null;
      /** The core answered, with a sale still on its way (a retry of a sale in progress). */
      answered: boolean;
    }
  | { step: 'result'; checkout: Checkout; sale: SettledSale };

export type Selling = Extract<Stage, { step: 'selling' }>;
type Entry = Extract<Stage, { step: 'entry' }>;

export interface CounterState {
  form: CheckoutForm;
  stage: Stage;
  /** The last receipt this counter issued (F8 prints it again); null before the first. */
  lastReceipt: number | null;
}

export type CounterAction =
  | { type: 'edit'; change: Partial<CheckoutForm> }
  /** The form was checked; `key` is a fresh idempotency key for this confirmation. */
  | { type: 'review'; result: CheckoutResult; key: string }
  /** A key found a field to fix before the review (see counter-keys.ts). */
  | { type: 'flag'; problems: CheckoutProblems }
  | { type: 'back' }
  | { type: 'confirm' }
  /** A sale seen in a progress event, or read again: ignored unless it is this counter's. */
  | { type: 'progress'; sale: SaleView }
  | { type: 'answered'; sale: SaleView }
  | { type: 'lost'; message: string }
  | { type: 'retry' }
  /** The core refused the sale before writing anything; `message` when not about a field. */
  | { type: 'refused'; problems: CheckoutProblems; message: string | null }
  /** The same number, plan and payment after a failure that sent nothing; `key` is new. */
  | { type: 'tryAgain'; key: string }
  | { type: 'newSale' };

const entry: Entry = { step: 'entry', problems: {}, refusal: null, refused: 0, done: null };

export const initialCounterState: CounterState = {
  form: emptyCheckoutForm,
  stage: entry,
  lastReceipt: null,
};

/** The problems an edit makes stale (another plan has another carrier and another price). */
const staleAfter: Readonly<Record<keyof CheckoutForm, readonly CheckoutField[]>> = {
  number: ['number'],
  planId: ['plan', 'number', 'tendered'],
  method: ['tendered', 'reference'],
  tendered: ['tendered'],
  reference: ['reference'],
  receiptLanguage: [],
};

function withoutStale(problems: CheckoutProblems, change: Partial<CheckoutForm>) {
  const keys = Object.keys(change) as (keyof CheckoutForm)[];
  const fields = keys.flatMap((key) => staleAfter[key]);
  if (!fields.some((field) => problems[field])) return problems;
  const kept = { ...problems };
  for (const field of fields) delete kept[field];
  return kept;
}

function seen(
  state: CounterState,
  stage: Selling,
  sale: SaleView,
  answered: boolean,
): CounterState {
  if (!settled(sale)) {
    return { ...state, stage: { ...stage, sale, answered: stage.answered || answered } };
  }
  const lastReceipt = sale.receiptNumber ?? state.lastReceipt;
  if (sale.status === 'succeeded') {
    return { form: emptyCheckoutForm, stage: { ...entry, done: sale }, lastReceipt };
  }
  return { ...state, stage: { step: 'result', checkout: stage.checkout, sale }, lastReceipt };
}

export function counterReducer(state: CounterState, action: CounterAction): CounterState {
  const { stage } = state;
  switch (action.type) {
    case 'edit': {
      if (stage.step !== 'entry') return state;
      const problems = withoutStale(stage.problems, action.change);
      return {
        ...state,
        form: { ...state.form, ...action.change },
        stage: problems === stage.problems ? stage : { ...stage, problems },
      };
    }
    case 'review':
      if (stage.step !== 'entry') return state;
      if (!action.result.ok) {
        const problems = action.result.problems;
        return {
          ...state,
          stage: { ...stage, problems, refusal: null, refused: stage.refused + 1 },
        };
      }
      return {
        ...state,
        stage: { step: 'confirm', checkout: action.result.value, key: action.key },
      };
    case 'flag':
      if (stage.step !== 'entry') return state;
      return {
        ...state,
        stage: { ...stage, problems: action.problems, refusal: null, refused: stage.refused + 1 },
      };
    case 'back':
      if (stage.step !== 'confirm') return state;
      return { ...state, stage: entry };
    case 'confirm':
      if (stage.step !== 'confirm') return state;
      return {
        ...state,
        stage: {
          step: 'selling',
          checkout: stage.checkout,
          key: stage.key,
          sale: null,
          attempt: 1,
          lost: null,
          answered: false,
        },
      };
    case 'progress':
    case 'answered':
      if (stage.step !== 'selling' || action.sale.idempotencyKey !== stage.key) return state;
      return seen(state, stage, action.sale, action.type === 'answered');
    case 'lost':
      if (stage.step !== 'selling') return state;
      return { ...state, stage: { ...stage, lost: action.message } };
    case 'retry':
      if (stage.step !== 'selling' || stage.lost === null) return state;
      return { ...state, stage: { ...stage, lost: null, attempt: stage.attempt + 1 } };
    case 'refused':
      if (stage.step !== 'selling') return state;
      return {
        ...state,
        stage: { ...entry, problems: action.problems, refusal: action.message, refused: 1 },
      };
    case 'tryAgain':
      if (stage.step !== 'result' || !canTryAgain(stage.sale.status, stage.sale.cause)) {
        return state;
      }
      return { ...state, stage: { step: 'confirm', checkout: stage.checkout, key: action.key } };
    case 'newSale':
      // From an outcome on screen, or from the form with the sale done still shown under it.
      if (stage.step !== 'result' && !(stage.step === 'entry' && stage.done)) return state;
      return { ...initialCounterState, lastReceipt: state.lastReceipt };
  }
}

/** What sales.renew is sent for a confirmed sale: the same on every attempt. */
export function renewalRequest(sold: Checkout, key: string) {
  return {
    msisdn: sold.customer.e164,
    planId: sold.plan.id,
    payment: sold.payment,
    idempotencyKey: key,
    ...(sold.receiptLanguage === null ? {} : { receiptLanguage: sold.receiptLanguage }),
  };
}

/**
 * The attempt an action started (a confirmation, a retry after a lost call), from the stages
 * before and after it; null when it started none (a second click on the same confirmation).
 */
export function attemptStarted(before: Stage, after: Stage): Selling | null {
  if (after.step !== 'selling' || after.lost !== null) return null;
  if (before.step === 'selling' && before.attempt === after.attempt) return null;
  return after;
}

export type RenewalRequest = ReturnType<typeof renewalRequest>;

/**
 * Sends one attempt's sales.renew and answers with the action its outcome calls for: the sale,
 * the core's reasons to refuse it, or the lost call (`describe` words the error for the clerk).
 */
export async function renewOnce(
  attempt: Selling,
  deps: {
    renew(request: RenewalRequest): Promise<{ sale: SaleView }>;
    describe(error: unknown): string;
  },
): Promise<CounterAction> {
  try {
    const { sale } = await deps.renew(renewalRequest(attempt.checkout, attempt.key));
    return { type: 'answered', sale };
  } catch (error) {
    // No dealer SIM can send it (float, daily cap): nothing was sold, the clerk is told why.
    // Another till is sending a top-up to this number: held here, nothing written.
    if (error instanceof ApiError && (error.code === 'no_modem' || error.code === 'number_busy')) {
      return { type: 'refused', problems: {}, message: deps.describe(error) };
    }
    if (error instanceof ApiError && error.code === 'invalid_input') {
      const problems = problemsFromIssues(error.issues ?? []);
      const message = Object.keys(problems).length > 0 ? null : deps.describe(error);
      return { type: 'refused', problems, message };
    }
    return { type: 'lost', message: deps.describe(error) };
  }
}
