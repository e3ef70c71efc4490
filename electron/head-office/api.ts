import { ApiError } from '../../shared/api/errors';
import type { Handlers } from '../api/dispatcher';

type SyncHandlers = Pick<Handlers, 'sync.getStatus' | 'sync.enrol' | 'sync.send'>;

const notBuilt = () => {
  throw new ApiError('internal', 'The head office link is not built yet');
};

/** The shop's side of its head office (placeholder until the sync worker lands). */
export function syncHandlers(): SyncHandlers {
  return {
    'sync.getStatus': notBuilt,
    'sync.enrol': notBuilt,
    'sync.send': notBuilt,
  };
}
