import { Fragment, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayStoredNumber } from '../../shared/customer-number';
import { localDay } from '../../shared/local-time';
import { type SaleStatus, type SaleView, saleStatuses } from '../../shared/sale';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { ReceiptPanel } from '../components/ReceiptPanel';
import { SaleCauseText } from '../components/SaleCauseText';
import { usePermission } from '../components/use-permission';
import { describeError } from '../errors';
import { useFormat } from '../format';
import { useApi } from '../use-api';
import { ResolveSale } from './ResolveSale';
import { salesShown } from './sales-shown';

type Opened = { saleId: number; show: 'receipt' | 'resolve' } | null;

/**
 * Today's sales in the shop's day, newest first, kept current as sales progress. Pending
 * (unknown) sales stand out; a manager (or a clerk the shop lets) resolves them here once the top-up is verified, and the
 * corrected receipt shows at once, to print for the customer. Any receipt prints again here.
 */
export function SalesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  // Resolving (a refund when it failed) is a manager's, or a clerk's as the shop set it.
  const refund = usePermission()('refund');
  const canResolve = refund !== null && refund !== 'refused';
  const shop = useApi(() => api.call('shop.get', {}), []);
  // Each till numbers its own receipts: with several, the list says where each sale was made.
  const tills = useApi(() => api.call('tills.list', {}), []);
  const severalTills = (tills.value?.tills.length ?? 1) > 1;
  const timeZone =
    shop.value === undefined
      ? null
      : (shop.value.profile?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [status, setStatus] = useState<SaleStatus | ''>('');
  const [sales, setSales] = useState<SaleView[] | null>(null);
  const [opened, setOpened] = useState<Opened>(null);
  // The sale just resolved: its corrected receipt stays on screen even when the filter hides it.
  const [corrected, setCorrected] = useState<SaleView | null>(null);
  const correctedTitle = useRef<HTMLHeadingElement>(null);

  const listed = useApi(
    timeZone === null
      ? null
      : () => {
          // The day is taken again on each reading: a screen left open overnight moves on.
          const today = localDay(new Date(), timeZone);
          return api.call('sales.list', {
            from: today.from.toISOString(),
            to: today.to.toISOString(),
            ...(status ? { status } : {}),
          });
        },
    [timeZone, status],
    { done: (found) => setSales(found.sales) },
  );
  // Pending sales of any day: they come first, whatever day they were sold.
  const [pendingSales, setPendingSales] = useState<SaleView[] | null>(null);
  const pendingListed = useApi(() => api.call('sales.list', { status: 'unknown' }), [], {
    done: (found) => setPendingSales(found.sales),
  });
  // Sales move on while the page is open: each step of any sale reads them again.
  useEffect(() => api.on('sales.progress', listed.reload), [listed.reload]);
  useEffect(() => api.on('sales.progress', pendingListed.reload), [pendingListed.reload]);
  const failed = shop.error ?? listed.error ?? pendingListed.error;
  const problem = failed === null ? null : describeError(t, failed);

  // The resolve form is gone: the keyboard goes on from the corrected receipt.
  useEffect(() => {
    if (corrected) correctedTitle.current?.focus();
  }, [corrected]);

  function resolved(sale: SaleView) {
    setOpened(null);
    setCorrected(sale);
    setPendingSales((current) => current?.filter((shown) => shown.id !== sale.id) ?? null);
    setSales(
      (current) =>
        current?.flatMap((shown) => {
          if (shown.id !== sale.id) return [shown];
          return status && sale.status !== status ? [] : [sale];
        }) ?? null,
    );
  }

  const toggle = (saleId: number, show: 'receipt' | 'resolve') =>
    setOpened((current) =>
      current?.saleId === saleId && current.show === show ? null : { saleId, show },
    );
  const pending = pendingSales?.length ?? 0;
  const shown = salesShown(sales, pendingSales, status);
  const today = timeZone === null ? null : format.dateTime(new Date().toISOString(), timeZone).date;

  // A pending sale of another day says its day too.
  const whenSold = (instant: string) => {
    const { date, time } = format.dateTime(instant, timeZone ?? 'UTC');
    return date === today ? time : t('pending.dateTime', { date, time });
  };

  return (
    <section className="sales">
      <h1>{t('sales.title')}</h1>
      <div className="field sales__filter">
        <label htmlFor="sales-status">{t('sales.filter')}</label>
        <select
          id="sales-status"
          value={status}
          onChange={(event) => setStatus(event.target.value as SaleStatus | '')}
        >
          <option value="">{t('sales.allStatuses')}</option>
          {saleStatuses.map((value) => (
            <option key={value} value={value}>
              {t(`sales.status.${value}`)}
            </option>
          ))}
        </select>
      </div>
      {problem && <ProblemLine>{problem}</ProblemLine>}
      {corrected && corrected.receiptNumber !== null && (
        <section className="sales__corrected" aria-labelledby="sales-corrected-title">
          <h2 id="sales-corrected-title" ref={correctedTitle} tabIndex={-1}>
            {t('sales.corrected', {
              number: displayStoredNumber(corrected.msisdn),
              status: t(`sales.status.${corrected.status}`),
              receipt: corrected.receiptNumber,
            })}
          </h2>
          <ReceiptPanel number={corrected.receiptNumber} tillId={corrected.till.id} />
          <div className="settings__actions">
            <button type="button" className="button--secondary" onClick={() => setCorrected(null)}>
              {t('sales.correctedClose')}
            </button>
          </div>
        </section>
      )}
      {pending > 0 && (
        <p className="notice sales__pending">{t('sales.pendingCount', { count: pending })}</p>
      )}
      {shown === null || timeZone === null ? (
        !problem && <p>{t('app.loading')}</p>
      ) : shown.length === 0 ? (
        <p>{t('sales.none')}</p>
      ) : (
        <table className="sales__table">
          <thead>
            <tr>
              <th scope="col">{t('receipt.time')}</th>
              <th scope="col">{t('receipt.customer')}</th>
              <th scope="col">{t('receipt.plan')}</th>
              <th scope="col">{t('receipt.price')}</th>
              <th scope="col">{t('receipt.payment')}</th>
              <th scope="col">{t('sales.statusColumn')}</th>
              <th scope="col">{t('receipt.carrierReference')}</th>
              {severalTills && <th scope="col">{t('tills.column')}</th>}
              <th scope="col">
                <span className="visually-hidden">{t('sales.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((sale) => (
              <Fragment key={sale.id}>
                <tr
                  className={
                    sale.status === 'unknown' ? 'sales__row sales__row--pending' : 'sales__row'
                  }
                  data-testid={`sale-${sale.id}`}
                >
                  <td>{whenSold(sale.createdAt)}</td>
                  <td>{displayStoredNumber(sale.msisdn)}</td>
                  <td>{sale.planName}</td>
                  <td>{format.money(sale.price)}</td>
                  <td>{t(`receipt.methods.${sale.payment.method}`)}</td>
                  <td>
                    <span className={`badge badge--${sale.status}`}>
                      {t(`sales.status.${sale.status}`)}
                    </span>
                  </td>
                  <td>{sale.carrierReference ?? ''}</td>
                  {severalTills && <td>{sale.till.name}</td>}
                  <td className="sales__actions">
                    {sale.receiptNumber !== null && (
                      <button
                        type="button"
                        className="button--secondary"
                        aria-expanded={opened?.saleId === sale.id && opened.show === 'receipt'}
                        onClick={() => toggle(sale.id, 'receipt')}
                      >
                        {t('sales.receipt', { number: sale.receiptNumber })}
                      </button>
                    )}
                    {canResolve && sale.status === 'unknown' && (
                      <button
                        type="button"
                        aria-expanded={opened?.saleId === sale.id && opened.show === 'resolve'}
                        onClick={() => toggle(sale.id, 'resolve')}
                      >
                        {t('sales.resolve')}
                      </button>
                    )}
                  </td>
                </tr>
                {opened?.saleId === sale.id && (
                  <tr className="sales__detail">
                    <td colSpan={severalTills ? 9 : 8}>
                      {sale.cause && <SaleCauseText cause={sale.cause} />}
                      {opened.show === 'resolve' ? (
                        <ResolveSale
                          sale={sale}
                          timeZone={timeZone}
                          onResolved={resolved}
                          onCancel={() => setOpened(null)}
                          needsApproval={refund === 'approval'}
                        />
                      ) : (
                        sale.receiptNumber !== null && (
                          <ReceiptPanel number={sale.receiptNumber} tillId={sale.till.id} />
                        )
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
