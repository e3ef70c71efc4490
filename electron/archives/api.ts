import { ApiError } from '../../shared/api/errors';
import type { Handlers } from '../api/dispatcher';

// Issue 14 placeholder: the contract is in place, the part is being built.
const notBuilt = (): never => {
  throw new ApiError('internal', 'Archives of closed periods: not built yet');
};

export function archivesHandlers(): Pick<Handlers, 'archives.create' | 'archives.list'> {
  return {
    'archives.create': notBuilt,
    'archives.list': notBuilt,
  };
}
