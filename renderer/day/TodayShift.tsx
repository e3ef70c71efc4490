import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrencyCode } from '../../shared/currencies';
import type { ZReportView } from '../../shared/day';
import type { Role } from '../../shared/user';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { usePermission } from '../components/use-permission';
import { describeError } from '../errors';
import { useFormat } from '../format';
import { useApi } from '../use-api';
import { CashMovementForm } from './CashMovementForm';
import { CloseDayForm } from './CloseDayForm';
import { DayReportView } from './DayReportView';
import { OpeningBalances } from './OpeningBalances';
import { OpenShiftForm } from './OpenShiftForm';
import { PrintButton } from './PrintButton';
import { ZReportPanel } from './ZReportPanel';

/**
 * Today's shift from opening to close: the opening form while none is open; then the dealer
 * SIMs' opening balances, cash in and out, the X report (kept current as sales go on) and the
 * close; then the Z report it issued. A shift left open from an earlier day is closed first.
 */
export function TodayShift({
  currency,
  timeZone,
  role,
}: {
  currency: CurrencyCode;
  timeZone: string;
  role: Role;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [issued, setIssued] = useState<ZReportView | null>(null);
  const [dealerProblems, setDealerProblems] = useState<Record<string, string>>({});
  const closeDay = usePermission()('close_day');
  const reading = useApi(async () => {
    const current = await api.call('shifts.getCurrent', {});
    const report = current.shift ? (await api.call('day.getReport', {})).report : null;
    return { current, report };
  }, []);
  const { reload } = reading;
  const current = reading.value?.current ?? null;
  const report = reading.value?.report ?? null;
  // Without the bank's list, the SIMs the report knows are still shown.
  const modemIds =
    useApi(() => api.call('modems.list', {}), []).value?.modems.map((modem) => modem.id) ?? [];

  // The dealer SIMs are the modem bank's: read and typed at the hub's drawer, not a counter's.
  const atCounter = useApi(() => api.call('tills.list', {}), []).value?.current.kind === 'counter';

  // Every step of a sale moves the X report on.
  useEffect(() => api.on('sales.progress', reload), [reload]);

  if (reading.error !== null) {
    return <ProblemLine>{describeError(t, reading.error)}</ProblemLine>;
  }
  if (issued) {
    return (
      <>
        <ZReportPanel z={issued} timeZone={timeZone} role={role} />
        <div className="settings__actions">
          <button
            type="button"
            onClick={() => {
              setIssued(null);
              reload();
            }}
          >
            {t('day.z.nextDay')}
          </button>
        </div>
      </>
    );
  }
  if (!current) return <p>{t('app.loading')}</p>;
  if (!current.shift) {
    return (
      <OpenShiftForm
        currency={currency}
        onOpened={(opened) => {
          setDealerProblems(
            Object.fromEntries(opened.dealerProblems.map((p) => [p.modemId, p.problem])),
          );
          reload();
        }}
      />
    );
  }
  if (!report) return <p>{t('app.loading')}</p>;

  const { shift, stale } = current;
  const opened = format.dateTime(shift.openedAt, timeZone);
  const asOf = format.dateTime(report.to, timeZone);
  // Offered once what the user may do is known.
  const close =
    closeDay === null ? null : closeDay === 'refused' ? (
      <p className="notice">{t('permissions.refused')}</p>
    ) : (
      <CloseDayForm
        report={report}
        needsApproval={closeDay === 'approval'}
        onClosed={(z) => {
          setIssued(z);
          setDealerProblems({});
          reload();
        }}
      />
    );

  return (
    <>
      <p className={stale ? 'notice day__stale' : 'day__opened'} role={stale ? 'alert' : undefined}>
        {t(stale ? 'day.stale' : 'day.openSince', {
          date: opened.date,
          time: opened.time,
          name: shift.openedBy,
          float: format.money(shift.float),
        })}
      </p>
      {stale && close}
      {!atCounter && (
        <OpeningBalances
          modemIds={modemIds}
          report={report}
          problems={dealerProblems}
          onSaved={reload}
        />
      )}
      {!stale && <CashMovementForm currency={report.totals.gross.currency} onRecorded={reload} />}
      <section className="x-report" aria-labelledby="x-report-title">
        <h2 id="x-report-title">{t('day.x.title')}</h2>
        <p>{t('day.x.asOf', { date: asOf.date, time: asOf.time })}</p>
        <p>{t('day.x.till', { till: report.names.till })}</p>
        <PrintButton label={t('day.x.print')} print={() => api.call('day.printXReport', {})} />
        <DayReportView report={report} timeZone={timeZone} idPrefix="x" />
      </section>
      {!stale && close}
    </>
  );
}
