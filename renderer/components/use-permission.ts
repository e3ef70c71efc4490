import type { Act, Decision } from '../../shared/permissions';
import { api } from '../api';
import { useApi } from '../use-api';

/**
 * What the signed-in user may do, act by act, as the shop set it (a manager everything):
 * `approval`, the screen asks for a manager's name and PIN; `refused`, the act is not offered;
 * null until the core answered (nothing offered yet). The core decides in the end.
 */
export function usePermission(): (act: Act) => Decision | null {
  const read = useApi(() => api.call('permissions.get', {}), []);
  return (act) => read.value?.mine[act] ?? null;
}
