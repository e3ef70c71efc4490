import { ApiError } from '../../shared/api/errors';
import type { Handlers } from '../api/dispatcher';

// Issue 14 placeholder: the contract is in place, the part is being built.
const notBuilt = (): never => {
  throw new ApiError('internal', 'The audit trail: not built yet');
};

export function auditHandlers(): Pick<Handlers, 'audit.list' | 'audit.verify' | 'audit.export'> {
  return {
    'audit.list': notBuilt,
    'audit.verify': notBuilt,
    'audit.export': notBuilt,
  };
}
