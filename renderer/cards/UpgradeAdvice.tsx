import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpgradeAdvice as Advice } from '../../shared/balance';
import { api } from '../api';
import { useFormat } from '../format';
import { useApi } from '../use-api';

/** What the card's recent top-ups cost, and the one larger plan that would have cost less. */
export function UpgradeAdviceText({ advice }: { advice: Advice }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = {
    count: advice.renewals,
    window: advice.windowDays,
    paid: format.money(advice.paid),
    data: format.data(advice.dataMb),
  };
  return (
    <>
      <p>
        {advice.withSale ? t('card.upgradeWithSale', history) : t('card.upgradeHistory', history)}
      </p>
      <p className="card__verdict">
        {t('card.upgradeBetter', {
          plan: advice.plan.name,
          data: format.data(advice.plan.dataMb),
          validity: format.validity(advice.plan.validityDays),
          price: format.money(advice.plan.price),
          saving: format.money(advice.saving),
        })}
      </p>
    </>
  );
}

/**
 * At the counter's confirmation: whether a larger plan would have cost less than this card's
 * recent top-ups with the plan about to be sold. Asked in the background: the confirmation's
 * Enter never waits for it, and when the answer does not come, nothing is said.
 */
export function UpgradeAdvice({
  msisdn,
  carrierId,
  planId,
}: {
  msisdn: string;
  carrierId: string;
  planId: string;
}) {
  const { t } = useTranslation();
  const title = useId();
  const { value } = useApi(
    () => api.call('cards.getUpgradeAdvice', { msisdn, carrierId, planId }),
    [msisdn, carrierId, planId],
  );
  const advice = value?.advice ?? null;
  // The live region is there from the start, so that the advice is read out when it arrives.
  return (
    <div role="status">
      {advice && (
        <section className="card__advice" aria-labelledby={title} data-testid="upgrade-advice">
          <h3 id={title}>{t('card.upgradeTitle')}</h3>
          <UpgradeAdviceText advice={advice} />
          <p className="field__hint">{t('card.upgradeAdviceOnly')}</p>
        </section>
      )}
    </div>
  );
}
