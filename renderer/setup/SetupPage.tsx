import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { LabelledField } from '../components/LabelledField';
import { JoinHub } from '../counters/JoinHub';
import { describeError, describeIssue } from '../errors';
import { SettingsPage } from '../settings/SettingsPage';

type SignedIn = ProcedureOutput<'auth.setup'>;
type Field = 'name' | 'pin';

/** What this PC is for: the shop's hub (it holds the modems) or a counter of a hub. */
type Purpose = 'hub' | 'counter';

/**
 * First run, before the shop has any user. This PC holds the modems: the shop profile is open to
 * fill in, and the first manager is created here (auth.setup), who is then signed in. Or it joins
 * a hub as one more counter (JoinHub).
 */
export function SetupPage({ onSignedIn }: { onSignedIn(session: SignedIn): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field | 'again', string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [role, setRole] = useState<Purpose>('hub');

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

  return (
    <>
      <section className="setup">
        <h1>{role === 'hub' ? t('setup.title') : t('counterMode.join.title')}</h1>
        <fieldset className="setup__role">
          <legend>{t('counterMode.firstRun.question')}</legend>
          {(['hub', 'counter'] as const).map((choice) => (
            <label key={choice} className="setup__choice">
              <input
                className="setup__radio"
                type="radio"
                name="setup-role"
                value={choice}
                checked={role === choice}
                onChange={() => setRole(choice)}
              />
              <span>
                <strong>{t(`counterMode.firstRun.${choice}`)}</strong>
                <span className="field__hint">{t(`counterMode.firstRun.${choice}Hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {role === 'counter' && <JoinHub />}
        {role === 'hub' && <p>{t('setup.intro')}</p>}
        {role === 'hub' && (
          <form onSubmit={create} noValidate>
            <LabelledField id="setup-name" label={t('signIn.name')} error={errors.name}>
              {(control) => (
                <input
                  {...control}
                  autoComplete="username"
                  value={name}
                  onChange={(event) => setName(event.target.value)}
                />
              )}
            </LabelledField>
            <LabelledField id="setup-pin" label={t('signIn.pin')} error={errors.pin}>
              {(control) => (
                <input
                  {...control}
                  type="password"
                  inputMode="numeric"
                  autoComplete="new-password"
                  value={pin}
                  onChange={(event) => setPin(event.target.value)}
                />
              )}
            </LabelledField>
            <LabelledField id="setup-again" label={t('setup.pinAgain')} error={errors.again}>
              {(control) => (
                <input
                  {...control}
                  type="password"
                  inputMode="numeric"
                  autoComplete="new-password"
                  value={again}
                  onChange={(event) => setAgain(event.target.value)}
                />
              )}
            </LabelledField>
            <div className="settings__actions">
              <button type="submit" disabled={busy}>
                {t('setup.create')}
              </button>
              {problem && <ProblemLine>{problem}</ProblemLine>}
            </div>
          </form>
        )}
      </section>
      {role === 'hub' && <SettingsPage />}
    </>
  );
}
