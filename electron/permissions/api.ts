import { ApiError } from '../../shared/api/errors';
import type { Handlers } from '../api/dispatcher';

// Issue 14 placeholder: the contract is in place, the part is being built.
const notBuilt = (): never => {
  throw new ApiError('internal', 'What a clerk may do: not built yet');
};

export function permissionsHandlers(): Pick<Handlers, 'permissions.get' | 'permissions.update'> {
  return {
    'permissions.get': notBuilt,
    'permissions.update': notBuilt,
  };
}
