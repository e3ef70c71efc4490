import { formatActor, userActor } from '../../shared/user';
import { type Handlers, signedInUser } from '../api/dispatcher';
import type { HeadOfficeSync } from './sync';

type SyncHandlers = Pick<Handlers, 'sync.getStatus' | 'sync.enrol' | 'sync.send'>;

/** The shop's side of its head office, for the manager (Settings → Head office). */
export function syncHandlers(sync: HeadOfficeSync): SyncHandlers {
  return {
    'sync.getStatus': async () => sync.status(),
    'sync.enrol': (input, caller) =>
      sync.enrol(input, formatActor(userActor(signedInUser(caller)))),
    'sync.send': () => sync.sendNow(),
  };
}
