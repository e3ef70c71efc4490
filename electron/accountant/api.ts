import { ApiError } from '../../shared/api/errors';
import type { Handlers } from '../api/dispatcher';

// Issue 14 placeholder: the contract is in place, the part is being built.
const notBuilt = (): never => {
  throw new ApiError('internal', 'The accountant’s export: not built yet');
};

export function accountantHandlers(): Pick<Handlers, 'accountant.export'> {
  return {
    'accountant.export': notBuilt,
  };
}
