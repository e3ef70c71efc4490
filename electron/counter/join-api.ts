import { ApiError } from '../../shared/api/errors';
import type { Handlers } from '../api/dispatcher';
import type { JoinHub } from './join';

/**
 * `counters.inspectHub` and `counters.join`: a fresh install becomes a counter of a hub. Only
 * where the shell can turn itself into a counter (`joinHub`), and never once this Comptoir has
 * its own shop's users: their books stay a shop of their own.
 */
export function joinHandlers(
  joinHub: JoinHub | undefined,
  hasUsers: () => boolean,
): Pick<Handlers, 'counters.inspectHub' | 'counters.join'> {
  // Checked before any connection: a working shop never opens one to an address it is sent.
  const joiner = () => {
    if (hasUsers()) {
      throw new ApiError(
        'conflict',
        'This Comptoir already has its own shop and users: it cannot become a counter',
      );
    }
    if (!joinHub) throw new ApiError('forbidden', 'This Comptoir cannot join a hub from here');
    return joinHub;
  };
  return {
    'counters.inspectHub': ({ address }) => joiner().inspect(address),
    'counters.join': ({ url, code, fingerprint }) => joiner().join(url, code, fingerprint),
  };
}
