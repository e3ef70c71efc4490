import type { Pool } from 'pg';
import { ApiError } from '../../shared/api/errors';

/** How a client's wrong guesses are slowed down. */
export interface ThrottleRule {
  /** Wrong guesses allowed before any wait. */
  freeFailures: number;
  /** The wait after the first guess past the free ones; it doubles with each one after. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A client quiet this long starts again from nothing. */
  forgetAfterMs: number;
}

/** What is guessed: a staff password, or a shop's enrolment code. */
export type ThrottlePurpose = 'sign-in' | 'enrol';

/**
 * The row a client's guesses at one thing are counted in (`staff_sign_in_failures.client`, the
 * table of migration 0002): a sign-in's count and an enrolment's are kept apart.
 */
const keyOf = (purpose: ThrottlePurpose, client: string) => `${purpose} ${client}`;

/**
 * The wait after a client's `f.failures` wrong guesses, in ms, from the parameters numbered
 * `first` on: the free failures, the first delay, the longest (the delay doubles up to it).
 */
const delaySql = (first: number) => {
  const [free, delay, max] = [first, first + 1, first + 2].map((n) => `$${n}`);
  return `(CASE WHEN f.failures < ${free} THEN 0
    ELSE least(${delay} * power(2, f.failures - ${free}), ${max}) END)`;
};

/**
 * Counts a guess of `client` before it is checked, in one statement, or refuses it (429 with
 * retryAfter, worded by `refusal`) while the client must still wait after wrong guesses: guesses
 * sent at once are each counted, so they cannot all pass a check made before any of them failed.
 * Counted in PostgreSQL, not in one server's memory: behind a load balancer, a guesser spreading
 * its tries over the servers still waits.
 */
export async function admitGuess(
  context: { pool: Pool; now: () => Date },
  purpose: ThrottlePurpose,
  client: string,
  rule: ThrottleRule,
  refusal: (seconds: number) => string,
): Promise<void> {
  const { pool } = context;
  const at = context.now();
  const key = keyOf(purpose, client);
  const { freeFailures, firstDelayMs, maxDelayMs, forgetAfterMs } = rule;
  const forgotten = new Date(at.getTime() - forgetAfterMs);
  await pool.query('DELETE FROM staff_sign_in_failures WHERE last_at <= $1', [forgotten]);
  const counted = await pool.query(
    `INSERT INTO staff_sign_in_failures AS f (client, failures, last_at) VALUES ($1, 1, $2)
     ON CONFLICT (client) DO UPDATE SET
       failures = CASE WHEN f.last_at <= $3 THEN 1 ELSE f.failures + 1 END, last_at = $2
     WHERE f.last_at <= $3
       OR f.last_at + ${delaySql(4)} * interval '1 millisecond' <= $2
     RETURNING failures`,
    [key, at, forgotten, freeFailures, firstDelayMs, maxDelayMs],
  );
  if (counted.rowCount) return;
  const found = await pool.query<{ wait_ms: number }>(
    `SELECT extract(epoch FROM f.last_at + ${delaySql(3)} * interval '1 millisecond' - $2)
       * 1000 AS wait_ms
     FROM staff_sign_in_failures f WHERE client = $1`,
    [key, at, freeFailures, firstDelayMs, maxDelayMs],
  );
  const seconds = Math.max(1, Math.ceil(Number(found.rows[0]?.wait_ms ?? 1000) / 1000));
  throw new ApiError('rate_limited', refusal(seconds), undefined, { retryAfter: seconds });
}

/** A right guess: the client's count for `purpose` starts again from nothing. */
export async function forgetGuesses(
  pool: Pool,
  purpose: ThrottlePurpose,
  client: string,
): Promise<void> {
  await pool.query('DELETE FROM staff_sign_in_failures WHERE client = $1', [
    keyOf(purpose, client),
  ]);
}
