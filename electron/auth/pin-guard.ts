import { ApiError } from '../../shared/api/errors';
import type { User } from '../../shared/user';

/** How PIN guessing is slowed down and stopped. */
export interface PinGuardRules {
  /** Wrong PINs a client may type in a row before it waits (typing mistakes). */
  freeFailures: number;
  /** The first wait; each further wrong PIN doubles it, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A client's wrong PINs are forgotten once it has typed none for this long. */
  forgetAfterMs: number;
  /** Wrong PINs in a row for one name, from any client, that lock it until a manager unlocks. */
  lockAfter: number;
}

export const pinGuardRules: PinGuardRules = {
  freeFailures: 3,
  firstDelayMs: 1000,
  maxDelayMs: 5 * 60_000,
  forgetAfterMs: 15 * 60_000,
  lockAfter: 20,
};

// Guessed names are counted too (a name nobody has must answer like one that exists): the
// counts kept for names that are not locked are bounded, the oldest forgotten first.
const maxCountedNames = 1000;

/** How a client's wrong guesses (PINs, pairing codes) are slowed down. */
export type ThrottleRules = Pick<
  PinGuardRules,
  'freeFailures' | 'firstDelayMs' | 'maxDelayMs' | 'forgetAfterMs'
>;

/**
 * Counts a client's wrong guesses (a browser's address, a desktop window): after a few, each
 * attempt waits a delay that doubles with every further wrong guess (429 `rate_limited` with
 * `retryAfter` seconds). A client is forgotten once it has guessed nothing for a quiet while.
 */
export function createClientThrottle(
  now: () => Date,
  rules: ThrottleRules,
  /** What is guessed, as the refusal names it: "PINs", "pairing codes". */
  guessed: string,
) {
  const clients = new Map<string, { failures: number; lastAt: number }>();
  const clientRecord = (client: string, at: number) => {
    const record = clients.get(client);
    if (record && record.lastAt + rules.forgetAfterMs <= at) {
      clients.delete(client);
      return undefined;
    }
    return record;
  };
  const delayAfter = (failures: number) =>
    failures < rules.freeFailures
      ? 0
      : Math.min(rules.firstDelayMs * 2 ** (failures - rules.freeFailures), rules.maxDelayMs);
  return {
    /** Refuses the attempt when the client must still wait; checks nothing else. */
    admit(client: string) {
      const at = now().getTime();
      const record = clientRecord(client, at);
      if (!record) return;
      const waitMs = record.lastAt + delayAfter(record.failures) - at;
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000);
        throw new ApiError(
          'rate_limited',
          `Too many wrong ${guessed}: try again in ${seconds} s`,
          undefined,
          { retryAfter: seconds },
        );
      }
    },
    /** Whether the client guessed wrong lately. */
    isClean: (client: string) => clientRecord(client, now().getTime()) === undefined,
    failed(client: string) {
      const at = now().getTime();
      for (const [id, record] of clients) {
        if (record.lastAt + rules.forgetAfterMs <= at) clients.delete(id);
      }
      const record = clients.get(client) ?? { failures: 0, lastAt: at };
      clients.set(client, { failures: record.failures + 1, lastAt: at });
    },
  };
}

/**
 * Counts wrong PINs two ways. Per client, as `createClientThrottle` does, whatever name is
 * tried. Per name: after many in a row, from any client, the name is locked and a manager must
 * unlock it. Both forget on their own terms: a client after a quiet while, a name at its next
 * sign-in.
 */
export function createPinGuard(now: () => Date, rules: PinGuardRules = pinGuardRules) {
  const clients = createClientThrottle(now, rules, 'PINs');
  const names = new Map<string, { failures: number; locked: boolean }>();
  const key = (name: string) => name.trim().toLowerCase();

  return {
    /** Refuses the attempt when the client must still wait; checks no PIN. */
    admit: clients.admit,
    /** Whether the client typed no wrong PIN lately. */
    isClean: clients.isClean,
    isLocked: (name: string) => names.get(key(name))?.locked === true,
    failed(client: string, name: string) {
      clients.failed(client);
      const counted = names.get(key(name)) ?? { failures: 0, locked: false };
      names.delete(key(name));
      names.set(key(name), {
        failures: counted.failures + 1,
        locked: counted.locked || counted.failures + 1 >= rules.lockAfter,
      });
      if (names.size > maxCountedNames) {
        for (const [oldest, entry] of names) {
          if (!entry.locked) {
            names.delete(oldest);
            break;
          }
        }
      }
    },
    succeeded(name: string) {
      names.delete(key(name));
    },
    /** Lifts a name's lock; false when it was not locked. */
    unlock(name: string): boolean {
      const locked = names.get(key(name))?.locked === true;
      names.delete(key(name));
      return locked;
    },
    /** The locked names (trimmed, in lower case: names are told apart without case). */
    locked: () => [...names].filter(([, entry]) => entry.locked).map(([name]) => name),
  };
}

export type PinGuard = ReturnType<typeof createPinGuard>;

/** Checks a name and PIN typed at a client (a browser's address, a desktop window). */
export type CheckPin = (name: string, pin: string, client: string) => User | null;

/**
 * A name and PIN checked under a guard. A locked name is refused (423 `user_locked`) whatever
 * the PIN, with one way out that an attacker cannot block: a manager's right PIN typed at a
 * client that typed no wrong PIN lately signs them in and lifts the lock. Whoever locked the
 * manager's name from one client therefore cannot keep the manager out at another counter,
 * and each client gets at most one try at a locked name per quiet while (`forgetAfterMs`).
 */
export function guardedPinCheck(
  users: { check(name: string, pin: string): User | null },
  guard: PinGuard,
): CheckPin {
  return (name, pin, client) => {
    guard.admit(client);
    if (guard.isLocked(name)) {
      const clean = guard.isClean(client);
      const user = clean ? users.check(name, pin) : null;
      if (user?.role === 'manager') {
        guard.unlock(name);
        return user;
      }
      if (clean && !user) guard.failed(client, name);
      throw new ApiError('user_locked', 'This name is locked after too many wrong PINs');
    }
    const user = users.check(name, pin);
    if (user) guard.succeeded(name);
    else guard.failed(client, name);
    return user;
  };
}
