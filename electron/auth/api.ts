import { ApiError } from '../../shared/api/errors';
import { defaultIdleLockMinutes } from '../../shared/shop';
import type { User } from '../../shared/user';
import { type Handlers, signedInUser } from '../api/dispatcher';
import type { ShopProfileStore } from '../store/shop-profile';
import type { UserStore } from '../store/users';
import { type CheckPin, createPinGuard, guardedPinCheck, type PinGuard } from './pin-guard';
import { createSessions, type Sessions } from './sessions';

type AuthHandlers = Pick<
  Handlers,
  | 'auth.setup'
  | 'auth.login'
  | 'auth.logout'
  | 'auth.renew'
  | 'users.listLocked'
  | 'users.unlock'
  | 'users.list'
  | 'users.remove'
  | 'users.create'
  | 'users.setRole'
>;

/**
 * Signing in: the sessions the dispatcher finds callers in (ended after the shop's idle time,
 * read from its profile at each check), the name and PIN checks with their own counts (a
 * sign-in, and a manager's approval typed at a clerk's counter), and the auth procedures.
 */
export function createAuth(deps: {
  users: UserStore;
  shop: ShopProfileStore;
  now: () => Date;
  /** The audit trail's ear: wrong PINs (the name typed, never the PIN) and sessions that end. */
  heard?: AuthHeard;
}) {
  const idleMs = () => (deps.shop.get()?.idleLockMinutes ?? defaultIdleLockMinutes) * 60_000;
  const sessions = createSessions({ now: deps.now, idleMs, ended: deps.heard?.sessionEnded });
  const signIns = createPinGuard(deps.now);
  const approvals = createPinGuard(deps.now);
  const told = (check: CheckPin, where: 'sign_in' | 'approval'): CheckPin =>
    deps.heard
      ? (name, pin, client) => {
          const user = check(name, pin, client);
          if (!user) deps.heard?.wrongPin(name, where);
          return user;
        }
      : check;
  return {
    sessions,
    /** A manager's name and PIN typed at a clerk's counter: counted apart from sign-ins. */
    checkApproval: told(guardedPinCheck(deps.users, approvals), 'approval'),
    handlers: authHandlers(
      deps.users,
      sessions,
      told(guardedPinCheck(deps.users, signIns), 'sign_in'),
      [signIns, approvals],
    ),
  };
}

/** What signing in tells the audit trail about, outside a procedure's success. */
export interface AuthHeard {
  wrongPin(name: string, where: 'sign_in' | 'approval'): void;
  sessionEnded(user: User, why: 'idle' | 'expired'): void;
}

function authHandlers(
  users: UserStore,
  sessions: Sessions,
  checkPin: CheckPin,
  guards: readonly PinGuard[],
): AuthHandlers {
  return {
    'auth.setup': ({ name, pin }) => {
      const user = users.addFirst(name, 'manager', pin);
      if (!user) throw new ApiError('conflict', 'This shop already has its users');
      return { token: sessions.open(user), user };
    },
    'auth.login': ({ name, pin }, caller) => {
      const user = checkPin(name, pin, caller.client);
      if (!user) throw new ApiError('unauthorized', 'Wrong name or PIN');
      return { token: sessions.open(user), user };
    },
    'auth.logout': (_input, caller) => {
      sessions.close(caller.token);
      return {};
    },
    // The dispatcher renewed the session on its way here.
    'auth.renew': () => ({}),
    'users.listLocked': () => ({
      names: [...new Set(guards.flatMap((guard) => guard.locked()))].sort(),
    }),
    'users.list': () => ({ users: users.list() }),
    'users.remove': ({ id }, caller) => {
      if (signedInUser(caller).id === id) {
        throw new ApiError('conflict', 'A manager cannot remove themselves');
      }
      const outcome = users.remove(id);
      if ('refused' in outcome) {
        throw outcome.refused === 'not-found'
          ? new ApiError('not_found', `No user ${id} can sign in`)
          : new ApiError('conflict', 'The shop’s last manager cannot be removed');
      }
      sessions.closeAllOf(id);
      return { removed: outcome.removed };
    },
    // Issue 14 placeholder: the contract is in place, the part is being built.
    'users.create': () => {
      throw new ApiError('internal', 'Adding users: not built yet');
    },
    'users.setRole': () => {
      throw new ApiError('internal', 'Changing roles: not built yet');
    },
    'users.unlock': ({ name }) => {
      const unlocked = guards.map((guard) => guard.unlock(name)).some(Boolean);
      if (!unlocked) throw new ApiError('not_found', `"${name}" is not locked`);
      return {};
    },
  };
}
