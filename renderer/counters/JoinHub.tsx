import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { api } from '../api';
import { ProblemLine } from '../components/FormStatus';
import { LabelledField } from '../components/LabelledField';
import { describeError } from '../errors';
import { FingerprintGrid } from './FingerprintGrid';
import { PairingCodeField } from './PairingCodeField';
import { pairingRefusal } from './PairingPage';
import { typedCode } from './pairing-code';

type Hub = ProcedureOutput<'counters.inspectHub'>;

/** Why the hub at the address typed could not be inspected, in words. */
function inspectRefusal(t: TFunction, error: unknown, address: string): string {
  if (error instanceof ApiError && error.code === 'unreachable') {
    return t('counterMode.join.unreachable', { address });
  }
  if (error instanceof ApiError && error.code === 'invalid_input') {
    return t('counterMode.join.badAddress');
  }
  if (error instanceof ApiError && error.code === 'forbidden') return t('counterMode.join.notHere');
  return describeError(t, error);
}

/** Why the hub did not take this PC as a counter, in words. */
function joinRefusal(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.code === 'pairing_refused') {
    return t('counterMode.join.refused');
  }
  if (error instanceof ApiError && error.code === 'conflict') return t('counterMode.join.hasShop');
  return pairingRefusal(t, error);
}

/**
 * A first run that joins a hub: its address, then its certificate's fingerprint to compare with
 * the hub's screen, then the pairing code. The app then starts again as a counter (its shell
 * does it): no database, no modems of its own.
 */
export function JoinHub() {
  const { t } = useTranslation();
  const [address, setAddress] = useState('');
  const [hub, setHub] = useState<Hub | null>(null);
  const [typed, setTyped] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [joined, setJoined] = useState<string | null>(null);

  async function inspect(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setHub(null);
    setBusy(true);
    try {
      setHub(await api.call('counters.inspectHub', { address: address.trim() }));
    } catch (error) {
      setProblem(inspectRefusal(t, error, address.trim()));
    } finally {
      setBusy(false);
    }
  }

  async function join(event: FormEvent) {
    event.preventDefault();
    if (!hub) return;
    setProblem(null);
    const code = typedCode(typed);
    if (code === null) {
      setCodeError(t('pairing.codeShape'));
      return;
    }
    setCodeError(null);
    setBusy(true);
    try {
      const { till } = await api.call('counters.join', {
        url: hub.url,
        code,
        fingerprint: hub.fingerprint,
      });
      setJoined(till.name);
    } catch (error) {
      setProblem(joinRefusal(t, error));
    } finally {
      setBusy(false);
    }
  }

  if (joined) {
    return (
      <output className="join-hub__done status status--ok">
        {t('counterMode.join.joined', { till: joined })}
      </output>
    );
  }

  return (
    <div className="join-hub">
      <p>{t('counterMode.join.intro')}</p>
      <form onSubmit={inspect} noValidate>
        <LabelledField
          id="join-address"
          label={t('counterMode.join.address')}
          hint={t('counterMode.join.addressHint')}
        >
          {(control) => (
            <input
              {...control}
              autoComplete="off"
              spellCheck={false}
              inputMode="url"
              value={address}
              onChange={(event) => {
                setAddress(event.target.value);
                setHub(null);
              }}
            />
          )}
        </LabelledField>
        <div className="settings__actions">
          <button type="submit" disabled={busy || address.trim() === ''}>
            {busy && !hub ? t('counterMode.join.reaching') : t('counterMode.join.reach')}
          </button>
        </div>
      </form>
      {hub && (
        <form onSubmit={join} noValidate aria-labelledby="join-compare-title">
          <h2 id="join-compare-title">{t('counterMode.join.compareTitle', { url: hub.url })}</h2>
          <FingerprintGrid groups={hub.fingerprintGroups} hint={t('counterMode.join.compare')} />
          <PairingCodeField id="join-code" value={typed} error={codeError} onChange={setTyped} />
          <div className="settings__actions">
            <button type="submit" disabled={busy}>
              {busy ? t('counterMode.join.joining') : t('counterMode.join.join')}
            </button>
          </div>
        </form>
      )}
      {problem && <ProblemLine>{problem}</ProblemLine>}
    </div>
  );
}
