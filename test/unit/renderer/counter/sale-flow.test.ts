/**
 * One sale at the counter, from the form to the outcome: the confirmation's key is the sale's
 * identity through double clicks and retries, and only this counter's sale moves its screen.
 */
import { describe, expect, it } from 'vitest';
import { catalogOf } from '../../../../electron/sales/api';
import { checkout, emptyCheckoutForm } from '../../../../renderer/counter/checkout';
import {
  attemptStarted,
  type CounterAction,
  type CounterState,
  counterReducer,
  initialCounterState,
  type RenewalRequest,
  renewalRequest,
  renewOnce,
  type Selling,
} from '../../../../renderer/counter/sale-flow';
import { ApiError } from '../../../../shared/api/errors';
import type { SaleStatus, SaleView } from '../../../../shared/sale';
import { demoProfile } from '../../carriers/demo-profile';

const { carriers } = catalogOf([demoProfile()]);
const filled = {
  ...emptyCheckoutForm,
  number: '687 12 34 56',
  planId: '5go',
  tendered: '10000',
};

function run(...actions: CounterAction[]): CounterState {
  return actions.reduce(counterReducer, initialCounterState);
}

const edit: CounterAction = { type: 'edit', change: filled };
const review = (key: string): CounterAction => ({
  type: 'review',
  result: checkout(carriers, filled),
  key,
});

function sale(status: SaleStatus, key = 'key-first'): SaleView {
  return {
    id: 7,
    idempotencyKey: key,
    status,
    msisdn: '+687123456',
    carrierId: 'nc-demo',
    planId: '5go',
    planName: '5 Go',
    dataMb: 5120,
    validityDays: 30,
    price: { amount: 6000, currency: 'XPF' },
    taxRate: 0,
    payment: {
      method: 'cash',
      tendered: { amount: 10_000, currency: 'XPF' },
      change: { amount: 4000, currency: 'XPF' },
      reference: null,
    },
    clerkId: 2,
    modemId: status === 'paid' ? null : 'nc-demo-sim-1',
    carrierReference: status === 'succeeded' ? 'TX123' : null,
    dealerBalanceAfter: null,
    receiptNumber: status === 'succeeded' ? 1 : null,
    cause: null,
    till: { id: 'POS-1', name: 'Counter 1' },
    createdAt: '2025-01-14T03:30:00.000Z',
    updatedAt: '2025-01-14T03:30:01.000Z',
  };
}

