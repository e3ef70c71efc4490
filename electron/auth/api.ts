import { ApiError } from '../../shared/api/errors';
import type { Handlers } from '../api/dispatcher';
import type { UserStore } from '../store/users';
import {
  type CheckPin,
  createLoginGuard,
  createSessions,
  pinCheck,
  type Sessions,
} from './sessions';

type AuthHandlers = Pick<Handlers, 'auth.setup' | 'auth.login' | 'auth.logout'>;

/**
 * Signing in: the sessions the dispatcher finds callers in, the one rate-limited name and PIN
 * check (sign-in and a manager's approval at a clerk's counter), and the auth procedures.
 */
export function createAuth(deps: { users: UserStore; now: () => Date }) {
  const sessions = createSessions(deps.now);
  const checkPin = pinCheck(deps.users, createLoginGuard(deps.now));
  return { sessions, checkPin, handlers: authHandlers(deps.users, sessions, checkPin) };
}

function authHandlers(users: UserStore, sessions: Sessions, checkPin: CheckPin): AuthHandlers {
  return {
    'auth.setup': ({ name, pin }) => {
      const user = users.addFirst(name, 'manager', pin);
      if (!user) throw new ApiError('conflict', 'This shop already has its users');
      return { token: sessions.open(user), user };
    },
    'auth.login': ({ name, pin }) => {
      const user = checkPin(name, pin);
      if (!user) throw new ApiError('unauthorized', 'Wrong name or PIN');
      return { token: sessions.open(user), user };
    },
    'auth.logout': (_input, caller) => {
      sessions.close(caller.token);
      return {};
    },
  };
}
