import { ApiError } from '../../shared/api/errors';
import type { Handlers } from '../api/dispatcher';

// Issue 14 placeholder: the contract is in place, the part is being built.
const notBuilt = (): never => {
  throw new ApiError('internal', 'Month and year closures: not built yet');
};

export function periodsHandlers(): Pick<
  Handlers,
  'periods.close' | 'periods.list' | 'periods.get' | 'periods.print'
> {
  return {
    'periods.close': notBuilt,
    'periods.list': notBuilt,
    'periods.get': notBuilt,
    'periods.print': notBuilt,
  };
}
