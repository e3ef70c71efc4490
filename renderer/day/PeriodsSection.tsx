import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors';
import { type PeriodKind, periodKinds } from '../../shared/period';
import { api } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { type FormMessage, FormStatus, ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { todayIn, useFormat } from '../format';
import { useApi } from '../use-api';
import { PeriodExports } from './PeriodExports';
import { PrintButton } from './PrintButton';
import { periodChoices } from './period-choices';

/** Why a closure was refused, in the manager's words: what is missing, or why not yet. */
function closeProblem(t: TFunction, error: unknown): string {
  const reason = error instanceof ApiError ? error.params?.reason : undefined;
  if (error instanceof ApiError && error.code === 'conflict' && typeof reason === 'string') {
    // Refused at one till of several: the till is named.
    const section = error.params?.till === undefined ? 'periods' : 'drawers';
    return t(`${section}.refused.${reason}`, { ...error.params, defaultValue: error.message });
  }
  return describeError(t, error);
}

/**
 * The month and year closures (a manager's): close a period that has ended, after a
 * confirmation, and the closures written so far, each to print.
 */
export function PeriodsSection({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [kind, setKind] = useState<PeriodKind>('month');
  const choices = periodChoices(todayIn(timeZone), kind);
  const [period, setPeriod] = useState(choices[0] ?? '');
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessage>(null);
  const [version, setVersion] = useState(0);
  const listed = useApi(() => api.call('periods.list', {}), [version]);

  function choose(next: PeriodKind) {
    setKind(next);
    setPeriod(periodChoices(todayIn(timeZone), next)[0] ?? '');
    setMessage(null);
  }

  async function close() {
    setBusy(true);
    try {
      const { closure } = await api.call('periods.close', { kind, period });
      setMessage({
        tone: 'ok',
        lines: [t('periods.closed', { period: closure.period, number: closure.number })],
      });
      setVersion((value) => value + 1);
    } catch (error) {
      setMessage({ tone: 'error', lines: [closeProblem(t, error)] });
    } finally {
      setBusy(false);
      setAsking(false);
    }
  }

  const closures = listed.value?.closures ?? null;
  const newest = closures?.[0];
  return (
    <section className="periods" aria-labelledby="periods-title">
      <h2 id="periods-title">{t('periods.title')}</h2>
      <p>{t('periods.intro')}</p>
      <form
        className="periods__close"
        onSubmit={(event) => {
          event.preventDefault();
          setMessage(null);
          setAsking(true);
        }}
      >
        <label>
          {t('periods.kind')}
          <select value={kind} onChange={(event) => choose(event.target.value as PeriodKind)}>
            {periodKinds.map((value) => (
              <option key={value} value={value}>
                {t(`periods.kinds.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('periods.period')}
          <select value={period} onChange={(event) => setPeriod(event.target.value)}>
            {choices.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy || period === ''}>
          {t('periods.close', { period })}
        </button>
      </form>
      <FormStatus message={message} />
      {asking && (
        <ConfirmDialog
          title={t('periods.confirmTitle', { period })}
          question={t('periods.confirmQuestion', { period })}
          confirm={t('periods.confirm', { period })}
          working={t('periods.working')}
          busy={busy}
          onConfirm={close}
          onCancel={() => setAsking(false)}
        />
      )}
      {listed.error !== null && <ProblemLine>{describeError(t, listed.error)}</ProblemLine>}
      {closures && closures.length === 0 && <p>{t('periods.none')}</p>}
      {closures && closures.length > 0 && (
        <table className="day-report__table closed-days">
          <caption>{t('periods.listTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('periods.number')}</th>
              <th scope="col">{t('periods.period')}</th>
              <th scope="col">{t('periods.closedAt')}</th>
              <th scope="col">{t('periods.closedBy')}</th>
              <th scope="col">{t('periods.net')}</th>
              <th scope="col">{t('periods.zReports')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('sales.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {closures.map((closure) => {
              const closed = format.dateTime(closure.closedAt, timeZone);
              return (
                <tr
                  key={`${closure.kind}-${closure.number}`}
                  data-testid={`closure-${closure.period}`}
                >
                  <td>{`${t(`periods.kinds.${closure.kind}`)} ${closure.number}`}</td>
                  <td>{closure.period}</td>
                  <td>{`${closed.date} ${closed.time}`}</td>
                  <td>{closure.closedBy}</td>
                  <td>{format.money(closure.totals.net)}</td>
                  <td>{closure.zReports.count}</td>
                  <td>
                    <PrintButton
                      label={t('periods.printClosure', { period: closure.period })}
                      print={() =>
                        api.call('periods.print', { kind: closure.kind, period: closure.period })
                      }
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {newest && (
        // The newest closure's journal, one click away for the accountant.
        <PeriodExports
          key={`${newest.kind}-${newest.period}`}
          kind={newest.kind}
          period={newest.period}
          needsApproval={false}
        />
      )}
    </section>
  );
}
