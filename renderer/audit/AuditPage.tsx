import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditEvent, type AuditFilter, auditKinds } from '../../shared/audit';
import type { ChainFinding } from '../../shared/books';
import { api } from '../api';
import { DateInput } from '../app/DateInput';
import { ProblemLine } from '../components/FormStatus';
import { DownloadLinks, type MadeFile } from '../day/DownloadLinks';
import { describeError } from '../errors';
import { todayIn, useFormat } from '../format';
import { useApi } from '../use-api';
import { fieldChanges } from './changes';

type Filter = Omit<AuditFilter, 'limit' | 'beforeSeq'>;

const pageSize = 50;

/**
 * The audit trail for a manager: every sensitive act, newest first, who did it at which till
 * and what it changed; filtered by kind, user and the shop's day; exported as CSV; its chain
 * checked (an entry changed outside Comptoir is named).
 */
export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const shop = useApi(() => api.call('shop.get', {}), []);
  const users = useApi(() => api.call('users.list', {}), []);
  const timeZone = shop.value?.profile?.timeZone ?? 'UTC';
  const [kind, setKind] = useState('');
  const [userId, setUserId] = useState('');
  const [day, setDay] = useState('');
  const [filter, setFilter] = useState<Filter>({});
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [more, setMore] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [finding, setFinding] = useState<ChainFinding | null>(null);
  const [files, setFiles] = useState<MadeFile[] | null>(null);
  const [busy, setBusy] = useState(false);

  const listed = useApi(() => api.call('audit.list', { ...filter, limit: pageSize }), [filter], {
    done: (value) => {
      setEvents(value.events);
      setMore(value.more);
    },
  });

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(describeError(t, error));
    } finally {
      setBusy(false);
    }
  }

  function show(event: FormEvent) {
    event.preventDefault();
    setFiles(null);
    setFilter({
      ...(kind !== '' && { kind: kind as AuditEvent['kind'] }),
      ...(userId !== '' && { userId: Number(userId) }),
      ...(day !== '' && { day }),
    });
  }

  const older = () =>
    run(async () => {
      const beforeSeq = events.at(-1)?.seq;
      const page = await api.call('audit.list', { ...filter, beforeSeq, limit: pageSize });
      setEvents((shown) => [...shown, ...page.events]);
      setMore(page.more);
    });
  const exportCsv = () => run(async () => setFiles((await api.call('audit.export', filter)).files));
  const verify = () =>
    run(async () => {
      setFinding(null);
      setFinding(await api.call('audit.verify', {}));
    });

  const who = (entry: AuditEvent) =>
    entry.approvedBy
      ? t('audit.approvedBy', { name: entry.actorName ?? '', manager: entry.approvedBy })
      : (entry.actorName ?? t('audit.system'));
  const subject = (entry: AuditEvent) =>
    entry.kind === 'auth.wrong_pin' && (entry.subject === 'sign_in' || entry.subject === 'approval')
      ? t(`audit.where.${entry.subject}`)
      : (entry.subject ?? '');

  return (
    <section className="audit" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <form className="audit__filters" onSubmit={show}>
        <label>
          {t('audit.kind')}
          <select value={kind} onChange={(event) => setKind(event.target.value)}>
            <option value="">{t('audit.allKinds')}</option>
            {auditKinds.map((each) => (
              <option key={each} value={each}>
                {t(`audit.kinds.${each}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.user')}
          <select value={userId} onChange={(event) => setUserId(event.target.value)}>
            <option value="">{t('audit.allUsers')}</option>
            {(users.value?.users ?? []).map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </label>
        <DateInput
          id="audit-day"
          label={t('audit.day')}
          max={todayIn(timeZone)}
          value={day}
          onChange={setDay}
        />
        <div className="settings__actions">
          <button type="submit">{t('audit.show')}</button>
          <button type="button" className="button--secondary" disabled={busy} onClick={exportCsv}>
            {t('audit.export')}
          </button>
          <button type="button" className="button--secondary" disabled={busy} onClick={verify}>
            {t('audit.verify')}
          </button>
        </div>
      </form>
      {problem !== null && <ProblemLine>{problem}</ProblemLine>}
      {listed.error !== null && <ProblemLine>{describeError(t, listed.error)}</ProblemLine>}
      {files && <DownloadLinks files={files} label={t('audit.exported')} />}
      {finding && (
        <div
          className={finding.ok ? 'status status--ok' : 'status status--error'}
          role="status"
          data-testid="audit-verify-result"
        >
          {finding.ok
            ? t('audit.chainOk', { count: finding.count })
            : t('audit.chainBroken', {
                number: finding.brokenAt,
                reason: t(`day.books.reason.${finding.reason}`),
              })}
        </div>
      )}
      {listed.value && events.length === 0 && <p>{t('audit.none')}</p>}
      {events.length > 0 && (
        <table className="audit__table">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.till')}</th>
              <th scope="col">{t('audit.subject')}</th>
              <th scope="col">{t('audit.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((entry) => (
              <tr key={entry.seq} data-testid="audit-entry">
                <td>{t('audit.at', format.dateTime(entry.at, timeZone))}</td>
                <th scope="row">{t(`audit.kinds.${entry.kind}`)}</th>
                <td>{who(entry)}</td>
                <td>{entry.tillName}</td>
                <td>{subject(entry)}</td>
                <td>
                  <ul className="audit__changes">
                    {fieldChanges(entry.before, entry.after).map((change) => (
                      <li key={change.field}>
                        <code>{change.field}</code>:{' '}
                        {t('audit.change', {
                          before: change.before ?? '—',
                          after: change.after ?? '—',
                        })}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more && (
        <button type="button" className="button--secondary" disabled={busy} onClick={older}>
          {t('audit.older')}
        </button>
      )}
    </section>
  );
}
