import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Till } from '../../shared/counters';
import type { ZReportView } from '../../shared/day';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { useApi } from '../use-api';
import { CloseDayForm } from './CloseDayForm';
import { DayReportView } from './DayReportView';

/**
 * A counter's drawer closed by a manager at the hub: the counter is gone (revoked, or dead) with
 * its shift open. The same count and confirmation as at the till; the Z is issued in that till's
 * numbering, closed by the manager.
 */
export function OtherDrawerClose({
  till,
  timeZone,
  onDone,
}: {
  till: Till;
  timeZone: string;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [issued, setIssued] = useState<ZReportView | null>(null);
  const reading = useApi(() => api.call('day.getReport', { tillId: till.id }), [till.id]);
  const report = reading.value?.report;
  let body: ReactNode;
  if (issued) {
    body = (
      <p role="status">
        {t('drawers.closeOther.issued', { number: issued.number, till: till.name })}
      </p>
    );
  } else if (reading.error !== null) {
    body = <ProblemLine>{describeError(t, reading.error)}</ProblemLine>;
  } else if (!report) {
    body = <p>{t('app.loading')}</p>;
  } else {
    body = (
      <>
        <p>{t('drawers.closeOther.intro')}</p>
        <DayReportView report={report} timeZone={timeZone} idPrefix="other-x" />
        <CloseDayForm report={report} needsApproval={false} tillId={till.id} onClosed={setIssued} />
      </>
    );
  }
  return (
    <section className="x-report" aria-labelledby="other-drawer-title">
      <h2 id="other-drawer-title" className="day__drawer">
        {t('drawers.closeOther.title', { till: till.name })}
      </h2>
      {body}
      <div className="settings__actions">
        <button type="button" className={issued ? undefined : 'button--secondary'} onClick={onDone}>
          {t(issued ? 'drawers.closeOther.done' : 'drawers.closeOther.back')}
        </button>
      </div>
    </section>
  );
}
