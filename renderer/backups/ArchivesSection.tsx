import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { parsePeriod } from '../../shared/period';
import { api } from '../api';
import { type FormMessage, FormStatus, ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { useApi } from '../use-api';

type Archive = ProcedureOutput<'archives.list'>['archives'][number];

/**
 * The archives of closed periods (a manager's): one file per closed month or year, kept for the
 * legal period and never removed by the backups' rotation. Created here for a period already
 * closed; how many years they are kept is set here too.
 */
export function ArchivesSection() {
  const { t, i18n } = useTranslation();
  const listed = useApi(() => api.call('archives.list', {}), []);
  const policy = useApi(() => api.call('archives.getPolicy', {}), []);
  const [period, setPeriod] = useState('');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<FormMessage>(null);
  const [years, setYears] = useState<string | null>(null);
  const [kept, setKept] = useState<FormMessage>(null);
  const createdAt = (archive: Archive) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(archive.createdAt),
    );
  const keepUntil = (archive: Archive) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${archive.keepUntil}T00:00:00Z`),
    );

  function refusal(error: unknown, asked: string): string {
    if (error instanceof ApiError && error.params?.reason === 'not_closed') {
      return t('archives.notClosed', { period: asked });
    }
    return describeError(t, error);
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    const asked = period.trim();
    if (!parsePeriod(asked)) {
      setCreated({ tone: 'error', lines: [t('archives.periodFormat')] });
      return;
    }
    setCreating(true);
    setCreated(null);
    try {
      const { archive } = await api.call('archives.create', { period: asked });
      setCreated({ tone: 'ok', lines: [t('archives.created', { name: archive.name })] });
      listed.reload();
    } catch (error) {
      setCreated({ tone: 'error', lines: [refusal(error, asked)] });
    } finally {
      setCreating(false);
    }
  }

  async function saveYears(event: FormEvent) {
    event.preventDefault();
    const keepYears = Number(years ?? policy.value?.keepYears);
    if (!Number.isInteger(keepYears) || keepYears < 1 || keepYears > 99) {
      setKept({ tone: 'error', lines: [t('archives.keepYearsRange')] });
      return;
    }
    try {
      await api.call('archives.setPolicy', { keepYears });
      setKept({ tone: 'ok', lines: [t('archives.keepSaved', { count: keepYears })] });
      setYears(null);
      policy.reload();
      listed.reload();
    } catch (error) {
      setKept({ tone: 'error', lines: [describeError(t, error)] });
    }
  }

  const archives = listed.value?.archives ?? [];
  return (
    <section className="archives" aria-labelledby="archives-title">
      <h2 id="archives-title">{t('archives.title')}</h2>
      <p>{t('archives.intro')}</p>
      {listed.error !== null && <ProblemLine>{describeError(t, listed.error)}</ProblemLine>}
      <form className="archives__form" onSubmit={(event) => void create(event)} noValidate>
        <label htmlFor="archive-period">{t('archives.period')}</label>
        <input
          id="archive-period"
          value={period}
          onChange={(event) => setPeriod(event.target.value)}
          placeholder="2026-11"
          inputMode="numeric"
          autoComplete="off"
          aria-describedby="archive-period-hint"
        />
        <button type="submit" disabled={creating}>
          {creating ? t('archives.creating') : t('archives.create')}
        </button>
        <span id="archive-period-hint" className="archives__hint">
          {t('archives.periodHint')}
        </span>
      </form>
      <FormStatus message={created} />
      {listed.value && archives.length === 0 && (
        <p>{t('archives.none', { folder: listed.value.folder ?? '' })}</p>
      )}
      {archives.length > 0 && (
        <table className="backups__table archives__table">
          <thead>
            <tr>
              <th scope="col">{t('archives.period')}</th>
              <th scope="col">{t('archives.createdAt')}</th>
              <th scope="col">{t('archives.file')}</th>
              <th scope="col">{t('backups.size')}</th>
              <th scope="col">{t('archives.keepUntil')}</th>
            </tr>
          </thead>
          <tbody>
            {archives.map((archive) => (
              <tr key={archive.name}>
                <th scope="row">{archive.period.period}</th>
                <td>{createdAt(archive)}</td>
                <td className="archives__file">{archive.name}</td>
                <td>{t('backups.kilobytes', { count: Math.ceil(archive.bytes / 1024) })}</td>
                <td>{keepUntil(archive)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {policy.value && (
        <form className="archives__form" onSubmit={(event) => void saveYears(event)} noValidate>
          <label htmlFor="archive-keep-years">{t('archives.keepYears')}</label>
          <input
            id="archive-keep-years"
            type="number"
            min={1}
            max={99}
            value={years ?? String(policy.value.keepYears)}
            onChange={(event) => setYears(event.target.value)}
          />
          <button type="submit">{t('archives.saveKeepYears')}</button>
        </form>
      )}
      <FormStatus message={kept} />
    </section>
  );
}
