import { acts } from '../../shared/permissions';
import { type Handlers, signedInUser } from '../api/dispatcher';
import type { PermissionStore } from '../store/permissions';

/** What a clerk may do: read by every screen (to ask for approval or hide an act), set by a manager. */
export function permissionsHandlers(
  store: PermissionStore,
): Pick<Handlers, 'permissions.get' | 'permissions.update'> {
  return {
    'permissions.get': (_input, caller) => {
      const permissions = store.get();
      const mine =
        signedInUser(caller).role === 'manager'
          ? Object.fromEntries(acts.map((act) => [act, 'allowed' as const]))
          : permissions.clerk;
      return { permissions, mine: mine as typeof permissions.clerk };
    },
    'permissions.update': (permissions) => {
      store.save(permissions);
      return { permissions: store.get() };
    },
  };
}
