import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZReportView } from '../../shared/day';
import type { Role } from '../../shared/user';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { useFormat } from '../format';
import { useApi } from '../use-api';
import { ZReportPanel } from './ZReportPanel';

/** The closed days, newest first: each Z report to open, reprint and export. */
export function ClosedDays({ timeZone, role }: { timeZone: string; role: Role }) {
  const { t } = useTranslation();
  const format = useFormat();
  const listed = useApi(() => api.call('day.list', {}), []);
  const reports = listed.value?.reports ?? null;
  const [opened, setOpened] = useState<ZReportView | null>(null);
  const [openError, setOpenError] = useState<unknown>(null);

  function open(zNumber: number) {
    setOpenError(null);
    api.call('day.get', { zNumber }).then(
      ({ z }) => setOpened(z),
      (error: unknown) => setOpenError(error),
    );
  }

  const problem = listed.error ?? openError;
  if (problem !== null) {
    return <ProblemLine>{describeError(t, problem)}</ProblemLine>;
  }
  if (opened) {
    return (
      <>
        <button type="button" className="button--secondary" onClick={() => setOpened(null)}>
          {t('day.closed.back')}
        </button>
        <ZReportPanel key={opened.number} z={opened} timeZone={timeZone} role={role} />
      </>
    );
  }
  if (!reports) return <p>{t('app.loading')}</p>;
  if (reports.length === 0) return <p>{t('day.closed.none')}</p>;
  return (
    <table className="day-report__table closed-days">
      <caption>{t('day.closed.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('day.closed.number')}</th>
          <th scope="col">{t('day.closed.closedAt')}</th>
          <th scope="col">{t('day.closed.closedBy')}</th>
          <th scope="col">{t('day.report.net')}</th>
          <th scope="col">{t('day.closed.difference')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('sales.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {reports.map((z) => {
          const closed = format.dateTime(z.issuedAt, timeZone);
          const difference = z.report.count?.difference ?? { ...z.report.totals.gross, amount: 0 };
          return (
            <tr key={z.number} data-testid={`z-${z.number}`}>
              <td>{z.number}</td>
              <td>{`${closed.date} ${closed.time}`}</td>
              <td>{z.report.shift.closedBy}</td>
              <td>{format.money(z.report.totals.net)}</td>
              <td>{format.signedMoney(difference)}</td>
              <td>
                <button type="button" onClick={() => open(z.number)}>
                  {t('day.closed.open', { number: z.number })}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
