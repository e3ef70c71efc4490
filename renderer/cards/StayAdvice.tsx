import { useTranslation } from 'react-i18next';
import type { CardView } from '../../shared/balance';
import { useFormat } from '../format';

/** How fast the customer uses data, and what to sell for the rest of the stay. */
export function UsageLine({ usage }: { usage: CardView['usage'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!usage) return <p>{t('card.noUsage')}</p>;
  return (
    <p>
      {t('card.usage', {
        rate: format.data(Math.round(usage.mbPerDay)),
        count: Math.max(1, Math.round(usage.observedDays)),
      })}
    </p>
  );
}

export function StayAdvice({ card }: { card: CardView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const advice = card.recommendation;
  if (!advice) return null;
  const data = (megabytes: number) => format.data(megabytes);
  return (
    <div className="card__advice" data-testid="stay-advice">
      <p>{t('card.daysLeft', { count: advice.daysLeft })}</p>
      {advice.kind === 'unknown_usage' ? (
        <p>{t('card.unknownUsage')}</p>
      ) : (
        <>
          <p>
            {t('card.stayNeeds', { needed: data(advice.stayMb), left: data(advice.remainingMb) })}
          </p>
          {advice.kind === 'enough' ? (
            <p className="card__verdict">{t('card.enough')}</p>
          ) : (
            <>
              <p className="card__verdict">
                {t('card.recommended', {
                  plan: advice.plan.name,
                  data: data(advice.plan.dataMb),
                  validity: t('card.validityDays', { count: advice.plan.validityDays }),
                  price: format.money(advice.plan.price),
                })}
              </p>
              <p>{advice.coversStay ? t('card.coversStay') : t('card.notEnough')}</p>
            </>
          )}
        </>
      )}
    </div>
  );
}
