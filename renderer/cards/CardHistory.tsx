import { useTranslation } from 'react-i18next';
import type { CardView } from '../../shared/balance';
import { useFormat } from '../format';

/** A card's balance checks and renewals, newest first, in the shop's time. */
export function CardHistory({ card, timeZone }: { card: CardView; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const when = (iso: string) => {
    const { date, time } = format.dateTime(iso, timeZone);
    return `${date} ${time}`;
  };
  return (
    <>
      <section aria-labelledby="card-checks">
        <h2 id="card-checks">{t('card.checksTitle')}</h2>
        {card.checks.length === 0 ? (
          <p>{t('card.noChecks')}</p>
        ) : (
          <table className="card__table">
            <thead>
              <tr>
                <th scope="col">{t('card.when')}</th>
                <th scope="col">{t('card.result')}</th>
                <th scope="col">{t('card.validUntil')}</th>
              </tr>
            </thead>
            <tbody>
              {card.checks.map((check) => (
                <tr key={check.id}>
                  <td>{when(check.receivedAt ?? check.askedAt)}</td>
                  <td title={check.text ?? undefined}>
                    {t(`card.outcomes.${check.outcome}`, {
                      data: check.remainingMb === null ? '' : format.data(check.remainingMb),
                    })}
                  </td>
                  <td>{check.validUntil ? when(check.validUntil) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="card-renewals">
        <h2 id="card-renewals">{t('card.renewalsTitle')}</h2>
        {card.renewals.length === 0 ? (
          <p>{t('card.noRenewals')}</p>
        ) : (
          <table className="card__table">
            <thead>
              <tr>
                <th scope="col">{t('card.when')}</th>
                <th scope="col">{t('card.plan')}</th>
                <th scope="col">{t('card.status')}</th>
                <th scope="col">{t('card.price')}</th>
              </tr>
            </thead>
            <tbody>
              {card.renewals.map((sale) => (
                <tr key={sale.id}>
                  <td>{when(sale.createdAt)}</td>
                  <td>{sale.planName}</td>
                  <td>{t(`card.statuses.${sale.status}`)}</td>
                  <td>{format.money(sale.price)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