describe('a sale at the counter', () => {
  it('goes from the form to the confirmation with a fresh key, and back with the form kept', () => {
    const confirming = run(edit, review('key-first'));
    expect(confirming.stage).toMatchObject({ step: 'confirm', key: 'key-first' });
    const back = counterReducer(confirming, { type: 'back' });
    expect(back.stage).toEqual(initialCounterState.stage);
    expect(back.form).toEqual(filled);
    // The next confirmation is a new one, with its own key.
    expect(counterReducer(back, review('key-second')).stage).toMatchObject({ key: 'key-second' });
  });

  it('stays on the form with the problems when something is missing', () => {
    const state = run({ type: 'review', result: checkout(carriers, emptyCheckoutForm), key: 'k' });
    expect(state.stage).toEqual({
      step: 'entry',
      problems: { number: 'number_required', plan: 'plan_required' },
      refusal: null,
      refused: 1,
      done: null,
    });
  });

  it('forgets a problem once its field is edited, and keeps the others', () => {
    const refused = run({
      type: 'review',
      result: checkout(carriers, emptyCheckoutForm),
      key: 'k',
    });
    const typed = counterReducer(refused, { type: 'edit', change: { number: '27' } });
    expect(typed.stage).toMatchObject({ problems: { plan: 'plan_required' }, refused: 1 });
    // Typing more changes nothing else: the stage stays the same and the focus stays put.
    const more = counterReducer(typed, { type: 'edit', change: { number: '271' } });
    expect(more.stage).toBe(typed.stage);
  });

  it('sells once on a double click: the second confirm changes nothing', () => {
    const once = run(edit, review('key-first'), { type: 'confirm' });
    expect(counterReducer(once, { type: 'confirm' })).toBe(once);
    expect(once.stage).toMatchObject({ step: 'selling', attempt: 1 });
  });

  it('retries after a lost connection with the same request and key', () => {
    const first = run(edit, review('key-first'), { type: 'confirm' });
    const lost = counterReducer(first, { type: 'lost', message: 'Cannot reach Comptoir.' });
    expect(lost.stage).toMatchObject({ step: 'selling', lost: 'Cannot reach Comptoir.' });
    // Escape, a new review or a new sale cannot start another sale meanwhile.
    expect(counterReducer(lost, { type: 'back' })).toBe(lost);
    expect(counterReducer(lost, review('key-other'))).toBe(lost);
    expect(counterReducer(lost, { type: 'newSale' })).toBe(lost);
    const again = counterReducer(lost, { type: 'retry' });
    expect(again.stage).toMatchObject({ step: 'selling', lost: null, attempt: 2 });
    if (first.stage.step !== 'selling' || again.stage.step !== 'selling')
      throw new Error('selling');
    expect(renewalRequest(again.stage.checkout, again.stage.key)).toEqual(
      renewalRequest(first.stage.checkout, first.stage.key),
    );
    expect(renewalRequest(again.stage.checkout, again.stage.key)).toEqual({
      msisdn: '+687123456',
      planId: '5go',
      payment: { method: 'cash', tendered: { amount: 10_000, currency: 'XPF' } },
      idempotencyKey: 'key-first',
    });
  });

  it('follows its own sale and ignores another counter’s', () => {
    const selling = run(edit, review('key-first'), { type: 'confirm' });
    expect(counterReducer(selling, { type: 'progress', sale: sale('sending', 'key-other') })).toBe(
      selling,
    );
    const sending = counterReducer(selling, { type: 'progress', sale: sale('sending') });
    expect(sending.stage).toMatchObject({ step: 'selling', sale: { status: 'sending' } });
    const done = counterReducer(sending, { type: 'progress', sale: sale('succeeded') });
    expect(done.stage).toMatchObject({ step: 'entry', done: { carrierReference: 'TX123' } });
  });

  it('keeps waiting when a retry answers with the sale still under way', () => {
    const selling = run(edit, review('key-first'), { type: 'confirm' });
    const answered = counterReducer(selling, { type: 'answered', sale: sale('sending') });
    expect(answered.stage).toMatchObject({ step: 'selling', answered: true });
    // A later event does not forget that the core has answered.
    const later = counterReducer(answered, { type: 'progress', sale: sale('sending') });
    expect(later.stage).toMatchObject({ answered: true });
  });

  it('is ready for the next customer once the top-up is done, the sale shown under the form', () => {
    const state = run(
      edit,
      review('key-first'),
      { type: 'confirm' },
      { type: 'answered', sale: sale('succeeded') },
    );
    expect(state.form).toEqual(emptyCheckoutForm);
    expect(state.stage).toMatchObject({ step: 'entry', refused: 0, done: { status: 'succeeded' } });
    expect(state.lastReceipt).toBe(1);
    // The next confirmation leaves the sale done behind; F8 still knows its receipt.
    const next = run(edit, review('key-first'), { type: 'confirm' });
    const after = [{ type: 'answered', sale: sale('succeeded') } as const, edit, review('k2')];
    const confirming = after.reduce(counterReducer, next);
    expect(confirming.stage).toMatchObject({ step: 'confirm', key: 'k2' });
    expect(confirming.lastReceipt).toBe(1);
    // New sale clears it, and what was typed meanwhile.
    const cleared = [edit, { type: 'newSale' } as const].reduce(counterReducer, state);
    expect(cleared).toEqual({ ...initialCounterState, lastReceipt: 1 });
    expect(counterReducer(initialCounterState, { type: 'newSale' })).toBe(initialCounterState);
  });

  it.each(['failed', 'unknown'] as const)('keeps the outcome on screen when it is %s', (status) => {
    const state = run(
      edit,
      review('key-first'),
      { type: 'confirm' },
      { type: 'answered', sale: { ...sale(status), receiptNumber: 4 } },
    );
    expect(state.stage).toMatchObject({ step: 'result', sale: { status } });
    expect(state.lastReceipt).toBe(4);
  });

  it('goes back to the form with the core’s reasons when it refuses the sale', () => {
    const state = run(
      edit,
      review('key-first'),
      { type: 'confirm' },
      {
        type: 'refused',
        problems: { number: 'foreign_number' },
        message: null,
      },
    );
    expect(state.stage).toEqual({
      step: 'entry',
      problems: { number: 'foreign_number' },
      refusal: null,
      refused: 1,
      done: null,
    });
    expect(state.form).toEqual(filled);
  });

  it('starts a new sale on an empty counter after a failure, keeping the last receipt', () => {
    const failed = run(
      edit,
      review('key-first'),
      { type: 'confirm' },
      { type: 'answered', sale: { ...sale('failed'), receiptNumber: 3 } },
    );
    expect(counterReducer(failed, { type: 'newSale' })).toEqual({
      ...initialCounterState,
      lastReceipt: 3,
    });
  });

  it('says what a field lacks when a key asks, and moves the focus to it', () => {
    const flagged = run(edit, { type: 'flag', problems: { plan: 'plan_required' } });
    expect(flagged.stage).toMatchObject({ problems: { plan: 'plan_required' }, refused: 1 });
    expect(flagged.form).toEqual(filled);
  });

  const cause = (code: 'not_sent' | 'carrier_refused') => ({
    code,
    carrierText: null,
    retryAfterSeconds: null,
  });

  it('tries again after a failure that sent nothing: a new confirmation, same sale, new key', () => {
    const failed = run(
      edit,
      review('key-first'),
      { type: 'confirm' },
      { type: 'answered', sale: { ...sale('failed'), cause: cause('not_sent') } },
    );
    const again = counterReducer(failed, { type: 'tryAgain', key: 'key-second' });
    expect(again.stage).toMatchObject({ step: 'confirm', key: 'key-second' });
    const first = run(edit, review('key-first'));
    if (again.stage.step !== 'confirm' || first.stage.step !== 'confirm')
      throw new Error('confirm');
    expect(again.stage.checkout).toEqual(first.stage.checkout);
    expect(renewalRequest(again.stage.checkout, again.stage.key)).toEqual({
      ...renewalRequest(first.stage.checkout, 'key-first'),
      idempotencyKey: 'key-second',
    });
  });

  it('never tries again a sale the carrier refused, nor one without a cause, nor a pending one', () => {
    const ended = (view: SaleView) =>
      run(edit, review('key-first'), { type: 'confirm' }, { type: 'answered', sale: view });
    for (const view of [
      { ...sale('failed'), cause: cause('carrier_refused') },
      sale('failed'),
      { ...sale('unknown'), cause: cause('not_sent') },
    ]) {
      const state = ended(view);
      expect(counterReducer(state, { type: 'tryAgain', key: 'key-second' })).toBe(state);
    }
  });

  it('sends the receipt’s language when the clerk picked one, and nothing for the shop’s', () => {
    const chinese = { ...filled, receiptLanguage: 'zh-CN' as const };
    const picked = run(
      { type: 'edit', change: chinese },
      { type: 'review', result: checkout(carriers, chinese), key: 'k' },
    );
    if (picked.stage.step !== 'confirm') throw new Error('confirm');
    expect(renewalRequest(picked.stage.checkout, 'k')).toMatchObject({ receiptLanguage: 'zh-CN' });
    const shops = run(edit, review('k'));
    if (shops.stage.step !== 'confirm') throw new Error('confirm');
    expect(renewalRequest(shops.stage.checkout, 'k')).not.toHaveProperty('receiptLanguage');
  });

  it('does not take edits while a sale is confirmed or under way', () => {
    const confirming = run(edit, review('key-first'));
    expect(counterReducer(confirming, { type: 'edit', change: { number: '1' } })).toBe(confirming);
  });
});

