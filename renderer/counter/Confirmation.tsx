import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/languages';
import { UpgradeAdvice } from '../cards/UpgradeAdvice';
import { useFormat } from '../format';
import type { Checkout } from './checkout';

/**
 * The one confirmation before anything is sold: what the customer gets, for how much, and how
 * it is paid. Enter confirms, Escape goes back to the form.
 */
export function Confirmation({
  checkout,
  shopLanguage,
  onConfirm,
  onBack,
}: {
  checkout: Checkout;
  /** The receipt's language when the clerk picked none. */
  shopLanguage: Language;
  onConfirm(): void;
  onBack(): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const section = useRef<HTMLElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const actions = useRef({ onConfirm, onBack });
  actions.current = { onConfirm, onBack };
  const { customer, plan, payment, change } = checkout;
  const receiptLanguage = checkout.receiptLanguage ?? shopLanguage;

  useEffect(() => {
    confirmButton.current?.focus();
    function onKey(event: KeyboardEvent) {
      // Not a held-down key, and not one pressed on another page while the counter waits,
      // hidden, with its confirmation.
      if (event.repeat || !section.current?.checkVisibility()) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        actions.current.onBack();
      } else if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
        // A focused button answers Enter by itself.
        event.preventDefault();
        actions.current.onConfirm();
      }
    }
    // Listening from the next task: the Enter that asked for this confirmation is still on its
    // way up to the window when it appears, and must not confirm it too.
    const start = setTimeout(() => window.addEventListener('keydown', onKey));
    return () => {
      clearTimeout(start);
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  return (
    <section ref={section} className="confirmation" aria-labelledby="confirmation-title">
      <h2 id="confirmation-title">{t('counter.confirmTitle')}</h2>
      <dl className="summary">
        <dt>{t('counter.number')}</dt>
        <dd className="summary__number">{customer.display}</dd>
        <dt>{t('counter.plan')}</dt>
        <dd>
          {t('counter.planSummary', {
            plan: plan.name,
            data: format.data(plan.dataMb),
            validity: format.validity(plan.validityDays),
          })}
        </dd>
        <dt>{t('receipt.price')}</dt>
        <dd className="summary__price">{format.money(plan.price)}</dd>
        <dt>{t('receipt.payment')}</dt>
        <dd>{t(`receipt.methods.${payment.method}`)}</dd>
        {payment.tendered !== undefined && (
          <>
            <dt>{t('receipt.tendered')}</dt>
            <dd>{format.money(payment.tendered)}</dd>
          </>
        )}
        {change !== null && (
          <>
            <dt>{t('receipt.change')}</dt>
            <dd className="summary__change">{format.money({ ...plan.price, amount: change })}</dd>
          </>
        )}
        {payment.reference !== undefined && (
          <>
            <dt>{t('receipt.paymentReference')}</dt>
            <dd>{payment.reference}</dd>
          </>
        )}
        <dt>{t('counter.receiptLanguage')}</dt>
        <dd>{t(`languages.${receiptLanguage}`)}</dd>
      </dl>
      <UpgradeAdvice msisdn={customer.e164} carrierId={checkout.carrier.id} planId={plan.id} />
      <p className="field__hint">{t('counter.confirmKeys')}</p>
      <div className="settings__actions">
        <button ref={confirmButton} type="button" onClick={onConfirm}>
          {t('counter.confirm')}
        </button>
        <button type="button" className="button--secondary" onClick={onBack}>
          {t('counter.back')}
        </button>
      </div>
    </section>
  );
}
