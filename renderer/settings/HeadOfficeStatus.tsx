import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fingerprintGroups } from '../../shared/counters';
import type { SyncStatus } from '../../shared/head-office';
import { api } from '../api';
import { type FormMessage, FormStatus } from '../components/FormStatus';
import { describeError } from '../errors';
import { refusedFactText, stuckReason } from './sync-text';

/** Why the last attempt failed, in words, by the code the shop kept (electron/head-office/link.ts). */
const failureKeys = {
  no_answer: 'sync.failures.no_answer',
  timeout: 'sync.failures.timeout',
  not_tls: 'sync.failures.not_tls',
  certificate_changed: 'sync.failures.certificate_changed',
  untrusted_certificate: 'sync.failures.untrusted_certificate',
  credential_refused: 'sync.failures.credential_refused',
  credential_unreadable: 'sync.failures.credential_unreadable',
  enrolment_refused: 'sync.failures.enrolment_refused',
  refused: 'sync.failures.refused',
  server_error: 'sync.failures.server_error',
  bad_answer: 'sync.failures.bad_answer',
  failed: 'sync.failures.failed',
} as const;

/** The link can no longer be used: the manager enrols the shop again (sync.ts allows it then). */
export const mustEnrolAgain = (status: SyncStatus) =>
  status.lastError?.code === 'credential_refused' ||
  status.lastError?.code === 'credential_unreadable';

export function failureWords(t: TFunction, code: string): string {
  const key = Object.hasOwn(failureKeys, code)
    ? failureKeys[code as keyof typeof failureKeys]
    : failureKeys.failed;
  return t(key);
}

/** How long ago `instant` was, in the largest whole unit that reads well. */
function ageOf(t: TFunction, instant: string, nowMs: number): string {
  const minutes = Math.max(0, Math.floor((nowMs - Date.parse(instant)) / 60_000));
  if (minutes < 60) return t('sync.age.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('sync.age.hours', { count: hours });
  return t('sync.age.days', { count: Math.floor(hours / 24) });
}

/**
 * The Sync status of an enrolled shop, for its manager: which head office, the last success,
 * the facts waiting (and how old the oldest is: how long the shop has been out of touch), the
 * last error in words, the fact the head office refuses (which blocks those after it), the next
 * attempt, the catalog version received and applied and a change stuck, and **Send now**.
 */
export function HeadOfficeStatus({
  status,
  when,
  onChanged,
}: {
  status: SyncStatus;
  /** An instant in the shop's zone. */
  when(instant: string): string;
  onChanged(status: SyncStatus): void;
}) {
  const { t } = useTranslation();
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<FormMessage>(null);
  const { headOffice, lastError, catalog } = status;
  if (!headOffice) return null;
  const refused = status.refusedFact ? refusedFactText(t, status.refusedFact, when) : null;

  async function send() {
    setSending(true);
    setMessage(null);
    try {
      const after = await api.call('sync.send', {});
      onChanged(after);
      // This attempt failed when the last error is from it (an ISO instant: compared as text).
      const failed =
        after.lastError !== null &&
        after.lastAttemptAt !== null &&
        after.lastError.at >= after.lastAttemptAt;
      setMessage(
        failed && after.lastError
          ? {
              tone: 'error',
              lines: [t('sync.unreachable', { reason: failureWords(t, after.lastError.code) })],
            }
          : { tone: 'ok', lines: [t('sync.status.sent')] },
      );
    } catch (error) {
      setMessage({ tone: 'error', lines: [describeError(t, error)] });
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="head-office__status">
      <h3 id="head-office-status-title">{t('sync.status.title')}</h3>
      <dl className="summary" aria-labelledby="head-office-status-title">
        <dt>{t('sync.status.shop')}</dt>
        <dd>{t('sync.status.shopAt', { shop: headOffice.shopName, url: headOffice.url })}</dd>
        {headOffice.fingerprint && (
          <>
            <dt>{t('sync.status.fingerprint')}</dt>
            <dd className="head-office__fingerprint">
              {fingerprintGroups(headOffice.fingerprint.toUpperCase()).join(' ')}
            </dd>
          </>
        )}
        <dt>{t('sync.status.enrolledAt')}</dt>
        <dd>{when(headOffice.enrolledAt)}</dd>
        <dt>{t('sync.status.lastSuccess')}</dt>
        <dd data-testid="sync-last-success">
          {status.lastSuccessAt ? when(status.lastSuccessAt) : t('sync.status.never')}
        </dd>
        <dt>{t('sync.status.backlog')}</dt>
        <dd data-testid="sync-backlog">
          {status.backlog === 0 || !status.oldestPendingAt
            ? t('sync.status.backlogNone')
            : t('sync.status.waiting', {
                count: status.backlog,
                age: ageOf(t, status.oldestPendingAt, Date.now()),
              })}
        </dd>
        <dt>{t('sync.status.lastError')}</dt>
        <dd data-testid="sync-last-error">
          {lastError
            ? t('sync.status.lastErrorAt', {
                when: when(lastError.at),
                words: failureWords(t, lastError.code),
              })
            : t('sync.status.noError')}
        </dd>
        {status.nextAttemptAt && (
          <>
            <dt>{t('sync.status.nextAttempt')}</dt>
            <dd>{when(status.nextAttemptAt)}</dd>
          </>
        )}
        <dt>{t('sync.status.catalog')}</dt>
        <dd data-testid="sync-catalog">
          {t('sync.status.catalogVersions', {
            received: catalog.received,
            applied: catalog.applied,
          })}
        </dd>
      </dl>
      {refused && (
        <div role="alert" data-testid="sync-refused-fact">
          <h4>{t('sync.status.refusedTitle')}</h4>
          <p>{refused.summary}</p>
          <ul>
            {refused.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
      {catalog.managed && <p>{t('sync.status.managed')}</p>}
      {catalog.stuck && (
        <p role="alert" data-testid="sync-catalog-stuck">
          {t('sync.status.stuck', {
            version: catalog.stuck.version,
            message: stuckReason(t, catalog.stuck),
          })}
        </p>
      )}
      {catalog.scheduled.map((change) => (
        <p key={change.version}>
          {t('sync.status.scheduled', {
            version: change.version,
            when: change.effectiveFrom.replace('T', ' '),
          })}
        </p>
      ))}
      <div className="settings__actions">
        <button type="button" onClick={send} disabled={sending}>
          {sending ? t('sync.status.sending') : t('sync.status.send')}
        </button>
        <FormStatus message={message} />
      </div>
    </div>
  );
}
