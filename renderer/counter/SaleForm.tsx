import { type FormEvent, type KeyboardEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAsTyped } from '../../shared/customer-number';
import { isLanguage, type Language, languages } from '../../shared/languages';
import { paymentMethods } from '../../shared/sale';
import { ProblemLine } from '../components/FormStatus';
import { useFormat } from '../format';
import {
  type Carrier,
  type CheckoutField,
  type CheckoutForm,
  type CheckoutProblems,
  cashChange,
  findPlan,
  readNumber,
} from './checkout';
import {
  type CounterZone,
  counterKey,
  type KeyDecision,
  nextUsualNote,
  planDigit,
  quickCashKey,
  typedAmount,
} from './counter-keys';

const fieldOrder: readonly CheckoutField[] = ['number', 'plan', 'tendered', 'reference'];
const fieldIds: Readonly<Record<CheckoutField, string>> = {
  number: 'counter-number',
  plan: 'counter-plans',
  tendered: 'counter-tendered',
  reference: 'counter-reference',
};

/** Where a key was pressed, for counterKey. */
function zoneOf(target: EventTarget): CounterZone | null {
  if (!(target instanceof HTMLInputElement)) return null;
  if (target.id === fieldIds.number) return 'number';
  if (target.name === 'plan') return 'plan';
  if (target.id === fieldIds.tendered) return 'tendered';
  return 'other';
}

/**
 * The counter's form: the customer number (formatted and checked as typed), the plan tiles and
 * the payment. Keyboard first, four keys after the number: Enter goes to the plans, a plan's
 * digit picks it, then Enter (exact cash), `+` (the next usual note) or `C` (card) opens the
 * confirmation; typed cash and Enter too. Arrows still move between plans and payment methods;
 * each key has a button or a tile to touch.
 */
