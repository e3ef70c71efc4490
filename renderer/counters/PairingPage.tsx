import type { TFunction } from 'i18next';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors';
import { api } from '../api';
import { LanguagePicker } from '../app/LanguagePicker';
import { ProblemLine } from '../components/FormStatus';
import { describeError } from '../errors';
import { PairingCodeField } from './PairingCodeField';
import { typedCode } from './pairing-code';

/** What the person at the new counter reads when the hub did not pair it. */
export function pairingRefusal(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'pairing_refused') return t('pairing.refused');
    if (error.code === 'rate_limited') {
      return t('pairing.tooManyTries', { count: Number(error.params?.retryAfter ?? 60) });
    }
    if (error.code === 'invalid_input') return t('pairing.codeShape');
  }
  return describeError(t, error);
}

/**
 * A browser on the shop's network that reached the hub but is not one of its counters (or no
 * longer is: `unpaired`): the pairing code a manager made on the hub turns it into one. The hub
 * answers with its device cookie; the page then starts again, at the sign-in.
 */
export function PairingPage({ unpaired }: { unpaired: boolean }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [paired, setPaired] = useState<string | null>(null);

  async function pair(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const code = typedCode(typed);
    if (code === null) {
      setError(t('pairing.codeShape'));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const { till } = await api.call('counters.pair', { code });
      setPaired(till.name);
      window.location.reload();
    } catch (refused) {
      setProblem(pairingRefusal(t, refused));
      setBusy(false);
    }
  }

  // The desktop app in counter mode holds its credential in its own process, not in this page:
  // it is paired again from there, never with a code typed here.
  if (window.comptoir) {
    return (
      <section className="pairing">
        <h1>{t('pairing.title')}</h1>
        <p className="notice" role="status">
          {t('pairing.unpairedApp')}
        </p>
      </section>
    );
  }

  return (
    <section className="pairing">
      <h1>{t('pairing.title')}</h1>
      {unpaired && (
        <p className="notice" role="status">
          {t('pairing.unpaired')}
        </p>
      )}
      <p>{t('pairing.intro', { hub: window.location.host })}</p>
      <form onSubmit={pair} noValidate>
        <PairingCodeField
          id="pairing-code"
          value={typed}
          error={error}
          autoFocus
          onChange={setTyped}
        />
        <div className="settings__actions">
          <button type="submit" disabled={busy || paired !== null}>
            {busy ? t('pairing.pairing') : t('pairing.pair')}
          </button>
          {problem && <ProblemLine>{problem}</ProblemLine>}
          {paired && (
            <output className="status status--ok">{t('pairing.paired', { till: paired })}</output>
          )}
        </div>
      </form>
    </section>
  );
}

/** The pairing screen in the app's frame: a browser not paired has nothing else to show. */
export function PairingScreen({ unpaired }: { unpaired: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="app">
      <header className="app__header">
        <span className="app__name">{t('app.name')}</span>
        <LanguagePicker />
      </header>
      <main className="app__main">
        <PairingPage unpaired={unpaired} />
      </main>
    </div>
  );
}

/**
 * The app while this browser is a paired counter; the pairing screen as soon as any call is
 * refused `device_unpaired` (a manager revoked it on the hub), saying so.
 */
export function PairedOnly({ children }: { children: ReactNode }) {
  const [unpaired, setUnpaired] = useState(false);
  useEffect(() => api.onDeviceUnpaired(() => setUnpaired(true)), []);
  return unpaired ? <PairingScreen unpaired /> : children;
}
