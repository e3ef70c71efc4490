import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Role, roleSchema, type User } from '../../shared/user';
import { api } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { type FormMessage, FormStatus } from '../components/FormStatus';
import { describeError } from '../errors';
import { useApi } from '../use-api';

/**
 * The people who can sign in: adding one, changing a role, removing one (a manager only: the
 * settings are theirs). A removal asks first, naming who is removed; the manager signed in is
 * not offered to remove or demote themselves.
 */
const roles = roleSchema.options;
const newUser = { name: '', pin: '', role: 'clerk' as Role };

export function UsersSettings({ signedInId }: { signedInId: number }) {
  const { t } = useTranslation();
  const listed = useApi(() => api.call('users.list', {}), []);
  const [removing, setRemoving] = useState<User | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FormMessage>(null);
  const [added, setAdded] = useState<{ name: string; pin: string; role: Role }>(newUser);

  async function act(call: () => Promise<string>) {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ tone: 'ok', lines: [await call()] });
    } catch (error) {
      setMessage({ tone: 'error', lines: [describeError(t, error)] });
    } finally {
      setBusy(false);
      listed.reload();
    }
  }

  function add(event: FormEvent) {
    event.preventDefault();
    void act(async () => {
      const { user } = await api.call('users.create', added);
      setAdded(newUser);
      return t('permissions.users.added', { name: user.name });
    });
  }

  function setRole(user: User, role: Role) {
    void act(async () => {
      await api.call('users.setRole', { id: user.id, role });
      return t('permissions.users.roleChanged', {
        name: user.name,
        role: t(`usersSettings.roles.${role}`),
      });
    });
  }

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
                <td>
                  {user.id === signedInId ? (
                    t(`usersSettings.roles.${user.role}`)
                  ) : (
                    <select
                      aria-label={t('permissions.users.changeRole', { name: user.name })}
                      value={user.role}
                      disabled={busy}
                      onChange={(event) => setRole(user, event.target.value as Role)}
                    >
                      {roles.map((role) => (
                        <option key={role} value={role}>
                          {t(`usersSettings.roles.${role}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
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
      <form className="users-add" onSubmit={add} aria-labelledby="users-add-title">
        <h3 id="users-add-title" className="visually-hidden">
          {t('permissions.users.add')}
        </h3>
        <div className="field">
          <label htmlFor="user-add-name">{t('permissions.users.name')}</label>
          <input
            id="user-add-name"
            autoComplete="off"
            maxLength={40}
            required
            value={added.name}
            onChange={(event) => setAdded({ ...added, name: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="user-add-pin">{t('permissions.users.pin')}</label>
          <input
            id="user-add-pin"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            maxLength={8}
            required
            value={added.pin}
            onChange={(event) => setAdded({ ...added, pin: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="user-add-role">{t('permissions.users.role')}</label>
          <select
            id="user-add-role"
            value={added.role}
            onChange={(event) => setAdded({ ...added, role: event.target.value as Role })}
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`usersSettings.roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={busy}>
          {busy ? t('permissions.users.adding') : t('permissions.users.add')}
        </button>
      </form>
      <FormStatus message={message} />
    </section>
  );
}
