import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { LabelledField } from '../components/LabelledField';
import { describeError } from '../errors';

type SignedIn = ProcedureOutput<'auth.login'>;

export function SignInPage({
  demo,
  notice,
  onSignedIn,
}: {
  demo: boolean;
  /** Why the screen asks again (the counter locked itself). */
  notice: string | null;
  onSignedIn(session: SignedIn): void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function signIn(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      onSignedIn(await api.call('auth.login', { name, pin }));
    } catch (error) {
      setPin('');
      if (
        error instanceof ApiError &&
        (error.code === 'unauthorized' || error.code === 'invalid_input')
      ) {
        setProblem(t('signIn.wrong'));
      } else {
        setProblem(describeError(t, error));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="sign-in">
      <h1>{t('signIn.title')}</h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {demo && <p className="notice">{t('signIn.demoHint')}</p>}
      <form onSubmit={signIn}>
        <LabelledField id="sign-in-name" label={t('signIn.name')}>
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
        <LabelledField id="sign-in-pin" label={t('signIn.pin')}>
          {(control) => (
            <input
              {...control}
              type="password"
              inputMode="numeric"
              autoComplete="current-password"
              value={pin}
              onChange={(event) => setPin(event.target.value)}
            />
          )}
        </LabelledField>
        <div className="settings__actions">
          <button type="submit" disabled={busy}>
            {busy ? t('signIn.signingIn') : t('signIn.submit')}
          </button>
          {problem && <ProblemLine>{problem}</ProblemLine>}
        </div>
      </form>
    </section>
  );
}
