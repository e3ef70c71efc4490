import { ApiError } from '../../shared/api/errors';
import type { Permissions } from '../../shared/permissions';
import { defaultIdleLockMinutes } from '../../shared/shop';
import type { User } from '../../shared/user';
import { type Handlers, signedInUser } from '../api/dispatcher';
import type { ShopProfileStore } from '../store/shop-profile';
import type { UserStore } from '../store/users';
import { createPermit, type Permit } from './permissions';
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
 * sign-in, and a manager's approval typed at a clerk's counter), what a clerk may do (`permit`,
 * checking approvals with the latter), and the auth procedures.
 */
export function createAuth(deps: {
  users: UserStore;
  shop: ShopProfileStore;
  now: () => Date;
  /** The audit trail's ear: wrong PINs (the name typed, never the PIN) and sessions that end. */
  heard?: AuthHeard;
  /** What a clerk may do, as the shop set it. */
  permissions: () => Permissions;
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
  // A manager's name and PIN typed at a clerk's counter: counted apart from sign-ins.
  const permit = createPermit({
    permissions: deps.permissions,
    check: told(guardedPinCheck(deps.users, approvals), 'approval'),
  });
  return {
    sessions,
    permit,
    handlers: authHandlers(
      deps.users,
      sessions,
      told(guardedPinCheck(deps.users, signIns), 'sign_in'),
      [signIns, approvals],
      permit,
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
  permit: Permit,
): AuthHandlers {
  const roleOf = (id: number) => users.list().find((user) => user.id === id)?.role ?? null;
  // Making, unmaking or removing a manager needs a manager (signed in, or approving with their
  // PIN) whatever the shop lets clerks do with users: else a clerk could make themselves one.
  return {
    'auth.setup': ({ name, pin }, caller) => {
      const user = users.addFirst(name, 'manager', pin);
      if (!user) throw new ApiError('conflict', 'This shop already has its users');
      return { token: sessions.open(user, caller.till.id), user };
    },
    'auth.login': ({ name, pin }, caller) => {
      const user = checkPin(name, pin, caller.client);
      if (!user) throw new ApiError('unauthorized', 'Wrong name or PIN');
      return { token: sessions.open(user, caller.till.id), user };
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
    'users.remove': ({ id, manager }, caller) => {
      permit('manage_users', caller, manager, roleOf(id) === 'manager' ? 'approval' : 'allowed');
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
    'users.create': ({ name, pin, role, manager }, caller) => {
      permit('manage_users', caller, manager, role === 'manager' ? 'approval' : 'allowed');
      const user = users.create(name, role, pin);
      if (!user) throw new ApiError('conflict', `The name "${name}" is taken`);
      return { user };
    },
    'users.setRole': ({ id, role, manager }, caller) => {
      const touchesAManager = role === 'manager' || roleOf(id) === 'manager';
      permit('manage_users', caller, manager, touchesAManager ? 'approval' : 'allowed');
      const outcome = users.setRole(id, role);
      if ('refused' in outcome) {
        throw outcome.refused === 'not-found'
          ? new ApiError('not_found', `No user ${id} can sign in`)
          : new ApiError('conflict', 'The shop’s last manager must stay a manager');
      }
      // Sessions carry the role they were opened with: the user signs in again as what they are.
      if (outcome.changed) sessions.closeAllOf(id);
      return { user: outcome.user };
    },
    'users.unlock': ({ name, manager }, caller) => {
      permit('manage_users', caller, manager);
      const unlocked = guards.map((guard) => guard.unlock(name)).some(Boolean);
      if (!unlocked) throw new ApiError('not_found', `"${name}" is not locked`);
      return {};
    },
  };
}
