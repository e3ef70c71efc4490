import { useTranslation } from 'react-i18next';
import { ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { useFormat } from '../format';
import { useApi } from '../use-api';
import { hq } from './hq-api';
import { useShopTime } from './shop-time';
import { useShops } from './use-shops';

/** Every dealer SIM of the chain with its last known float; those below their alert first, marked. */
export function FloatsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const shopTime = useShopTime();
  const floats = useApi(() => hq.call('floats.list', {}), []);
  const shops = useShops();
  const list = floats.value?.floats ?? [];
  const low = list.filter((float) => float.low).length;
  return (
    <section className="hq-floats">
      <h1>{t('headOffice.floats.title')}</h1>
      <p>{t('headOffice.floats.intro')}</p>
      {floats.error !== null && <ProblemLine>{describeError(t, floats.error)}</ProblemLine>}
      {low > 0 && (
        <p className="notice" role="status">
          {t('headOffice.floats.lowCount', { count: low })}
        </p>
      )}
      {floats.value && list.length === 0 && <p>{t('headOffice.floats.none')}</p>}
      {list.length > 0 && (
        <table className="hq-table">
          <caption className="visually-hidden">{t('headOffice.floats.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('headOffice.columns.shop')}</th>
              <th scope="col">{t('headOffice.floats.columns.modem')}</th>
              <th scope="col">{t('headOffice.floats.columns.carrier')}</th>
              <th scope="col" className="hq-table__number">
                {t('headOffice.floats.columns.balance')}
              </th>
              <th scope="col" className="hq-table__number">
                {t('headOffice.floats.columns.alertBelow')}
              </th>
              <th scope="col">{t('headOffice.floats.columns.at')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((float) => (
              <tr
                key={`${float.shopId}/${float.modemId}`}
                className={float.low ? 'hq-table__row--low' : undefined}
              >
                <th scope="row">{float.shopName}</th>
                <td>{float.modemId}</td>
                <td>{float.carrierName}</td>
                <td className="hq-table__number">
                  {format.money(float.balance)}{' '}
                  {float.low && (
                    <span className="badge badge--failed">{t('headOffice.floats.low')}</span>
                  )}
                </td>
                <td className="hq-table__number">
                  {float.alertBelow
                    ? format.money(float.alertBelow)
                    : t('headOffice.floats.noAlert')}
                </td>
                <td>{shopTime(float.at, shops.zoneOf(float.shopId))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
