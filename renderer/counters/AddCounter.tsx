import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../shared/api/contract';
import { api } from '../api';
import { type FormMessage, FormStatus } from '../components/FormStatus';
import { describeError } from '../errors';
import { useSecondTicks } from '../modems/use-modems';
import { codeGroups, minutesLeft } from './pairing-code';

export type PairingCode = ProcedureOutput<'counters.createPairingCode'>;

/**
 * "Add a counter": a one-time pairing code for the new counter, optionally with the till name it
 * will have, shown large in two groups of four with the minutes it has left and what to do with
 * it. `paired`: the counter that used it has joined (the list below shows it).
 */
export function AddCounter({
  url,
  code,
  paired,
  onCreated,
}: {
  /** Where counters join the hub; null while it is closed to the network. */
  url: string | null;
  code: PairingCode | null;
  paired: boolean;
  onCreated(code: PairingCode): void;
}) {
  const { t } = useTranslation();
  const [tillName, setTillName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessage>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const name = tillName.trim();
      onCreated(await api.call('counters.createPairingCode', name ? { tillName: name } : {}));
      setTillName('');
    } catch (error) {
      setMessage({ tone: 'error', lines: [describeError(t, error)] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="add-counter">
      <form onSubmit={create} noValidate aria-labelledby="add-counter-title">
        <h3 id="add-counter-title">{t('counters.add.title')}</h3>
        <p>{t('counters.add.intro')}</p>
        <div className="users-add">
          <div className="field">
            <label htmlFor="add-counter-till">{t('counters.add.tillName')}</label>
            <input
              id="add-counter-till"
              autoComplete="off"
              maxLength={30}
              placeholder={t('counters.add.tillNamePlaceholder')}
              value={tillName}
              onChange={(event) => setTillName(event.target.value)}
            />
          </div>
          <div className="settings__actions field">
            <button type="submit" disabled={busy}>
              {busy ? t('counters.add.creating') : t('counters.add.create')}
            </button>
          </div>
        </div>
        <FormStatus message={message} />
      </form>
      {code && <CodeCard code={code} url={url} paired={paired} />}
    </div>
  );
}

function CodeCard({
  code,
  url,
  paired,
}: {
  code: PairingCode;
  url: string | null;
  paired: boolean;
}) {
  const { t } = useTranslation();
  const now = useSecondTicks(!paired);
  const minutes = minutesLeft(code.expiresAt, now);
  if (paired) {
    return (
      <output className="pairing-code status status--ok">
        {t('counters.code.used', { till: code.tillName })}
      </output>
    );
  }
  if (minutes === 0) {
    return <p className="notice">{t('counters.code.expired', { till: code.tillName })}</p>;
  }
  const groups = codeGroups(code.code);
  return (
    <div className="pairing-code" data-testid="pairing-code">
      <p>{t('counters.code.for', { till: code.tillName })}</p>
      <p className="pairing-code__code">
        {groups.map((group, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a code's groups never move, and may repeat
          <span key={index}>{group}</span>
        ))}
      </p>
      <p className="pairing-code__expiry">{t('counters.code.expires', { count: minutes })}</p>
      <ol className="pairing-code__steps">
        <li>{url ? t('counters.code.stepOpen', { url }) : t('counters.code.stepOpenClosed')}</li>
        <li>{t('counters.code.stepCompare')}</li>
        <li>{t('counters.code.stepType')}</li>
      </ol>
    </div>
  );
}
