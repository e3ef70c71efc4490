import type { Handlers } from '../api/dispatcher';
import type { PermissionStore } from '../store/permissions';

/** What a clerk may do: read by every screen (to ask for approval or hide an act), set by a manager. */
export function permissionsHandlers(
  store: PermissionStore,
): Pick<Handlers, 'permissions.get' | 'permissions.update'> {
  return {
    'permissions.get': () => ({ permissions: store.get() }),
    'permissions.update': (permissions) => {
      store.save(permissions);
      return { permissions: store.get() };
    },
  };
}