describe('the sales.renew the counter sends', () => {
  /** The attempt `action` starts from `state`, as the screen asks on a click. */
  const started = (state: CounterState, action: CounterAction) =>
    attemptStarted(state.stage, counterReducer(state, action).stage);

  it('is started by a confirmation and a retry, once each, and by nothing else', () => {
    const confirming = run(edit, review('key-first'));
    expect(started(confirming, { type: 'confirm' })).toMatchObject({
      key: 'key-first',
      attempt: 1,
    });
    const selling = counterReducer(confirming, { type: 'confirm' });
    // A second click, an event about the sale or its answer send nothing more.
    expect(started(selling, { type: 'confirm' })).toBeNull();
    expect(started(selling, { type: 'progress', sale: sale('sending') })).toBeNull();
    expect(started(selling, { type: 'retry' })).toBeNull();
    const lost = counterReducer(selling, { type: 'lost', message: 'Cannot reach Comptoir.' });
    expect(started(lost, { type: 'lost', message: 'Still lost.' })).toBeNull();
    expect(started(lost, { type: 'retry' })).toMatchObject({ key: 'key-first', attempt: 2 });
    expect(started(run(edit), { type: 'confirm' })).toBeNull();
  });

  /** The attempt a confirmation starts, and one renewOnce of it against `renew`. */
  async function renewWith(renew: (request: RenewalRequest) => Promise<{ sale: SaleView }>) {
    const confirming = run(edit, review('key-first'));
    const attempt = started(confirming, { type: 'confirm' }) as Selling;
    const sent: RenewalRequest[] = [];
    const action = await renewOnce(attempt, {
      renew: (request) => {
        sent.push(request);
        return renew(request);
      },
      describe: (error) => `said: ${(error as Error).message}`,
    });
    return { action, sent };
  }

  it('sends the confirmation’s request and key once, and answers with the sale', async () => {
    const { action, sent } = await renewWith(async () => ({ sale: sale('succeeded') }));
    expect(sent).toEqual([
      {
        msisdn: '+687123456',
        planId: '5go',
        payment: { method: 'cash', tendered: { amount: 10_000, currency: 'XPF' } },
        idempotencyKey: 'key-first',
      },
    ]);
    expect(action).toEqual({ type: 'answered', sale: sale('succeeded') });
  });

  it('goes back to the form with the core’s reasons, or says why the call was lost', async () => {
    const byField = await renewWith(() =>
      Promise.reject(
        new ApiError('invalid_input', 'bad number', [
          { path: 'msisdn', code: 'foreign_number', message: 'foreign' },
        ]),
      ),
    );
    expect(byField.action).toEqual({
      type: 'refused',
      problems: { number: 'foreign_number' },
      message: null,
    });
    const whole = await renewWith(() =>
      Promise.reject(new ApiError('invalid_input', 'no modem for this carrier')),
    );
    expect(whole.action).toEqual({
      type: 'refused',
      problems: {},
      message: 'said: no modem for this carrier',
    });
    const noFloat = await renewWith(() =>
      Promise.reject(new ApiError('no_modem', 'no float', undefined, { reason: 'float' })),
    );
    expect(noFloat.action).toEqual({ type: 'refused', problems: {}, message: 'said: no float' });
    const held = await renewWith(() =>
      Promise.reject(
        new ApiError('number_busy', 'being sent at Counter 2', undefined, { till: 'Counter 2' }),
      ),
    );
    expect(held.action).toEqual({
      type: 'refused',
      problems: {},
      message: 'said: being sent at Counter 2',
    });
    const lost = await renewWith(() =>
      Promise.reject(new ApiError('unreachable', 'Cannot reach Comptoir')),
    );
    expect(lost.action).toEqual({ type: 'lost', message: 'said: Cannot reach Comptoir' });
  });

  it('goes back to the form when another till is sending a top-up to this number', async () => {
    const busy = await renewWith(() =>
      Promise.reject(
        new ApiError('number_busy', 'A top-up for 687123456 is being sent', undefined, {
          till: 'Counter 1',
        }),
      ),
    );
    expect(busy.action).toEqual({
      type: 'refused',
      problems: {},
      message: 'said: A top-up for 687123456 is being sent',
    });
  });
});
