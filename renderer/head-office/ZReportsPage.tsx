import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { todayIn, useFormat } from '../format';
import { useApi } from '../use-api';
import { hq } from './hq-api';
import { MonthOptions } from './MonthOptions';
import { dayText } from './periods';
import { useShopTime } from './shop-time';
import { useShops } from './use-shops';
import { dayDiffers } from './z-compare';

/** The Z reports' money columns, after the Z (its till and hash under it) and its time. */
const moneyColumns = ['sales', 'gross', 'refunds', 'net', 'dealerCost', 'cash'] as const;
/** The head office's own count, under the Z columns they match. */
const countedFigures = ['amount', 'refunded', 'net', 'dealerCost'] as const;
const columnCount = 2 + moneyColumns.length;

/**
 * One shop's Z reports as they arrived, newest first, all or one month of the shop's calendar:
 * day by day, what each Z says, then what the head office counted of that day, so a difference
 * shows.
 */
export function ZReportsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
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
      <p>{t('headOffice.zReports.intro')}</p>
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
        <table className="hq-table hq-z-table">
          <caption className="visually-hidden">{t('headOffice.zReports.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('headOffice.zReports.columns.number')}</th>
              <th scope="col">{t('headOffice.zReports.columns.issuedAt')}</th>
              {moneyColumns.map((column) => (
                <th key={column} scope="col" className="hq-table__number">
                  {t(`headOffice.zReports.columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          {(reports.value?.days ?? []).map(({ day, totals }) => {
            const ofDay = list.filter((z) => z.day === day);
            const differs = dayDiffers(ofDay, totals);
            return (
              <tbody key={day}>
                <tr>
                  <th scope="colgroup" colSpan={columnCount} className="hq-z-table__day">
                    {dayText(day, i18n.language)}
                  </th>
                </tr>
                {ofDay.map((z) => (
                  <tr key={`${z.tillId}/${z.number}`}>
                    <th scope="row">
                      {t('headOffice.zReports.number', { number: z.number })}
                      <span className="hq-table__detail">
                        {z.tillId === '' ? t('headOffice.hubTill') : z.tillId}
                      </span>
                      <span className="hq-table__detail">
                        {t('headOffice.zReports.hash')}{' '}
                        <code className="hq-table__hash">{z.hash.slice(0, 12)}</code>
                      </span>
                    </th>
                    <td>{shopTime(z.issuedAt, zone)}</td>
                    {z.figures ? (
                      <>
                        <td className="hq-table__number">{z.figures.sales}</td>
                        <td className="hq-table__number">{format.money(z.figures.gross)}</td>
                        <td className="hq-table__number">{format.money(z.figures.refunds)}</td>
                        <td className="hq-table__number">{format.money(z.figures.net)}</td>
                        <td className="hq-table__number">{format.money(z.figures.dealerCost)}</td>
                        <td className="hq-table__number hq-z-table__cash">
                          {z.figures.cash ? (
                            <>
                              {format.money(z.figures.cash.counted)}
                              <span className="hq-table__detail">
                                {t('headOffice.zReports.expected', {
                                  amount: format.money(z.figures.cash.expected),
                                })}
                              </span>
                              {z.figures.cash.difference.amount !== 0 && (
                                <span className="hq-table__detail">
                                  {t('headOffice.zReports.difference', {
                                    amount: format.signedMoney(z.figures.cash.difference),
                                  })}
                                </span>
                              )}
                            </>
                          ) : (
                            t('headOffice.zReports.notCounted')
                          )}
                        </td>
                      </>
                    ) : (
                      <td colSpan={moneyColumns.length}>{t('headOffice.zReports.noFigures')}</td>
                    )}
                  </tr>
                ))}
                <tr className={differs ? 'hq-table__row--low' : undefined}>
                  <th scope="row" colSpan={2}>
                    {t('headOffice.zReports.counted')}
                    {differs !== null && (
                      <span className="hq-table__detail">
                        {differs
                          ? t('headOffice.zReports.differs')
                          : t('headOffice.zReports.agrees')}
                      </span>
                    )}
                  </th>
                  {totals.length === 0 ? (
                    <td colSpan={moneyColumns.length}>{t('headOffice.zReports.nothingArrived')}</td>
                  ) : (
                    <>
                      <td className="hq-table__number">
                        {totals.map((line) => (
                          <span key={line.amount.currency} className="hq-z-table__line">
                            {line.sales}
                          </span>
                        ))}
                      </td>
                      {countedFigures.map((figure) => (
                        <td key={figure} className="hq-table__number">
                          {totals.map((line) => (
                            <span key={line.amount.currency} className="hq-z-table__line">
                              {format.money(line[figure])}
                            </span>
                          ))}
                        </td>
                      ))}
                      <td />
                    </>
                  )}
                </tr>
              </tbody>
            );
          })}
        </table>
      )}
    </section>
  );
}
