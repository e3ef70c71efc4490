import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { displayStoredNumber } from '../../shared/customer-number';
import type { DayReportView as Report } from '../../shared/day';
import { formatAmount } from '../../shared/money';
import { saleCauseReason } from '../components/sale-cause-lines';
import { useFormat } from '../format';
import { DayCharts } from './DayCharts';
import { DayTaxes } from './DayTaxes';

/** A row of a report table, keyed by what it is about (a plan, a sale, a dealer SIM). */
interface Row {
  key: string | number;
  cells: readonly ReactNode[];
}

/** One part of the report: its title, then its table, or "none" when it has no row. */
function Part({
  id,
  title,
  head,
  rows,
}: {
  id: string;
  title: string;
  head: readonly string[];
  rows: readonly Row[];
}) {
  const { t } = useTranslation();
  return (
    <section className="day-report__part" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {rows.length === 0 ? (
        <p>{t('day.report.none')}</p>
      ) : (
        <table className="day-report__table">
          <thead>
            <tr>
              {head.map((label) => (
                <th key={label} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, column) => (
                  <td key={head[column]}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const row = (key: Row['key'], cells: readonly ReactNode[]): Row => ({ key, cells });

/** Figures with their names, a name a line. */
function Figures({ items }: { items: readonly (readonly [string, ReactNode, boolean?])[] }) {
  return (
    <dl className="day-report__figures">
      {items.map(([name, value, strong]) => (
        <div key={name} className={strong ? 'day-report__figure--strong' : undefined}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A day report on screen, the X report of the open shift or the body of a Z report, in the
 * order the owner checks a day: the totals and charts, the breakdowns, refunds and cash
 * movements, the drawer, the dealer side, and the unknown sales carried over.
 */
export function DayReportView({
  report,
  timeZone,
  idPrefix,
}: {
  report: Report;
  timeZone: string;
  /** Keeps the section ids apart when two reports are on the page. */
  idPrefix: string;
}) {
  const { t, i18n } = useTranslation();
  const { t: say } = useTranslation('translation', { keyPrefix: 'day.report' });
  const format = useFormat();
  const { currency } = report.totals.gross;
  const money = (amount: number) => format.money({ amount, currency });
  const when = (instant: string) => {
    const { date, time } = format.dateTime(instant, timeZone);
    return `${date} ${time}`;
  };
  const id = (part: string) => `${idPrefix}-${part}`;
  const { totals, cash, count, names } = report;
  /** A sale as people know it: by its receipt's number. */
  const receiptOf = (saleId: number) => {
    const number = names.receipts[saleId];
    return number === undefined ? t('dayNames.noReceipt') : String(number);
  };

  return (
    <div className="day-report">
      <Figures
        items={[
          [say('sales'), totals.sales],
          [say('gross'), money(totals.gross.amount)],
          [say('refunds'), money(totals.refunds.amount)],
          [say('net'), money(totals.net.amount), true],
          [say('dealerCost'), money(totals.dealerCost.amount)],
          [say('margin'), money(totals.margin.amount)],
          ...(report.soldBeforeOpening > 0
            ? [[say('soldBeforeOpening'), report.soldBeforeOpening] as const]
            : []),
        ]}
      />
      <DayTaxes report={report} idPrefix={idPrefix} />
      <DayCharts report={report} />
      <Part
        id={id('plans')}
        title={say('byPlan')}
        head={[say('plan'), say('sales'), say('amount'), say('dealerCost'), say('margin')]}
        rows={report.byPlan.map((plan) =>
          row(plan.planId, [
            plan.planName,
            plan.sales,
            money(plan.amount.amount),
            money(plan.dealerCost.amount),
            money(plan.margin.amount),
          ]),
        )}
      />
      <Part
        id={id('payments')}
        title={say('byPayment')}
        head={[say('method'), say('sales'), say('amount'), say('refunds')]}
        rows={report.byPayment.map((payment) =>
          row(payment.method, [
            t(`receipt.methods.${payment.method}`),
            payment.sales,
            money(payment.amount.amount),
            money(payment.refunds.amount),
          ]),
        )}
      />
      <Part
        id={id('clerks')}
        title={say('byClerk')}
        head={[say('clerk'), say('sales'), say('amount')]}
        rows={report.byClerk.map((clerk) =>
          row(clerk.clerk, [clerk.clerk, clerk.sales, money(clerk.amount.amount)]),
        )}
      />
      {report.drawer === 'shop' && report.tills && (
        <Part
          id={id('tills')}
          title={t('drawers.byTill')}
          head={[
            t('drawers.columns.till'),
            t('drawers.columns.sales'),
            t('drawers.columns.net'),
            t('drawers.columns.cash'),
            t('drawers.columns.margin'),
          ]}
          rows={report.tills.map((line) =>
            row(line.till.id, [
              line.till.name,
              line.sales,
              money(line.net.amount),
              money(line.cash.amount),
              money(line.margin.amount),
            ]),
          )}
        />
      )}
      <Part
        id={id('modems')}
        title={say('byModem')}
        head={[say('modem'), say('sales'), say('amount'), say('dealerCost')]}
        rows={report.byModem.map((modem) =>
          row(modem.modemId ?? '', [
            modem.modemId ?? say('noModem'),
            modem.sales,
            money(modem.amount.amount),
            money(modem.dealerCost.amount),
          ]),
        )}
      />
      <Part
        id={id('statuses')}
        title={say('byStatus')}
        head={[say('status'), say('sales'), say('amount')]}
        rows={report.byStatus.map((status) =>
          row(status.status, [
            t(`sales.status.${status.status}`),
            status.sales,
            money(status.amount.amount),
          ]),
        )}
      />
      <Part
        id={id('refunds')}
        title={say('refundsTitle')}
        head={[say('sale'), say('when'), say('method'), say('amount'), say('reason')]}
        rows={report.refunds.map((refund) =>
          row(refund.saleId, [
            receiptOf(refund.saleId),
            when(refund.at),
            t(`receipt.methods.${refund.method}`),
            money(refund.amount.amount),
            refund.cause ? saleCauseReason(t, refund.cause).join(' ') : refund.reason,
          ]),
        )}
      />
      <Part
        id={id('movements')}
        title={say('cashMovements')}
        head={[say('movement'), say('when'), say('who'), say('amount'), say('reason')]}
        rows={report.cashMovements.map((movement, index) =>
          row(index, [
            t(`day.cash.${movement.kind}`),
            when(movement.at),
            movement.actor,
            money(movement.amount.amount),
            movement.reason,
          ]),
        )}
      />
      <section className="day-report__part" aria-labelledby={id('cash')}>
        <h3 id={id('cash')}>{say('cash')}</h3>
        <Figures
          items={[
            [say('float'), money(cash.float.amount)],
            [say('cashSales'), money(cash.cashSales.amount)],
            [say('cashRefunds'), money(cash.cashRefunds.amount)],
            [say('cashIn'), money(cash.cashIn.amount)],
            [say('cashOut'), money(cash.cashOut.amount)],
            [say('expected'), money(cash.expected.amount), true],
            ...(count
              ? [
                  [say('counted'), money(count.total.amount), true] as const,
                  [say('difference'), format.signedMoney(count.difference), true] as const,
                  ...(count.reason === null ? [] : [[say('reason'), count.reason] as const]),
                ]
              : []),
          ]}
        />
      </section>
      {count && (
        <Part
          id={id('count')}
          title={say('count')}
          head={[say('denomination'), say('pieces'), say('amount')]}
          rows={count.counted.map(({ denomination, count: pieces }) =>
            row(denomination.amount, [
              formatAmount(denomination.amount, denomination.currency, i18n.language),
              pieces,
              money(denomination.amount * pieces),
            ]),
          )}
        />
      )}
      <Part
        id={id('dealer')}
        title={say('dealer')}
        head={[
          say('modem'),
          say('opening'),
          say('closing'),
          say('dealerMovement'),
          say('expectedMovement'),
          say('difference'),
          say('explaining'),
        ]}
        rows={report.dealer.map((sim) =>
          row(sim.modemId, [
            `${sim.modemId} (${names.carriers[sim.carrierId] ?? sim.carrierId})`,
            sim.opening
              ? t(`day.report.reading.${sim.opening.source}`, {
                  amount: format.money(sim.opening.amount),
                })
              : say('notRead'),
            sim.closing
              ? t(`day.report.reading.${sim.closing.source}`, {
                  amount: format.money(sim.closing.amount),
                })
              : say('notRead'),
            sim.movement === null ? say('notRead') : format.money(sim.movement),
            (sim.beforeOpening ?? 0) > 0 ? (
              <>
                {format.money(sim.expected)}
                <br />
                <small>{t('dayNames.beforeOpening', { count: sim.beforeOpening })}</small>
              </>
            ) : (
              format.money(sim.expected)
            ),
            sim.difference === null ? say('notRead') : format.signedMoney(sim.difference),
            sim.explaining
              .map((saleId) =>
                names.receipts[saleId] === undefined
                  ? t('dayNames.noReceipt')
                  : t('dayNames.receipt', { number: names.receipts[saleId] }),
              )
              .join(', '),
          ]),
        )}
      />
      <Part
        id={id('unknown')}
        title={say('unknownSales')}
        head={[say('sale'), say('when'), say('customer'), say('plan'), say('amount')]}
        rows={report.unknownSales.map((sale) =>
          row(sale.id, [
            receiptOf(sale.id),
            when(sale.createdAt),
            displayStoredNumber(sale.msisdn),
            sale.planName,
            money(sale.price.amount),
          ]),
        )}
      />
    </div>
  );
}
