import { ApiError } from '../../shared/api/errors';
import type { HqCaller, HqContext, HqHandlers } from './handlers';
import { hashPassword, passwordMatches, unusedPasswordHash } from './passwords';
import { hashSecret, newSecret } from './secrets';
import { inTransaction, isUniqueViolation } from './transaction';

type StaffHandlers = Pick<
  HqHandlers,
  'staff.getAbout' | 'staff.setup' | 'staff.login' | 'staff.logout' | 'staff.list' | 'staff.create'
>;

/** A head-office session lasts a working day, then staff sign in again. */
export const sessionHours = 12;

/** How wrong passwords are slowed down, per client (counted in PostgreSQL: stateless servers). */
export const signInThrottle = {
  freeFailures: 3,
  firstDelayMs: 1000,
  maxDelayMs: 5 * 60_000,
  forgetAfterMs: 15 * 60_000,
} as const;

/** The staff member a staff procedure runs for (the dispatcher checked there is one). */
/**
 * The wait after a client's `f.failures` wrong passwords, in ms, from the parameters numbered
 * `first` on: the free failures, the first delay, the longest (the delay doubles up to it).
 */
const delaySql = (first: number) => {
  const [free, delay, max] = [first, first + 1, first + 2].map((n) => `$${n}`);
  return `(CASE WHEN f.failures < ${free} THEN 0
    ELSE least(${delay} * power(2, f.failures - ${free}), ${max}) END)`;
};

export function signedInStaff(caller: HqCaller): { id: number; name: string } {
  if (!caller.staff) throw new ApiError('unauthorized', 'Sign in first');
  return caller.staff;
}

export function staffHandlers(context: HqContext): StaffHandlers {
  const { pool, now } = context;

  async function openSession(staff: { id: number; name: string }) {
    const token = newSecret();
    const at = now();
    // Ended sessions are of no use to anyone: swept as new ones open.
    await pool.query('DELETE FROM staff_sessions WHERE expires_at <= $1', [at]);
    await pool.query(
      `INSERT INTO staff_sessions (token_hash, staff_id, created_at, expires_at)
       VALUES ($1, $2, $3, $4)`,
      [hashSecret(token), staff.id, at, new Date(at.getTime() + sessionHours * 3_600_000)],
    );
    return { token, name: staff.name };
  }

  /**
   * Counts a sign-in attempt of `client` before its password is checked, in one statement, or
   * refuses it (429 with retryAfter) while the client must still wait after wrong passwords:
   * guesses sent at once are each counted, so they cannot all pass a check made before any of
   * them failed. A right password clears the count.
   */
  async function admit(client: string) {
    const at = now();
    const { freeFailures, firstDelayMs, maxDelayMs, forgetAfterMs } = signInThrottle;
    const forgotten = new Date(at.getTime() - forgetAfterMs);
    await pool.query('DELETE FROM staff_sign_in_failures WHERE last_at <= $1', [forgotten]);
    const counted = await pool.query(
      `INSERT INTO staff_sign_in_failures AS f (client, failures, last_at) VALUES ($1, 1, $2)
       ON CONFLICT (client) DO UPDATE SET
         failures = CASE WHEN f.last_at <= $3 THEN 1 ELSE f.failures + 1 END, last_at = $2
       WHERE f.last_at <= $3
         OR f.last_at + ${delaySql(4)} * interval '1 millisecond' <= $2
       RETURNING failures`,
      [client, at, forgotten, freeFailures, firstDelayMs, maxDelayMs],
    );
    if (counted.rowCount) return;
    const found = await pool.query<{ wait_ms: number }>(
      `SELECT extract(epoch FROM f.last_at + ${delaySql(3)} * interval '1 millisecond' - $2)
         * 1000 AS wait_ms
       FROM staff_sign_in_failures f WHERE client = $1`,
      [client, at, freeFailures, firstDelayMs, maxDelayMs],
    );
    const seconds = Math.max(1, Math.ceil(Number(found.rows[0]?.wait_ms ?? 1000) / 1000));
    throw new ApiError(
      'rate_limited',
      `Too many wrong passwords: try again in ${seconds} s`,
      undefined,
      { retryAfter: seconds },
    );
  }

  return {
    async 'staff.getAbout'() {
      const found = await pool.query('SELECT 1 FROM staff WHERE disabled_at IS NULL LIMIT 1');
      return { hasStaff: found.rowCount !== 0 };
    },

    async 'staff.setup'(input) {
      const passwordHash = await hashPassword(input.password);
      const made = await inTransaction(pool, async (client) => {
        // Two first accounts made at once on two servers: one of them is refused.
        await client.query('LOCK TABLE staff IN EXCLUSIVE MODE');
        return client.query<{ id: number; name: string }>(
          `INSERT INTO staff (name, password_hash, created_at)
           SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM staff)
           RETURNING id, name`,
          [input.name, passwordHash, now()],
        );
      });
      const staff = made.rows[0];
      if (!staff) throw new ApiError('conflict', 'The head office has its first account already');
      return openSession(staff);
    },

    async 'staff.login'(input, caller) {
      await admit(caller.client);
      const found = await pool.query<{ id: number; name: string; password_hash: string }>(
        'SELECT id, name, password_hash FROM staff WHERE name = $1 AND disabled_at IS NULL',
        [input.name],
      );
      const staff = found.rows[0];
      const matches = await passwordMatches(
        input.password,
        staff?.password_hash ?? unusedPasswordHash,
      );
      if (!staff || !matches) throw new ApiError('unauthorized', 'Wrong name or password');
      await pool.query('DELETE FROM staff_sign_in_failures WHERE client = $1', [caller.client]);
      return openSession(staff);
    },

    async 'staff.logout'(_input, caller) {
      if (caller.token) {
        await pool.query('DELETE FROM staff_sessions WHERE token_hash = $1', [
          hashSecret(caller.token),
        ]);
      }
      return {};
    },

    async 'staff.list'() {
      const found = await pool.query<{ name: string; created_at: Date }>(
        'SELECT name, created_at FROM staff WHERE disabled_at IS NULL ORDER BY name',
      );
      return {
        staff: found.rows.map((row) => ({
          name: row.name,
          createdAt: row.created_at.toISOString(),
        })),
      };
    },

    async 'staff.create'(input) {
      const passwordHash = await hashPassword(input.password);
      try {
        await pool.query(
          'INSERT INTO staff (name, password_hash, created_at) VALUES ($1, $2, $3)',
          [input.name, passwordHash, now()],
        );
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ApiError('conflict', `An account named “${input.name}” exists already`);
        }
        throw error;
      }
      return { name: input.name };
    },
  };
}

/**
 * The staff member a bearer token's session stands for: null without a token, `ended` for a
 * token whose session expired, was signed out or never existed.
 */
export async function staffOfToken(
  context: Pick<HqContext, 'pool' | 'now'>,
  token: string | null,
): Promise<{ id: number; name: string } | 'ended' | null> {
  if (token === null) return null;
  const found = await context.pool.query<{ id: number; name: string }>(
    `SELECT staff.id, staff.name FROM staff_sessions
     JOIN staff ON staff.id = staff_sessions.staff_id
     WHERE token_hash = $1 AND expires_at > $2 AND staff.disabled_at IS NULL`,
    [hashSecret(token), context.now()],
  );
  return found.rows[0] ?? 'ended';
}
