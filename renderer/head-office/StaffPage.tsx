import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors';
import { type FormMessage, FormStatus } from '../components/FormStatus';
import { LabelledField } from '../components/LabelledField';
import { describeError, describeIssue } from '../errors';
import { useApi } from '../use-api';
import { hq } from './hq-api';
import { useShopTime } from './shop-time';

/** The head office's accounts, and a new one added (staff.list, staff.create). */
export function StaffPage() {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const staff = useApi(() => hq.call('staff.list', {}), []);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ name?: string; password?: string }>({});
  const [message, setMessage] = useState<FormMessage>(null);
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      const made = await hq.call('staff.create', { name, password });
      setName('');
      setPassword('');
      setMessage({ tone: 'ok', lines: [t('headOffice.staff.added', { name: made.name })] });
      staff.reload();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_input' && error.issues) {
        const next: typeof errors = {};
        for (const issue of error.issues) {
          if (issue.path === 'password') next.password = t('headOffice.signIn.passwordRule');
          else next.name ??= describeIssue(t, issue);
        }
        setErrors(next);
      } else if (error instanceof ApiError && error.code === 'conflict') {
        setErrors({ name: t('headOffice.staff.nameTaken') });
      } else {
        setMessage({ tone: 'error', lines: [describeError(t, error)] });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="hq-staff">
      <h1>{t('headOffice.staff.title')}</h1>
      {staff.error !== null && (
        <FormStatus message={{ tone: 'error', lines: [describeError(t, staff.error)] }} />
      )}
      {staff.value && (
        <table className="hq-table">
          <caption className="visually-hidden">{t('headOffice.staff.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('headOffice.signIn.name')}</th>
              <th scope="col">{t('headOffice.staff.since')}</th>
            </tr>
          </thead>
          <tbody>
            {staff.value.staff.map((member) => (
              <tr key={member.name}>
                <th scope="row">{member.name}</th>
                <td>{shopTime(member.createdAt, zone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={add} noValidate aria-labelledby="hq-staff-add" className="hq-new-shop">
        <h2 id="hq-staff-add">{t('headOffice.staff.add')}</h2>
        <LabelledField id="hq-staff-name" label={t('headOffice.signIn.name')} error={errors.name}>
          {(control) => (
            <input
              {...control}
              autoComplete="off"
              maxLength={80}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </LabelledField>
        <LabelledField
          id="hq-staff-password"
          label={t('headOffice.signIn.password')}
          hint={t('headOffice.signIn.passwordRule')}
          error={errors.password}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </LabelledField>
        <div className="settings__actions">
          <button type="submit" disabled={busy}>
            {t('headOffice.staff.submit')}
          </button>
          <FormStatus message={message} />
        </div>
      </form>
    </section>
  );
}