export function SaleForm({
  catalog,
  form,
  problems,
  refusal,
  refused,
  shopLanguage,
  onEdit,
  onReview,
  onFlag,
}: {
  catalog: readonly Carrier[];
  form: CheckoutForm;
  problems: CheckoutProblems;
  refusal: string | null;
  /** How many reviews were refused (see the counter's Stage). */
  refused: number;
  /** The receipt's language unless the clerk picks another. */
  shopLanguage: Language;
  onEdit(change: Partial<CheckoutForm>): void;
  /** Edits the form with `change`, then asks for the confirmation. */
  onReview(change: Partial<CheckoutForm>): void;
  /** Says what a field lacks, without the review. */
  onFlag(problems: CheckoutProblems): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const formRef = useRef<HTMLFormElement>(null);
  const chosen = findPlan(catalog, form.planId);
  const problemsRef = useRef(problems);
  problemsRef.current = problems;
  const carrier = chosen?.carrier ?? catalog[0];
  const number = readNumber(catalog, form);
  const price = chosen?.plan.price ?? null;
  const cash = price && form.method === 'cash' ? cashChange(price, form.tendered) : null;

  // The number has the focus on a new sale; after each refused review, the first field to fix.
  useEffect(() => {
    const first =
      refused === 0
        ? 'number'
        : (fieldOrder.find((field) => problemsRef.current[field]) ?? 'number');
    const target = formRef.current?.querySelector<HTMLElement>(
      first === 'plan' ? 'input[name="plan"]:checked, input[name="plan"]' : `#${fieldIds[first]}`,
    );
    target?.focus();
  }, [refused]);

  if (!carrier) return null;

  function submit(event: FormEvent) {
    event.preventDefault();
    onReview({});
  }

  function focusZone(zone: 'plan' | 'payment') {
    const selector =
      zone === 'plan'
        ? 'input[name="plan"]:checked, input[name="plan"]'
        : `#${form.method === 'cash' ? fieldIds.tendered : fieldIds.reference}`;
    formRef.current?.querySelector<HTMLElement>(selector)?.focus();
  }

  function follow(decision: KeyDecision) {
    switch (decision.kind) {
      case 'focus':
        return focusZone(decision.zone);
      case 'pick':
        onEdit({ planId: decision.planId });
        return focusZone('payment');
      case 'review':
        return onReview(decision.change);
      case 'flag':
        return onFlag(decision.problems);
    }
  }

  // Radio buttons do not submit a form on Enter by themselves: counterKey decides for inputs.
  function onKey(event: KeyboardEvent<HTMLFormElement>) {
    if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) return;
    const zone = zoneOf(event.target);
    const decision = zone && counterKey(event.key, zone, catalog, form);
    if (!decision) return;
    event.preventDefault();
    follow(decision);
  }

  const problem = (field: CheckoutField) => {
    const code = problems[field];
    return code ? t(`counter.problems.${code}`) : null;
  };
  const described = (field: CheckoutField, hint: boolean) =>
    [hint && `${fieldIds[field]}-hint`, problems[field] && `${fieldIds[field]}-error`]
      .filter(Boolean)
      .join(' ') || undefined;

  const numberHint = number.ok
    ? t('counter.numberReads', { number: number.value.display })
    : form.number.trim() !== '' && !problems.number
      ? t(`counter.problems.${number.problem}`)
      : null;

  let cashHint: string | null = null;
  if (price && cash?.ok) {
    cashHint = t('counter.changeDue', { amount: format.money({ ...price, amount: cash.change }) });
  } else if (cash && !cash.ok && cash.problem !== 'tendered_required' && !problems.tendered) {
    cashHint = t(`counter.problems.${cash.problem}`);
  }

  return (
    <form ref={formRef} className="counter-form" onSubmit={submit} onKeyDown={onKey} noValidate>
      <div className={problems.number ? 'field field--invalid' : 'field'}>
        <label htmlFor={fieldIds.number}>{t('counter.number')}</label>
        <input
          id={fieldIds.number}
          className="counter-form__number"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          maxLength={24}
          value={form.number}
          aria-invalid={problems.number ? true : undefined}
          aria-describedby={described('number', numberHint !== null)}
          onChange={(event) =>
            onEdit({ number: formatAsTyped(carrier.numberRegion, form.number, event.target.value) })
          }
        />
        {numberHint && (
          <p
            className={number.ok ? 'field__hint field__hint--ok' : 'field__hint'}
            id={`${fieldIds.number}-hint`}
          >
            {numberHint}
          </p>
        )}
        {problems.number && (
          <p className="field__error" id={`${fieldIds.number}-error`}>
            {problem('number')}
          </p>
        )}
      </div>

      <fieldset
        id={fieldIds.plan}
        className={problems.plan ? 'plans field--invalid' : 'plans'}
        aria-describedby={described('plan', true)}
      >
        <legend>{t('counter.plan')}</legend>
        <p className="field__hint" id={`${fieldIds.plan}-hint`}>
          {t('counter.keys.plans')}
        </p>
        {catalog.map((carrier) => (
          <div key={carrier.id} className="plans__carrier">
            {catalog.length > 1 && <p className="plans__carrier-name">{carrier.name}</p>}
            <div className="plans__tiles">
              {carrier.plans.map((plan) => (
                <label key={plan.id} className="plan-tile">
                  <input
                    type="radio"
                    name="plan"
                    value={plan.id}
                    checked={form.planId === plan.id}
                    onChange={() => onEdit({ planId: plan.id })}
                  />
                  <span className="plan-tile__name">{plan.name}</span>
                  <span className="plan-tile__data">{format.data(plan.dataMb)}</span>
                  <span className="plan-tile__validity">{format.validity(plan.validityDays)}</span>
                  <span className="plan-tile__price">{format.money(plan.price)}</span>
                  {planDigit(catalog, plan.id) && (
                    <kbd className="plan-tile__key">{planDigit(catalog, plan.id)}</kbd>
                  )}
                </label>
              ))}
            </div>
          </div>
        ))}
        {problems.plan && (
          <p className="field__error" id={`${fieldIds.plan}-error`}>
            {problem('plan')}
          </p>
        )}
      </fieldset>

      <fieldset className="payment">
        <legend>{t('counter.payment')}</legend>
        <p className="field__hint">{t('counter.keys.payment')}</p>
        <div className="payment__methods">
          {paymentMethods.map((method) => (
            <label key={method} className="payment__method">
              <input
                type="radio"
                name="method"
                value={method}
                checked={form.method === method}
                onChange={() => onEdit({ method })}
              />
              {t(`receipt.methods.${method}`)}
            </label>
          ))}
        </div>
        {form.method === 'cash' ? (
          <div className={problems.tendered ? 'field field--invalid' : 'field'}>
            <label htmlFor={fieldIds.tendered}>{t('counter.tendered')}</label>
            <input
              id={fieldIds.tendered}
              inputMode="decimal"
              autoComplete="off"
              maxLength={20}
              value={form.tendered}
              aria-invalid={problems.tendered ? true : undefined}
              aria-describedby={described('tendered', cashHint !== null)}
              onChange={(event) => onEdit({ tendered: event.target.value })}
            />
            {cashHint && (
              <p
                className={cash?.ok ? 'field__hint counter-form__change' : 'field__hint'}
                id={`${fieldIds.tendered}-hint`}
                aria-live="polite"
              >
                {cashHint}
              </p>
            )}
            {problems.tendered && (
              <p className="field__error" id={`${fieldIds.tendered}-error`}>
                {problem('tendered')}
              </p>
            )}
          </div>
        ) : (
          <div className={problems.reference ? 'field field--invalid' : 'field'}>
            <label htmlFor={fieldIds.reference}>{t('counter.reference')}</label>
            <input
              id={fieldIds.reference}
              autoComplete="off"
              maxLength={40}
              value={form.reference}
              aria-invalid={problems.reference ? true : undefined}
              aria-describedby={described('reference', false)}
              onChange={(event) => onEdit({ reference: event.target.value })}
            />
            {problems.reference && (
              <p className="field__error" id={`${fieldIds.reference}-error`}>
                {problem('reference')}
              </p>
            )}
          </div>
        )}
      </fieldset>

      {price && (
        <div className="payment__quick">
          <button
            type="button"
            className="button--secondary"
            onClick={() => onReview({ method: 'cash', tendered: typedAmount(price) })}
          >
            {t('counter.quick.exact', { amount: format.money(price) })}{' '}
            <kbd>{t('counter.quick.enterKey')}</kbd>
          </button>
          <button
            type="button"
            className="button--secondary"
            onClick={() =>
              onReview({
                method: 'cash',
                tendered: typedAmount({ ...price, amount: nextUsualNote(price) }),
              })
            }
          >
            {t('counter.quick.note', {
              amount: format.money({ ...price, amount: nextUsualNote(price) }),
            })}{' '}
            <kbd>{quickCashKey}</kbd>
          </button>
          <button
            type="button"
            className="button--secondary"
            onClick={() => onReview({ method: 'card' })}
          >
            {t('counter.quick.card')} <kbd>C</kbd>
          </button>
        </div>
      )}

      <div className="field counter-form__language">
        <label htmlFor="counter-receipt-language">{t('counter.receiptLanguage')}</label>
        <select
          id="counter-receipt-language"
          value={form.receiptLanguage ?? shopLanguage}
          onChange={(event) => {
            const picked = event.target.value;
            if (isLanguage(picked)) onEdit({ receiptLanguage: picked });
          }}
        >
          {languages.map((language) => (
            <option key={language} value={language} lang={language}>
              {t(`languages.${language}`)}
            </option>
          ))}
        </select>
      </div>

      <div className="settings__actions">
        <button type="submit">{t('counter.review')}</button>
        {refusal && <ProblemLine>{refusal}</ProblemLine>}
      </div>
    </form>
  );
}
