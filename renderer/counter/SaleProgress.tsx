import { useTranslation } from 'react-i18next';
import type { Selling } from './sale-flow';

/**
 * The sale under way, step by step as the core reports it. If the connection to the core is
 * lost, the only way on is to try again with the same sale: it cannot be sold twice.
 */
export function SaleProgress({ stage, onRetry }: { stage: Selling; onRetry(): void }) {
  const { t } = useTranslation();
  const status = stage.sale?.status ?? null;
  const step =
    status === 'sending'
      ? t('counter.progress.sending', { modem: stage.sale?.modemId ?? '' })
      : status === 'paid'
        ? t('counter.progress.paid')
        : t('counter.progress.starting');

  return (
    <section className="sale-progress" aria-labelledby="sale-progress-title">
      <h2 id="sale-progress-title">
        {t('counter.progress.title', { number: stage.checkout.customer.display })}
      </h2>
      <p className="sale-progress__step" role="status">
        {step}
      </p>
      <p className="field__hint">{t('counter.progress.wait')}</p>
      {stage.lost !== null && (
        <div className="notice" role="alert">
          <p>{stage.lost}</p>
          <p>{t('counter.progress.lost')}</p>
          {/* biome-ignore lint/a11y/noAutofocus: the one thing the clerk can do now */}
          <button type="button" autoFocus onClick={onRetry}>
            {t('counter.progress.retry')}
          </button>
        </div>
      )}
    </section>
  );
}
