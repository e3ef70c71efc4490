import type { Act, Decision } from '../../shared/permissions';
import { defaultPermissions } from '../../shared/permissions';
import type { Role } from '../../shared/user';
import { api } from '../api';
import { useApi } from '../use-api';

/**
 * What the signed-in user may do, act by act, as the shop set it: a manager everything, a clerk
 * per the matrix (`approval`: the screen asks for a manager's name and PIN; `refused`: the act is
 * not offered). Until the matrix is read, the defaults; the core decides in the end.
 */
export function usePermission(role: Role): (act: Act) => Decision {
  const read = useApi(role === 'manager' ? null : () => api.call('permissions.get', {}), [role]);
  const clerk = read.value?.permissions.clerk ?? defaultPermissions.clerk;
  return (act) => (role === 'manager' ? 'allowed' : clerk[act]);
}
