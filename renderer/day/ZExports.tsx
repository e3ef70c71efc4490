import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { DownloadLinks, type MadeFile } from './DownloadLinks';
import { ManagerApproval } from './ManagerApproval';
import { useApprovedExport } from './use-approved-export';

const formats = ['csv', 'pdf'] as const;
type ExportFormat = (typeof formats)[number];

/**
 * A Z report for the accountant: its sales and summary as CSV, or the report as PDF (80 mm and
 * A4). The files come to the browser, which saves them; on a clerk's screen a manager approves.
 */
export function ZExports({ zNumber, needsApproval }: { zNumber: number; needsApproval: boolean }) {
  const { t } = useTranslation();
  const exporting = useApprovedExport(needsApproval);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [made, setMade] = useState<{ format: ExportFormat; files: MadeFile[] } | null>(null);

  async function make(format: ExportFormat) {
    setBusy(format);
    setMade(null);
    const files = await exporting.run((manager) =>
      api.call('day.export', { zNumber, format, ...manager }),
    );
    if (files) setMade({ format, files });
    setBusy(null);
  }

  return (
    <section className="z-exports" aria-labelledby={`z-exports-${zNumber}`}>
      <h3 id={`z-exports-${zNumber}`}>{t('day.export.title')}</h3>
      {needsApproval && (
        <ManagerApproval
          id={`z-export-approval-${zNumber}`}
          value={exporting.approval}
          problem={exporting.approvalProblem}
          onChange={exporting.setApproval}
        />
      )}
      <div className="settings__actions">
        {formats.map((format) => (
          <button
            key={format}
            type="button"
            className="button--secondary"
            disabled={busy !== null}
            onClick={() => make(format)}
          >
            {busy === format ? t('day.export.making') : t(`day.export.${format}`)}
          </button>
        ))}
        {exporting.problem && <ProblemLine>{exporting.problem}</ProblemLine>}
      </div>
      {made && <DownloadLinks files={made.files} label={t(`day.export.files.${made.format}`)} />}
    </section>
  );
}
