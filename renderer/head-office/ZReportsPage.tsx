import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainReport, ZFigures } from '../../shared/api/hq-contract/reports';
import { localDate } from '../../shared/local-time';
import { ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { todayIn, useFormat } from '../format';
import { useApi } from '../use-api';
import { hq } from './hq-api';
import { MonthOptions } from './MonthOptions';
import { dayText } from './periods';
import { useShopTime } from './shop-time';
import { useShops } from './use-shops';
import { tillDays } from './z-compare';

type Totals = ChainReport['totals'][number];

/** The Z reports' money columns, after the Z (its till and hash under it) and its time. */
const moneyColumns = ['sales', 'gross', 'refunds', 'net', 'dealerCost', 'cash'] as const;
/** The head office's own count, under the Z columns they match. */
const countedFigures = ['amount', 'refunded', 'net', 'dealerCost'] as const;
const columnCount = 2 + moneyColumns.length;

/**
 * One shop's Z reports as they arrived, newest first, all or one month of the shop's calendar:
 * day by day and till by till, what each Z says, then what the head office counted of that
 * till's day, and whether the two are the same when comparing them means something.
 */
export function ZReportsPage() {
  const { t, i18n } = useTranslation();
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
          {(reports.value?.days ?? []).map(({ day, tills }) => (
            <tbody key={day}>
              <tr>
                <th scope="colgroup" colSpan={columnCount} className="hq-z-table__day">
                  {dayText(day, i18n.language)}
                </th>
              </tr>
              {tillDays(
                day,
                list.filter((z) => z.day === day),
                tills,
                (instant) => localDate(new Date(instant), zone),
              ).map(({ tillId, zReports, counted, comparison }) => {
                const till = tillId === '' ? t('headOffice.hubTill') : tillId;
                return (
                  <Fragment key={tillId}>
                    {zReports.map((z) => (
                      <tr key={`${z.tillId}/${z.number}`}>
                        <th scope="row">
                          {t('headOffice.zReports.number', { number: z.number })}
                          <span className="hq-table__detail">{till}</span>
                          <span className="hq-table__detail">
                            {t('headOffice.zReports.hash')}{' '}
                            <code className="hq-table__hash">{z.hash.slice(0, 12)}</code>
                          </span>
                        </th>
                        <td>{shopTime(z.issuedAt, zone)}</td>
                        <ZFiguresCells figures={z.figures} />
                      </tr>
                    ))}
                    <tr>
                      <th scope="row" colSpan={2}>
                        {t('headOffice.zReports.tillCounted', { till })}
                        {comparison !== 'unknown' && (
                          <span className="hq-table__detail">
                            {t(`headOffice.zReports.comparison.${comparison}`)}
                          </span>
                        )}
                      </th>
                      <CountedCells counted={counted} />
                    </tr>
                  </Fragment>
                );
              })}
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}

/** What a Z says, under the Z columns: its totals and its cash count. */
function ZFiguresCells({ figures }: { figures: ZFigures | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!figures) {
    return <td colSpan={moneyColumns.length}>{t('headOffice.zReports.noFigures')}</td>;
  }
  return (
    <>
      <td className="hq-table__number">{figures.sales}</td>
      <td className="hq-table__number">{format.money(figures.gross)}</td>
      <td className="hq-table__number">{format.money(figures.refunds)}</td>
      <td className="hq-table__number">{format.money(figures.net)}</td>
      <td className="hq-table__number">{format.money(figures.dealerCost)}</td>
      <td className="hq-table__number hq-z-table__cash">
        {figures.cash ? (
          <>
            {format.money(figures.cash.counted)}
            <span className="hq-table__detail">
              {t('headOffice.zReports.expected', {
                amount: format.money(figures.cash.expected),
              })}
            </span>
            {figures.cash.difference.amount !== 0 && (
              <span className="hq-table__detail">
                {t('headOffice.zReports.difference', {
                  amount: format.signedMoney(figures.cash.difference),
                })}
              </span>
            )}
          </>
        ) : (
          t('headOffice.zReports.notCounted')
        )}
      </td>
    </>
  );
}

/** What the head office counted of a till's day, one line per currency, under the Z columns. */
function CountedCells({ counted }: { counted: readonly Totals[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (counted.length === 0) {
    return <td colSpan={moneyColumns.length}>{t('headOffice.zReports.nothingArrived')}</td>;
  }
  return (
    <>
      <td className="hq-table__number">
        {counted.map((line) => (
          <span key={line.amount.currency} className="hq-z-table__line">
            {line.sales}
          </span>
        ))}
      </td>
      {countedFigures.map((figure) => (
        <td key={figure} className="hq-table__number">
          {counted.map((line) => (
            <span key={line.amount.currency} className="hq-z-table__line">
              {format.money(line[figure])}
            </span>
          ))}
        </td>
      ))}
      <td />
    </>
  );
}
