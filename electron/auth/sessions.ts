import { randomBytes } from 'node:crypto';
import type { User } from '../../shared/user';

/** What a bearer token stands for now: its user, a session that has ended, or nothing known. */
export type SessionState = { user: User } | 'ended' | null;

/** The user a session state signs in, or null (no session, or one that has ended). */
export const userOfSession = (state: SessionState): User | null =>
  state && state !== 'ended' ? state.user : null;

/** Why a state that signs nobody in is refused: an ended session says so. */
export const refusalCode = (state: SessionState) =>
  state === 'ended' ? ('session_expired' as const) : ('unauthorized' as const);

interface Session {
  user: User;
  /** The till it was signed in at: the token is good there only. */
  till: string;
  openedAt: number;
  lastUsedAt: number;
  signedOut: boolean;
}

interface SessionTimes {
  now: () => Date;
  /**
   * The shop's idle time, asked at every check so that a manager's change applies to the
   * sessions already open: a token unused that long has ended.
   */
  idleMs: () => number;
  /** The longest a session lasts however busy it is. */
  capMs?: number;
  /** Told once when a session is found ended by the idle time or the cap (not a sign-out). */
  ended?: (user: User, why: 'idle' | 'expired') => void;
}

const twelveHours = 12 * 60 * 60 * 1000;

/**
 * Signed-in users, by bearer token, kept in memory: a restart signs everyone out, which a shop
 * counter accepts (the idle lock signs clerks out much more often). A session ends when its
 * token goes unused for the shop's idle time (each call made with it renews it), at sign-out,
 * and 12 h after sign-in. An ended token is remembered for as long again, so that a late call
 * is told its session expired rather than that it never signed in. A session is bound to the
 * till it was signed in at: its token used at another (another counter, or the hub's own from a
 * counter's sign-in, and the reverse) stands for nobody there.
 */
export function createSessions({ now, idleMs, capMs = twelveHours, ended }: SessionTimes) {
  const sessions = new Map<string, Session>();
  const endOf = (session: Session) =>
    session.signedOut
      ? Number.NEGATIVE_INFINITY
      : Math.min(session.lastUsedAt + idleMs(), session.openedAt + capMs);
  const forget = (at: number) => {
    for (const [token, session] of sessions) {
      if (session.openedAt + 2 * capMs <= at) sessions.delete(token);
    }
  };

  function state(
    token: string | null | undefined,
    till: string | undefined,
    renew: boolean,
  ): SessionState {
    if (!token) return null;
    const session = sessions.get(token);
    if (!session || (till !== undefined && session.till !== till)) return null;
    const at = now().getTime();
    if (endOf(session) <= at) {
      if (!session.signedOut) {
        ended?.(session.user, session.openedAt + capMs <= at ? 'expired' : 'idle');
      }
      session.signedOut = true;
      return 'ended';
    }
    if (renew) session.lastUsedAt = at;
    return { user: session.user };
  }

  return {
    /** A new session of `user` signed in at the till `till`. */
    open(user: User, till: string): string {
      const at = now().getTime();
      forget(at);
      const token = randomBytes(32).toString('hex');
      sessions.set(token, { user, till, openedAt: at, lastUsedAt: at, signedOut: false });
      return token;
    },
    /**
     * The token's state at the till `till` (left out: at any), renewing its session: a call
     * made with it counts as use.
     */
    use: (token: string | null | undefined, till?: string) => state(token, till, true),
    /** The token's state without renewing it (an event sent is not the user's activity). */
    peek: (token: string | null | undefined, till?: string) => state(token, till, false),
    close(token: string | null | undefined) {
      const session = token ? sessions.get(token) : undefined;
      if (session) session.signedOut = true;
    },
    /** Ends every session signed in at a till (a counter revoked). */
    closeAllAt(till: string) {
      for (const session of sessions.values()) {
        if (session.till === till) session.signedOut = true;
      }
    },
    /** Ends every session of a user (removed from the shop). */
    closeAllOf(userId: number) {
      for (const session of sessions.values()) {
        if (session.user.id === userId) session.signedOut = true;
      }
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
