import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZReportView } from '../../shared/day';
import type { Role } from '../../shared/user';
import { api } from '../api';
import { usePermission } from '../components/use-permission';
import { useFormat } from '../format';
import { DayReportView } from './DayReportView';
import { PerpetualTotals } from './PerpetualTotals';
import { PrintButton } from './PrintButton';
import { ZExports } from './ZExports';

/**
 * A Z report on screen: its number and close, its printing (a manager's: the first print is the
 * original, later ones COPY) and the exports, the report itself, and its link in the hash
 * chain. It takes the focus when it appears.
 */
export function ZReportPanel({
  z,
  timeZone,
  role,
}: {
  z: ZReportView;
  timeZone: string;
  role: Role;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  const closed = format.dateTime(z.issuedAt, timeZone);
  const exports = usePermission()('export');

  useEffect(() => heading.current?.focus(), []);

  return (
    <article className="z-report" aria-labelledby={`z-${z.number}`}>
      <h2 id={`z-${z.number}`} ref={heading} tabIndex={-1}>
        {t('day.z.title', { number: z.number })}
      </h2>
      <p>
        {t('day.z.closed', {
          date: closed.date,
          time: closed.time,
          name: z.report.shift.closedBy ?? '',
          till: z.report.names.till,
        })}
      </p>
      {role === 'manager' && (
        <PrintButton
          label={t('day.z.print')}
          print={() => api.call('day.print', { zNumber: z.number })}
        />
      )}
      {exports !== null && exports !== 'refused' && (
        <ZExports zNumber={z.number} needsApproval={exports === 'approval'} />
      )}
      <DayReportView report={z.report} timeZone={timeZone} idPrefix={`z-${z.number}`} />
      {z.perpetual && <PerpetualTotals perpetual={z.perpetual} />}
      <dl className="z-report__chain">
        <dt>{t('day.z.hash')}</dt>
        <dd>
          <code>{z.hash}</code>
        </dd>
        <dt>{t('day.z.prevHash')}</dt>
        <dd>
          <code>{z.prevHash}</code>
        </dd>
      </dl>
    </article>
  );
}
