import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { firstWaitingModem, secondsLeft } from '../modems/modem-wait';
import { useModems, useSecondTicks } from '../modems/use-modems';
import type { Selling } from './sale-flow';

/**
 * The sale under way, step by step as the core reports it, with the seconds since it was
 * confirmed and what the wait means at this step: the screen is alive while the network is
 * slow. If the connection to the core is lost, the only way on is to try again with the same
 * sale: it cannot be sold twice.
 */
export function SaleProgress({ stage, onRetry }: { stage: Selling; onRetry(): void }) {
  const { t } = useTranslation();
  const status = stage.sale?.status ?? null;
  const { modems } = useModems();
  // While the sale waits for a modem, why: the carrier's modems wait for a late answer.
  const waiting =
    status === 'paid' && modems ? firstWaitingModem(modems, stage.checkout.carrier.id) : null;
  // Mounted once per sale: its first render is when the clerk confirmed.
  const [since] = useState(() => Date.now());
  const now = useSecondTicks(true);
  const elapsed = Math.max(0, Math.floor((now - since) / 1000));
  const step =
    status === 'sending'
      ? t('counter.progress.sending', { modem: stage.sale?.modemId ?? '' })
      : status === 'paid'
        ? waiting?.waitingUntil
          ? t('counter.progress.paidWaiting', {
              modem: waiting.id,
              seconds: secondsLeft(waiting.waitingUntil, now),
            })
          : t('counter.progress.paid')
        : t('counter.progress.starting');

  return (
    <section className="sale-progress" aria-labelledby="sale-progress-title">
      <h2 id="sale-progress-title">
        {t('counter.progress.title', { number: stage.checkout.customer.display })}
      </h2>
      <p className="sale-progress__step" role="status">
        {step}
      </p>
      <p className="sale-progress__timer">{t('counter.progress.elapsed', { seconds: elapsed })}</p>
      <p className="field__hint">
        {t(
          status === 'sending'
            ? 'counter.progress.meansSending'
            : status === 'paid'
              ? 'counter.progress.meansPaid'
              : 'counter.progress.meansStarting',
        )}
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
