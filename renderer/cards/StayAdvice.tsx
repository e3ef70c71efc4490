import { useTranslation } from 'react-i18next';
import type { CardView, UsageBasis } from '../../shared/balance';
import { useFormat } from '../format';

/** How fast the shop's customers use data: what a card without a rate of its own is planned with. */
function TypicalUsageLine({ typical }: { typical: CardView['typicalUsage'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rate = format.data(Math.round(typical.mbPerDay));
  const { basis } = typical;
  if (basis.kind === 'shop') {
    return <p>{t('card.typicalShop', { rate, count: basis.cards, days: basis.windowDays })}</p>;
  }
  if (basis.kind === 'default') {
    return (
      <p>
        {t('card.typicalDefault', {
          rate,
          count: basis.cards,
          minimum: basis.minimumCards,
          days: basis.windowDays,
        })}
      </p>
    );
  }
  return null;
}

/** How fast the customer uses data, and what to sell for the rest of the stay. */
export function UsageLine({ card }: { card: CardView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { usage } = card;
  if (!usage) {
    return (
      <>
        <p>{t('card.noUsage')}</p>
        <TypicalUsageLine typical={card.typicalUsage} />
      </>
    );
  }
  return (
    <p>
      {t('card.usage', {
        rate: format.data(Math.round(usage.mbPerDay)),
        count: Math.max(1, Math.round(usage.observedDays)),
      })}
    </p>
  );
}

/** Where the rate the stay is planned with comes from. */
const basisKeys = {
  card: 'card.basisCard',
  shop: 'card.basisShop',
  default: 'card.basisDefault',
} as const satisfies Record<UsageBasis['kind'], string>;

export function StayAdvice({ card }: { card: CardView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const advice = card.recommendation;
  if (!advice) return null;
  const data = (megabytes: number) => format.data(megabytes);
  return (
    <div className="card__advice" data-testid="stay-advice">
      <p>{t('card.daysLeft', { count: advice.daysLeft })}</p>
      <p data-testid="usage-basis">
        {t(basisKeys[advice.usage.basis.kind], {
          rate: data(Math.round(advice.usage.mbPerDay)),
        })}
      </p>
      <p>{t('card.stayNeeds', { needed: data(advice.stayMb), left: data(advice.remainingMb) })}</p>
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
    </div>
  );
}
