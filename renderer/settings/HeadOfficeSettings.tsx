import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors';
import type { SyncStatus } from '../../shared/head-office';
import { api } from '../api';
import { type FormMessage, FormStatus } from '../components/FormStatus';
import { LabelledField } from '../components/LabelledField';
import { describeError } from '../errors';
import { useShopTime } from '../modems/use-modems';
import { useApi } from '../use-api';
import { enrolmentRefusal } from './enrolment-refusal';
import { failureWords, HeadOfficeStatus, mustEnrolAgain } from './HeadOfficeStatus';

/** How often the Sync status is read again while the screen shows. */
const readEveryMs = 15_000;

type Field = 'url' | 'code' | 'fingerprint';
const fields: readonly Field[] = ['url', 'code', 'fingerprint'];

/** A field's problem in words, by the issue's code (electron/head-office/address.ts, sync.ts). */
const issueKeys = {
  head_office_url: 'sync.issues.head_office_url',
  tls_required: 'sync.issues.tls_required',
  fingerprint_without_tls: 'sync.issues.fingerprint_without_tls',
  enrolment_code: 'sync.issues.enrolment_code',
} as const;

/** What the enrolment's refusal says, on its field or for the form. */
function refusalOf(t: TFunction, error: unknown) {
  const problems: Partial<Record<Field, string>> = {};
  if (error instanceof ApiError && error.code === 'invalid_input' && error.issues) {
    for (const issue of error.issues) {
      const field = fields.find((each) => each === issue.path.split('.')[0]);
      if (!field) continue;
      problems[field] = Object.hasOwn(issueKeys, issue.code)
        ? t(issueKeys[issue.code as keyof typeof issueKeys])
        : field === 'fingerprint'
          ? t('sync.issues.fingerprint')
          : t('sync.issues.enrolment_code');
    }
    return { problems, message: null };
  }
  if (error instanceof ApiError && error.code === 'enrolment_refused') {
    return { problems, message: enrolmentRefusal(t, error.params) };
  }
  if (error instanceof ApiError && error.code === 'unreachable') {
    const reason = failureWords(t, String(error.params?.reason ?? 'no_answer'));
    return { problems, message: t('sync.unreachable', { reason }) };
  }
  return { problems, message: describeError(t, error) };
}

function EnrolForm({
  again,
  onEnrolled,
}: {
  /** The shop is enrolled, but its link can no longer be used. */
  again: boolean;
  onEnrolled(status: SyncStatus): void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Record<Field, string>>({ url: '', code: '', fingerprint: '' });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<FormMessage>(null);
  const [busy, setBusy] = useState(false);

  async function enrol(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblems({});
    setMessage(null);
    try {
      const fingerprint = form.fingerprint.trim();
      const status = await api.call('sync.enrol', {
        url: form.url.trim(),
        code: form.code.trim(),
        fingerprint: fingerprint === '' ? null : fingerprint,
      });
      onEnrolled(status);
    } catch (error) {
      const refused = refusalOf(t, error);
      setProblems(refused.problems);
      if (refused.message) setMessage({ tone: 'error', lines: [refused.message] });
    } finally {
      setBusy(false);
    }
  }

  const field = (name: Field, label: string, hint: string) => (
    <LabelledField id={`head-office-${name}`} label={label} hint={hint} error={problems[name]}>
      {(control) => (
        <input
          {...control}
          type="text"
          autoComplete="off"
          spellCheck={false}
          inputMode={name === 'url' ? 'url' : 'text'}
          value={form[name]}
          onChange={(event) => setForm({ ...form, [name]: event.target.value })}
        />
      )}
    </LabelledField>
  );

  return (
    <form onSubmit={enrol} noValidate aria-labelledby="head-office-enrol-title">
      <h3 id="head-office-enrol-title">
        {again ? t('sync.enrol.againTitle') : t('sync.enrol.title')}
      </h3>
      <p>{again ? t('sync.enrol.againIntro') : t('sync.enrol.intro')}</p>
      {field('url', t('sync.enrol.url'), t('sync.enrol.urlHint'))}
      {field('code', t('sync.enrol.code'), t('sync.enrol.codeHint'))}
      {field('fingerprint', t('sync.enrol.fingerprint'), t('sync.enrol.fingerprintHint'))}
      <div className="settings__actions">
        <button type="submit" disabled={busy}>
          {busy ? t('sync.enrol.submitting') : t('sync.enrol.submit')}
        </button>
        <FormStatus message={message} />
      </div>
    </form>
  );
}

/**
 * Settings → Head office (a manager's): the enrolment form until the shop is enrolled at its
 * chain's head office, then the Sync status, read again while it shows.
 */
export function HeadOfficeSettings() {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [enrolledAs, setEnrolledAs] = useState<string | null>(null);
  const read = useApi(() => api.call('sync.getStatus', {}), [], { done: setStatus });
  const reload = read.reload;
  useEffect(() => {
    const timer = setInterval(reload, readEveryMs);
    return () => clearInterval(timer);
  }, [reload]);
  const when = (instant: string) => shopTime?.(instant) ?? '';
  const enrolled = (answer: SyncStatus) => {
    setStatus(answer);
    setEnrolledAs(answer.headOffice?.shopName ?? null);
  };

  return (
    <section className="settings head-office" aria-labelledby="head-office-title">
      <h2 id="head-office-title">{t('sync.title')}</h2>
      <p>{t('sync.intro')}</p>
      {read.error !== null && (
        <FormStatus message={{ tone: 'error', lines: [describeError(t, read.error)] }} />
      )}
      {enrolledAs && (
        <FormStatus message={{ tone: 'ok', lines: [t('sync.enrol.done', { shop: enrolledAs })] }} />
      )}
      {status && !status.headOffice && (
        <>
          {status.backlog > 0 && <p>{t('sync.status.notEnrolled', { count: status.backlog })}</p>}
          <EnrolForm again={false} onEnrolled={enrolled} />
        </>
      )}
      {status?.headOffice && <HeadOfficeStatus status={status} when={when} onChanged={setStatus} />}
      {status?.headOffice && mustEnrolAgain(status) && <EnrolForm again onEnrolled={enrolled} />}
    </section>
  );
}
