import { useTranslation } from 'react-i18next';
import { ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { useFormat } from '../format';
import { useApi } from '../use-api';
import { hq } from './hq-api';
import { ageParts } from './periods';
import { useShopTime } from './shop-time';
import { useShops } from './use-shops';

/**
 * The chain's sales still pending verification (`unknown`), oldest first, with how long each
 * has waited: the shop's manager verifies it at the shop; the head office sees who to call.
 */
export function PendingPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const shopTime = useShopTime();
  const pending = useApi(() => hq.call('pending.list', {}), []);
  const shops = useShops();
  const sales = pending.value?.sales ?? [];
  const age = (minutes: number) => {
    const { unit, values } = ageParts(minutes);
    return t(`headOffice.pending.age.${unit}`, values);
  };
  return (
    <section className="hq-pending">
      <h1>{t('headOffice.pending.title')}</h1>
      <p>{t('headOffice.pending.intro')}</p>
      {pending.error !== null && <ProblemLine>{describeError(t, pending.error)}</ProblemLine>}
      {pending.value && sales.length === 0 && <p>{t('headOffice.pending.none')}</p>}
      {sales.length > 0 && (
        <table className="hq-table">
          <caption className="visually-hidden">{t('headOffice.pending.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('headOffice.columns.shop')}</th>
              <th scope="col">{t('headOffice.pending.columns.sale')}</th>
              <th scope="col">{t('headOffice.pending.columns.plan')}</th>
              <th scope="col" className="hq-table__number">
                {t('headOffice.pending.columns.price')}
              </th>
              <th scope="col">{t('headOffice.pending.columns.clerk')}</th>
              <th scope="col">{t('headOffice.pending.columns.soldAt')}</th>
              <th scope="col">{t('headOffice.pending.columns.age')}</th>
            </tr>
          </thead>
          <tbody>
            {sales.map((sale) => (
              <tr key={`${sale.shopId}/${sale.saleId}`} className="sales__row--pending">
                <th scope="row">{sale.shopName}</th>
                <td>
                  {sale.saleId}
                  <span className="hq-table__detail">{sale.tillId ?? t('headOffice.hubTill')}</span>
                </td>
                <td>
                  {sale.planName}
                  <span className="hq-table__detail">{sale.carrierName}</span>
                </td>
                <td className="hq-table__number">{format.money(sale.price)}</td>
                <td>{sale.clerkName}</td>
                <td>{shopTime(sale.soldAt, shops.zoneOf(sale.shopId))}</td>
                <td>
                  <span className="badge badge--unknown">{age(sale.ageMinutes)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
