import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodKind } from '../../shared/period';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { DownloadLinks, type MadeFile } from './DownloadLinks';
import { ManagerApproval } from './ManagerApproval';
import { useApprovedExport } from './use-approved-export';

/**
 * A closed month's or year's sales journal and its summary for the accountant, in one click from
 * its closure: the files come to the browser, which saves them; on a clerk's screen a manager
 * approves.
 */
export function PeriodExports({
  kind,
  period,
  needsApproval,
}: {
  kind: PeriodKind;
  period: string;
  needsApproval: boolean;
}) {
  const { t } = useTranslation();
  const exporting = useApprovedExport(needsApproval);
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<MadeFile[] | null>(null);
  const id = `period-exports-${kind}-${period}`;

  async function make() {
    setBusy(true);
    setFiles(null);
    setFiles(
      await exporting.run((manager) => api.call('accountant.export', { kind, period, ...manager })),
    );
    setBusy(false);
  }

  return (
    <section className="z-exports" aria-labelledby={id}>
      <h3 id={id}>{t('accountant.export.title')}</h3>
      {needsApproval && (
        <ManagerApproval
          id={`${id}-approval`}
          value={exporting.approval}
          problem={exporting.approvalProblem}
          onChange={exporting.setApproval}
        />
      )}
      <div className="settings__actions">
        <button type="button" className="button--secondary" disabled={busy} onClick={make}>
          {busy ? t('accountant.export.making') : t(`accountant.export.${kind}`, { period })}
        </button>
        {exporting.problem && <ProblemLine>{exporting.problem}</ProblemLine>}
      </div>
      {files && <DownloadLinks files={files} label={t('accountant.export.files')} />}
    </section>
  );
}
