import { hqProcedures } from '../../shared/api/hq-contract';
import type { StaffSession } from './StaffSignIn';

/** Where the tab keeps its head-office session: a reload stays signed in, a new tab signs in. */
const key = 'comptoir.headOffice.session';

/** The session this tab kept, if any; what cannot be read as one is dropped. */
export function keptSession(storage: Storage): StaffSession | null {
  const text = storage.getItem(key);
  if (text === null) return null;
  try {
    return hqProcedures['staff.login'].output.parse(JSON.parse(text));
  } catch {
    storage.removeItem(key);
    return null;
  }
}

/** Keeps the signed-in session for this tab, or forgets it (null) at sign-out or once it ended. */
export function keepSession(storage: Storage, session: StaffSession | null): void {
  if (session === null) storage.removeItem(key);
  else storage.setItem(key, JSON.stringify(session));
}
