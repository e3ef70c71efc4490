import { ApiError } from '../../shared/api/errors';
import type { Handlers } from '../api/dispatcher';

type CounterProcedure =
  | 'counters.get'
  | 'counters.setNetwork'
  | 'counters.createPairingCode'
  | 'counters.listDevices'
  | 'counters.revoke'
  | 'counters.pair';

const notBuiltYet = () => {
  throw new ApiError('internal', 'not built yet');
};

/** The hub's side of the shop's network: listening, pairing codes, paired counters. */
export function counterHandlers(): Pick<Handlers, CounterProcedure> {
  return {
    'counters.get': notBuiltYet,
    'counters.setNetwork': notBuiltYet,
    'counters.createPairingCode': notBuiltYet,
    'counters.listDevices': notBuiltYet,
    'counters.revoke': notBuiltYet,
    'counters.pair': notBuiltYet,
  };
}
