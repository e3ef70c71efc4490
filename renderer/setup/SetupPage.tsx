import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { describeError, describeIssue } from '../errors';
import { SettingsPage } from '../settings/SettingsPage';

type SignedIn = ProcedureOutput<'auth.setup'>;
type Field = 'name' | 'pin';

/**
 * First run, before the shop has any user: the shop profile is open to fill in, and the first
 * manager is created here (auth.setup), who is then signed in.
 */
export function SetupPage({ onSignedIn }: { onSignedIn(session: SignedIn): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field | 'again', string>>>({});
  const [problem, setProblem] = useState<string | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (pin !== again) {
      setErrors({ again: t('setup.pinsDiffer') });
      return;
    }
    setBusy(true);
    try {
      onSignedIn(await api.call('auth.setup', { name, pin }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_input' && error.issues) {
        const next: Partial<Record<Field, string>> = {};
        for (const issue of error.issues) {
          const field = issue.path === 'pin' ? 'pin' : 'name';
          next[field] ??= field === 'pin' ? t('setup.pinRule') : describeIssue(t, issue);
        }
        setErrors(next);
      } else if (error instanceof ApiError && error.code === 'conflict') {
        setProblem(t('setup.alreadyDone'));
      } else {
        setProblem(describeError(t, error));
      }
    } finally {
      setBusy(false);
    }
  }

  const field = (id: Field | 'again', label: string, input: ReactNode) => (
    <div className={errors[id] ? 'field field--invalid' : 'field'}>
      <label htmlFor={`setup-${id}`}>{label}</label>
      {input}
      {errors[id] && (
        <p className="field__error" id={`setup-${id}-error`}>
          {errors[id]}
        </p>
      )}
    </div>
  );
  const invalid = (id: Field | 'again') => ({
    'aria-invalid': errors[id] ? true : undefined,
    'aria-describedby': errors[id] ? `setup-${id}-error` : undefined,
  });

  return (
    <>
      <section className="setup">
        <h1>{t('setup.title')}</h1>
        <p>{t('setup.intro')}</p>
        <form onSubmit={create} noValidate>
          {field(
            'name',
            t('signIn.name'),
            <input
              id="setup-name"
              autoComplete="username"
              value={name}
              onChange={(event) => setName(event.target.value)}
              {...invalid('name')}
            />,
          )}
          {field(
            'pin',
            t('signIn.pin'),
            <input
              id="setup-pin"
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              value={pin}
              onChange={(event) => setPin(event.target.value)}
              {...invalid('pin')}
            />,
          )}
          {field(
            'again',
            t('setup.pinAgain'),
            <input
              id="setup-again"
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              value={again}
              onChange={(event) => setAgain(event.target.value)}
              {...invalid('again')}
            />,
          )}
          <div className="settings__actions">
            <button type="submit" disabled={busy}>
              {t('setup.create')}
            </button>
            {problem && <ProblemLine>{problem}</ProblemLine>}
          </div>
        </form>
      </section>
      <SettingsPage />
    </>
  );
}
