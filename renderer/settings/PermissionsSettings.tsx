import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acts, decisions, type Permissions } from '../../shared/permissions';
import { api } from '../api';
import { type FormMessage, FormStatus } from '../components/FormStatus';
import { describeError } from '../errors';
import { useApi } from '../use-api';

/**
 * What a clerk may do, act by act: alone, with a manager's name and PIN, or a manager only (a
 * manager may always do everything). Saved as a whole, in force at once.
 */
export function PermissionsSettings() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Permissions | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessage>(null);
  const loaded = useApi(() => api.call('permissions.get', {}), [], {
    done: ({ permissions }) => setDraft(permissions),
  });

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    setBusy(true);
    setMessage(null);
    try {
      setDraft((await api.call('permissions.update', draft)).permissions);
      setMessage({ tone: 'ok', lines: [t('permissions.saved')] });
    } catch (error) {
      setMessage({ tone: 'error', lines: [describeError(t, error)] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="settings" aria-labelledby="permissions-title">
      <h2 id="permissions-title">{t('permissions.title')}</h2>
      <p>{t('permissions.intro')}</p>
      {loaded.error !== null && (
        <FormStatus message={{ tone: 'error', lines: [describeError(t, loaded.error)] }} />
      )}
      {draft && (
        <form onSubmit={save} className="permissions">
          {acts.map((act) => (
            <fieldset key={act} className="permissions__act">
              <legend>{t(`permissions.acts.${act}`)}</legend>
              {decisions.map((decision) => (
                <label key={decision} className="permissions__choice">
                  <input
                    type="radio"
                    name={`permission-${act}`}
                    value={decision}
                    checked={draft.clerk[act] === decision}
                    onChange={() => setDraft({ clerk: { ...draft.clerk, [act]: decision } })}
                  />
                  {t(`permissions.decisions.${decision}`)}
                </label>
              ))}
            </fieldset>
          ))}
          <div className="settings__actions">
            <button type="submit" disabled={busy}>
              {busy ? t('permissions.saving') : t('permissions.save')}
            </button>
            <FormStatus message={message} />
          </div>
        </form>
      )}
    </section>
  );
}
