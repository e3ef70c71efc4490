import { ApiError } from '../../shared/api/errors';
import type { HqCaller, HqContext, HqHandlers } from './handlers';
import { hashPassword, passwordMatches, unusedPasswordHash } from './passwords';
import { hashSecret, newSecret } from './secrets';
import { admitGuess, forgetGuesses, type ThrottleRule } from './throttle';
import { inTransaction, isUniqueViolation } from './transaction';

type StaffHandlers = Pick<
  HqHandlers,
  'staff.getAbout' | 'staff.setup' | 'staff.login' | 'staff.logout' | 'staff.list' | 'staff.create'
>;

/** A head-office session lasts a working day, then staff sign in again. */
export const sessionHours = 12;

/** How wrong passwords are slowed down, per client (counted in PostgreSQL: stateless servers). */
export const signInThrottle: ThrottleRule = {
  freeFailures: 3,
  firstDelayMs: 1000,
  maxDelayMs: 5 * 60_000,
  forgetAfterMs: 15 * 60_000,
};

/** The staff member a staff procedure runs for (the dispatcher checked there is one). */
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
      await admitGuess(
        context,
        'sign-in',
        caller.client,
        signInThrottle,
        (seconds) => `Too many wrong passwords: try again in ${seconds} s`,
      );
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
      await forgetGuesses(pool, 'sign-in', caller.client);
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
