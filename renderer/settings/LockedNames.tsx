import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { type FormMessage, FormStatus } from '../components/FormStatus';
import { describeError } from '../errors';
import { useApi } from '../use-api';

/**
 * The names locked after too many wrong PINs in a row, each with its Unlock button (a manager
 * only: the settings are theirs).
 */
export function LockedNames() {
  const { t } = useTranslation();
  const locked = useApi(() => api.call('users.listLocked', {}), []);
  const [message, setMessage] = useState<FormMessage>(null);
  const [busy, setBusy] = useState(false);

  async function unlock(name: string) {
    setBusy(true);
    setMessage(null);
    try {
      await api.call('users.unlock', { name });
      setMessage({ tone: 'ok', lines: [t('lockedNames.unlocked', { name })] });
    } catch (error) {
      setMessage({ tone: 'error', lines: [describeError(t, error)] });
    } finally {
      setBusy(false);
      locked.reload();
    }
  }

  const names = locked.value?.names;
  return (
    <section className="settings" aria-labelledby="locked-names-title">
      <h2 id="locked-names-title">{t('lockedNames.title')}</h2>
      <p>{t('lockedNames.intro')}</p>
      {locked.error !== null && (
        <FormStatus message={{ tone: 'error', lines: [describeError(t, locked.error)] }} />
      )}
      {names?.length === 0 && <p>{t('lockedNames.none')}</p>}
      {names && names.length > 0 && (
        <ul className="locked-names">
          {names.map((name) => (
            <li key={name}>
              {name}{' '}
              <button type="button" disabled={busy} onClick={() => unlock(name)}>
                {t('lockedNames.unlock', { name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormStatus message={message} />
    </section>
  );
}
