import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodKind } from '../../shared/period';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { DownloadLinks, type MadeFile } from './DownloadLinks';
import { type Approval, ManagerApproval, noApproval } from './ManagerApproval';
import { type Refusal, readRefusal } from './refusal';

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
  const [approval, setApproval] = useState<Approval>(noApproval);
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<MadeFile[] | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const id = `period-exports-${kind}-${period}`;

  async function make() {
    setBusy(true);
    setFiles(null);
    setRefusal(null);
    setProblem(null);
    try {
      const made = await api.call('accountant.export', {
        kind,
        period,
        ...(needsApproval ? { manager: approval } : {}),
      });
      setFiles(made.files);
      // The PIN approved this export only; the name stays for the next one.
      setApproval((current) => ({ ...current, pin: '' }));
    } catch (error) {
      const refused = readRefusal(error);
      setRefusal(refused);
      if (refused.approval === null) setProblem(describeError(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="z-exports" aria-labelledby={id}>
      <h3 id={id}>{t('accountant.export.title')}</h3>
      {needsApproval && (
        <ManagerApproval
          id={`${id}-approval`}
          value={approval}
          problem={refusal?.approval ?? null}
          onChange={setApproval}
        />
      )}
      <div className="settings__actions">
        <button type="button" className="button--secondary" disabled={busy} onClick={make}>
          {busy ? t('accountant.export.making') : t(`accountant.export.${kind}`, { period })}
        </button>
        {problem && <ProblemLine>{problem}</ProblemLine>}
      </div>
      {files && <DownloadLinks files={files} label={t('accountant.export.files')} />}
    </section>
  );
}
