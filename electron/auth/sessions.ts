import { randomBytes } from 'node:crypto';
import { ApiError } from '../../shared/api/errors';
import type { User } from '../../shared/user';

/**
 * Signed-in users, by bearer token, kept in memory: a restart signs everyone out, which a shop
 * counter accepts (the idle lock signs clerks out much more often).
 */
export function createSessions(now: () => Date, lifetimeMs = 12 * 60 * 60 * 1000) {
  const sessions = new Map<string, { user: User; expires: number }>();
  return {
    open(user: User): string {
      const token = randomBytes(32).toString('hex');
      sessions.set(token, { user, expires: now().getTime() + lifetimeMs });
      return token;
    },
    find(token: string | null | undefined): User | null {
      if (!token) return null;
      const session = sessions.get(token);
      if (!session) return null;
      if (session.expires <= now().getTime()) {
        sessions.delete(token);
        return null;
      }
      return session.user;
    },
    close(token: string | null | undefined) {
      if (token) sessions.delete(token);
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;

/**
 * Slows down PIN guessing: after `maxFailures` wrong PINs for a name, that name is refused for
 * `lockMs` whatever the PIN. A 4-digit PIN then takes days to guess, not seconds.
 */
export function createLoginGuard(now: () => Date, maxFailures = 5, lockMs = 60_000) {
  const failures = new Map<string, { count: number; lockedUntil: number }>();
  const key = (name: string) => name.trim().toLowerCase();
  return {
    check(name: string) {
      const entry = failures.get(key(name));
      if (entry && entry.lockedUntil > now().getTime()) {
        const seconds = Math.ceil((entry.lockedUntil - now().getTime()) / 1000);
        throw new ApiError('rate_limited', `Too many wrong PINs: try again in ${seconds} s`);
      }
    },
    failed(name: string) {
      const entry = failures.get(key(name)) ?? { count: 0, lockedUntil: 0 };
      entry.count += 1;
      if (entry.count >= maxFailures) {
        entry.count = 0;
        entry.lockedUntil = now().getTime() + lockMs;
      }
      failures.set(key(name), entry);
    },
    succeeded(name: string) {
      failures.delete(key(name));
    },
  };
}

type LoginGuard = ReturnType<typeof createLoginGuard>;

/** Checks a name and PIN typed at the counter: the user they belong to, or null. */
export type CheckPin = (name: string, pin: string) => User | null;

/**
 * A name and PIN checked as a sign-in is, wrong PINs counted by the guard. Signing in and a
 * manager's approval typed at a clerk's counter both go through it.
 */
export function pinCheck(
  users: { check(name: string, pin: string): User | null },
  logins: LoginGuard,
): CheckPin {
  return (name, pin) => {
    logins.check(name);
    const user = users.check(name, pin);
    if (user) logins.succeeded(name);
    else logins.failed(name);
    return user;
  };
}
