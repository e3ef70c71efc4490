import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../shared/api/contract';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { useApi } from '../use-api';
import { ArchivesSection } from './ArchivesSection';

type Backup = ProcedureOutput<'backups.list'>['backups'][number];
type Report = ProcedureOutput<'backups.restore'>['report'];

type Step =
  | { kind: 'choosing' }
  | { kind: 'confirming'; backup: Backup }
  | { kind: 'restoring'; backup: Backup }
  | { kind: 'restored'; backup: Backup; report: Report }
  | { kind: 'failed'; message: string };

/**
 * The shop's backups, newest first, and the way back to one of them (a manager's): in safe mode
 * the banner leads here. A restore reopens the shop, so everyone signs in again afterwards.
 */
export function BackupsPage({ onRestored }: { onRestored(): void }) {
  const { t, i18n } = useTranslation();
  const listed = useApi(() => api.call('backups.list', {}), []);
  const [step, setStep] = useState<Step>({ kind: 'choosing' });
  const takenAt = (backup: Backup) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' }).format(
      new Date(backup.takenAt),
    );

  async function restore(backup: Backup) {
    setStep({ kind: 'restoring', backup });
    try {
      const { report } = await api.call('backups.restore', { name: backup.name });
      setStep({ kind: 'restored', backup, report });
      onRestored();
    } catch (error) {
      setStep({ kind: 'failed', message: describeError(t, error) });
    }
  }

  if (step.kind === 'restored') {
    return (
      <section className="backups" aria-labelledby="backups-title">
        <h1 id="backups-title">{t('backups.title')}</h1>
        <output className="status status--ok">
          {t('backups.restored', { takenAt: takenAt(step.backup) })}
        </output>
        {step.report.setAside && <p>{t('backups.setAside', { file: step.report.setAside })}</p>}
        {/* The shop reopened on the restored file: the screens start again from it. */}
        <button type="button" onClick={() => window.location.reload()}>
          {t('backups.signInAgain')}
        </button>
      </section>
    );
  }

  const { folder, backups } = listed.value ?? { folder: null, backups: [] };
  return (
    <section className="backups" aria-labelledby="backups-title">
      <h1 id="backups-title">{t('backups.title')}</h1>
      <p>{t('backups.intro')}</p>
      {listed.error !== null && <ProblemLine>{describeError(t, listed.error)}</ProblemLine>}
      {step.kind === 'failed' && <ProblemLine>{step.message}</ProblemLine>}
      {listed.loading && !listed.value && <p>{t('app.loading')}</p>}
      {listed.value && backups.length === 0 && (
        <p>{folder ? t('backups.none', { folder }) : t('backups.noneKept')}</p>
      )}
      {backups.length > 0 && (
        <table className="backups__table">
          <thead>
            <tr>
              <th scope="col">{t('backups.takenAt')}</th>
              <th scope="col">{t('backups.size')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('backups.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <tr key={backup.name}>
                <th scope="row">{takenAt(backup)}</th>
                <td>{t('backups.kilobytes', { count: Math.ceil(backup.bytes / 1024) })}</td>
                <td>
                  <button
                    type="button"
                    disabled={step.kind === 'restoring'}
                    onClick={() => setStep({ kind: 'confirming', backup })}
                    aria-label={t('backups.restoreThis', { takenAt: takenAt(backup) })}
                  >
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(step.kind === 'confirming' || step.kind === 'restoring') && (
        <div className="backups__confirm">
          <p>{t('backups.confirm', { takenAt: takenAt(step.backup) })}</p>
          <button
            type="button"
            disabled={step.kind === 'restoring'}
            onClick={() => void restore(step.backup)}
          >
            {step.kind === 'restoring' ? t('backups.restoring') : t('backups.confirmRestore')}
          </button>{' '}
          <button
            type="button"
            disabled={step.kind === 'restoring'}
            onClick={() => setStep({ kind: 'choosing' })}
          >
            {t('backups.cancel')}
          </button>
        </div>
      )}
      <ArchivesSection />
    </section>
  );
}
