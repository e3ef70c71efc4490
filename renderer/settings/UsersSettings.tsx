import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../shared/user';
import { api } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { type FormMessage, FormStatus } from '../components/FormStatus';
import { describeError } from '../errors';
import { useApi } from '../use-api';

/**
 * The people who can sign in, and removing one (a manager only: the settings are theirs). A
 * removal asks first, naming who is removed; the manager signed in is not offered to remove.
 */
export function UsersSettings({ signedInId }: { signedInId: number }) {
  const { t } = useTranslation();
  const listed = useApi(() => api.call('users.list', {}), []);
  const [removing, setRemoving] = useState<User | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessage>(null);

  async function remove(user: User) {
    setBusy(true);
    setMessage(null);
    try {
      await api.call('users.remove', { id: user.id });
      setMessage({ tone: 'ok', lines: [t('usersSettings.removed', { name: user.name })] });
    } catch (error) {
      setMessage({ tone: 'error', lines: [describeError(t, error)] });
    } finally {
      setBusy(false);
      setRemoving(null);
      listed.reload();
    }
  }

  const users = listed.value?.users ?? [];
  return (
    <section className="settings" aria-labelledby="users-settings-title">
      <h2 id="users-settings-title">{t('usersSettings.title')}</h2>
      {listed.error !== null && (
        <FormStatus message={{ tone: 'error', lines: [describeError(t, listed.error)] }} />
      )}
      {users.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('usersSettings.name')}</th>
              <th>{t('usersSettings.role')}</th>
              <th>
                <span className="visually-hidden">{t('usersSettings.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>{user.name}</td>
                <td>{t(`usersSettings.roles.${user.role}`)}</td>
                <td>
                  {user.id === signedInId ? (
                    t('usersSettings.you')
                  ) : (
                    <button
                      type="button"
                      aria-label={t('usersSettings.removeOne', { name: user.name })}
                      onClick={() => setRemoving(user)}
                    >
                      {t('usersSettings.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {removing && (
        <ConfirmDialog
          title={t('usersSettings.removeOne', { name: removing.name })}
          question={t('usersSettings.confirmRemove', {
            name: removing.name,
            role: t(`usersSettings.roles.${removing.role}`),
          })}
          confirm={t('usersSettings.removeOne', { name: removing.name })}
          working={t('usersSettings.removing')}
          busy={busy}
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        />
      )}
      <FormStatus message={message} />
    </section>
  );
}
