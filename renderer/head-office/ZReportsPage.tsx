import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { todayIn } from '../format';
import { useApi } from '../use-api';
import { hq } from './hq-api';
import { MonthOptions } from './MonthOptions';
import { useShopTime } from './shop-time';
import { useShops } from './use-shops';

/** One shop's Z reports as they arrived, newest first, all or one month of the shop's calendar. */
export function ZReportsPage() {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const shops = useShops();
  const [chosen, setChosen] = useState('');
  const shopId = chosen || (shops.list[0]?.id ?? '');
  const zone = shops.zoneOf(shopId);
  const [month, setMonth] = useState('');
  const reports = useApi(
    shopId === ''
      ? null
      : () => hq.call('zReports.list', { shopId, month: month === '' ? null : month }),
    [shopId, month],
  );
  const list = reports.value?.zReports ?? [];
  return (
    <section className="hq-z-reports">
      <h1>{t('headOffice.zReports.title')}</h1>
      {shops.error !== null && <ProblemLine>{describeError(t, shops.error)}</ProblemLine>}
      {shops.value && shops.list.length === 0 && <p>{t('headOffice.shops.none')}</p>}
      {shops.list.length > 0 && (
        <div className="hq-report__choice">
          <div className="field">
            <label htmlFor="hq-z-shop">{t('headOffice.columns.shop')}</label>
            <select
              id="hq-z-shop"
              value={shopId}
              onChange={(event) => setChosen(event.target.value)}
            >
              {shops.list.map((shop) => (
                <option key={shop.id} value={shop.id}>
                  {shop.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="hq-z-month">{t('headOffice.zReports.month')}</label>
            <select
              id="hq-z-month"
              value={month}
              onChange={(event) => setMonth(event.target.value)}
            >
              <option value="">{t('headOffice.zReports.allMonths')}</option>
              <MonthOptions today={todayIn(zone)} />
            </select>
          </div>
        </div>
      )}
      {reports.error !== null && <ProblemLine>{describeError(t, reports.error)}</ProblemLine>}
      {reports.value && list.length === 0 && <p>{t('headOffice.zReports.none')}</p>}
      {list.length > 0 && (
        <table className="hq-table">
          <caption className="visually-hidden">{t('headOffice.zReports.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('headOffice.zReports.columns.number')}</th>
              <th scope="col">{t('headOffice.zReports.columns.till')}</th>
              <th scope="col">{t('headOffice.zReports.columns.day')}</th>
              <th scope="col">{t('headOffice.zReports.columns.issuedAt')}</th>
              <th scope="col">{t('headOffice.zReports.columns.hash')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((z) => (
              <tr key={`${z.tillId}/${z.number}`}>
                <th scope="row">{t('headOffice.zReports.number', { number: z.number })}</th>
                <td>{z.tillId === '' ? t('headOffice.hubTill') : z.tillId}</td>
                <td>{z.day}</td>
                <td>{shopTime(z.issuedAt, zone)}</td>
                <td>
                  <code className="hq-table__hash">{z.hash.slice(0, 12)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
