import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors';
import type { HqProcedureOutput } from '../../shared/api/hq-contract';
import { ProblemLine } from '../components/FormStatus';
import { LabelledField } from '../components/LabelledField';
import { describeError, describeIssue } from '../errors';
import { hq } from './hq-api';

export type StaffSession = HqProcedureOutput<'staff.login'>;

/**
 * The head office's door: its first account while it has none (staff.setup, which then signs it
 * in), else the sign-in by name and password.
 */
export function StaffSignIn({
  firstAccount,
  notice,
  onSignedIn,
}: {
  firstAccount: boolean;
  notice: string | null;
  onSignedIn(session: StaffSession): void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ name?: string; password?: string; again?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [alreadyMade, setAlreadyMade] = useState(false);
  const setup = firstAccount && !alreadyMade;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setErrors({});
    if (setup && password !== again) {
      setErrors({ again: t('headOffice.signIn.passwordsDiffer') });
      return;
    }
    setBusy(true);
    try {
      onSignedIn(
        await (setup
          ? hq.call('staff.setup', { name, password })
          : hq.call('staff.login', { name, password })),
      );
    } catch (error) {
      setPassword('');
      setAgain('');
      if (setup && error instanceof ApiError && error.code === 'invalid_input' && error.issues) {
        const next: typeof errors = {};
        for (const issue of error.issues) {
          if (issue.path === 'password') next.password = t('headOffice.signIn.passwordRule');
          else next.name ??= describeIssue(t, issue);
        }
        setErrors(next);
      } else if (setup && error instanceof ApiError && error.code === 'conflict') {
        setAlreadyMade(true);
        setProblem(t('headOffice.signIn.alreadyMade'));
      } else if (
        error instanceof ApiError &&
        (error.code === 'unauthorized' || error.code === 'invalid_input')
      ) {
        setProblem(t('headOffice.signIn.wrong'));
      } else {
        setProblem(describeError(t, error));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="sign-in">
      <h1>{setup ? t('headOffice.signIn.setupTitle') : t('headOffice.signIn.title')}</h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {setup && <p>{t('headOffice.signIn.setupIntro')}</p>}
      <form onSubmit={submit} noValidate>
        <LabelledField id="hq-name" label={t('headOffice.signIn.name')} error={errors.name}>
          {(control) => (
            <input
              {...control}
              autoComplete="username"
              // biome-ignore lint/a11y/noAutofocus: the one thing to do on this screen
              autoFocus
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </LabelledField>
        <LabelledField
          id="hq-password"
          label={t('headOffice.signIn.password')}
          hint={setup ? t('headOffice.signIn.passwordRule') : undefined}
          error={errors.password}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete={setup ? 'new-password' : 'current-password'}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </LabelledField>
        {setup && (
          <LabelledField
            id="hq-password-again"
            label={t('headOffice.signIn.passwordAgain')}
            error={errors.again}
          >
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="new-password"
                value={again}
                onChange={(event) => setAgain(event.target.value)}
              />
            )}
          </LabelledField>
        )}
        <div className="settings__actions">
          <button type="submit" disabled={busy}>
            {busy
              ? t('headOffice.signIn.signingIn')
              : setup
                ? t('headOffice.signIn.create')
                : t('headOffice.signIn.submit')}
          </button>
          {problem && <ProblemLine>{problem}</ProblemLine>}
        </div>
      </form>
    </section>
  );
}
