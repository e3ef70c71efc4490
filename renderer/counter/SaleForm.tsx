import { type FormEvent, type KeyboardEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAsTyped } from '../../shared/customer-number';
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

const fieldOrder: readonly CheckoutField[] = ['number', 'plan', 'tendered', 'reference'];
const fieldIds: Readonly<Record<CheckoutField, string>> = {
  number: 'counter-number',
  plan: 'counter-plans',
  tendered: 'counter-tendered',
  reference: 'counter-reference',
};

/**
 * The counter's form: the customer number (formatted and checked as typed), the plan tiles and
 * the payment. Keyboard first: the number has the focus, arrows move between plans and between
 * payment methods, Enter anywhere asks for the confirmation.
 */
export function SaleForm({
  catalog,
  form,
  problems,
  refusal,
  refused,
  onEdit,
  onReview,
}: {
  catalog: readonly Carrier[];
  form: CheckoutForm;
  problems: CheckoutProblems;
  refusal: string | null;
  /** How many reviews were refused (see the counter's Stage). */
  refused: number;
  onEdit(change: Partial<CheckoutForm>): void;
  onReview(): void;
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
    onReview();
  }

  // Radio buttons do not submit a form on Enter by themselves.
  function enterSubmits(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
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
    <form
      ref={formRef}
      className="counter-form"
      onSubmit={submit}
      onKeyDown={enterSubmits}
      noValidate
    >
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
        aria-describedby={described('plan', false)}
      >
        <legend>{t('counter.plan')}</legend>
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

      <div className="settings__actions">
        <button type="submit">{t('counter.review')}</button>
        {refusal && <ProblemLine>{refusal}</ProblemLine>}
      </div>
    </form>
  );
}
