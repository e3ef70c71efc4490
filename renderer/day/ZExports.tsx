import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { DownloadLinks, type MadeFile } from './DownloadLinks';
import { type Approval, ManagerApproval, noApproval } from './ManagerApproval';
import { type Refusal, readRefusal } from './refusal';

const formats = ['csv', 'pdf'] as const;
type ExportFormat = (typeof formats)[number];

/**
 * A Z report for the accountant: its sales and summary as CSV, or the report as PDF (80 mm and
 * A4). The files come to the browser, which saves them; on a clerk's screen a manager approves.
 */
export function ZExports({ zNumber, needsApproval }: { zNumber: number; needsApproval: boolean }) {
  const { t } = useTranslation();
  const [approval, setApproval] = useState<Approval>(noApproval);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [made, setMade] = useState<{ format: ExportFormat; files: MadeFile[] } | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function make(format: ExportFormat) {
    setBusy(format);
    setMade(null);
    setRefusal(null);
    setProblem(null);
    try {
      const { files } = await api.call('day.export', {
        zNumber,
        format,
        ...(needsApproval ? { manager: approval } : {}),
      });
      setMade({ format, files });
      // The PIN approved this export only; the name stays for the next one.
      setApproval((current) => ({ ...current, pin: '' }));
    } catch (error) {
      const refused = readRefusal(error);
      setRefusal(refused);
      if (refused.approval === null) setProblem(describeError(t, error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="z-exports" aria-labelledby={`z-exports-${zNumber}`}>
      <h3 id={`z-exports-${zNumber}`}>{t('day.export.title')}</h3>
      {needsApproval && (
        <ManagerApproval
          id={`z-export-approval-${zNumber}`}
          value={approval}
          problem={refusal?.approval ?? null}
          onChange={setApproval}
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
        {problem && <ProblemLine>{problem}</ProblemLine>}
      </div>
      {made && <DownloadLinks files={made.files} label={t(`day.export.files.${made.format}`)} />}
    </section>
  );
}
