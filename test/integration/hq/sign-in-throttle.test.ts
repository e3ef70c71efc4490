import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { HqCaller, HqContext } from '../../../electron/hq/handlers';
import { migratePg } from '../../../electron/hq/migrate';
import { signInThrottle, staffHandlers } from '../../../electron/hq/staff';
import { ApiError } from '../../../shared/api/errors';
import { freshDatabase } from '../../support/postgres';

let clock = Date.parse('2026-12-07T08:00:00Z');
let pool: pg.Pool;
let staff: ReturnType<typeof staffHandlers>;
const guesser: HqCaller = { staff: null, token: null, client: 'http:127.0.0.9' };
const password = 'un mot de passe long';

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await freshDatabase(inject('postgresUrl')) });
  const context: HqContext = {
    pool,
    now: () => new Date(clock),
    log: { error() {}, warn() {}, info() {} },
  };
  await migratePg(pool, context.now);
  staff = staffHandlers(context);
  await staff['staff.setup']({ name: 'Marie', password }, guesser);
});
afterAll(() => pool.end());

const outcome = (attempt: unknown) =>
  Promise.resolve(attempt).then(
    () => 'signed in',
    (error: unknown) => (error instanceof ApiError ? error.code : String(error)),
  );

describe('slowing wrong head-office passwords down', () => {
  it('counts guesses sent at once each: only the free ones are checked, the rest must wait', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        outcome(staff['staff.login']({ name: 'Marie', password: `guess ${i}` }, guesser)),
      ),
    );
    expect(guesses.filter((code) => code === 'unauthorized')).toHaveLength(
      signInThrottle.freeFailures,
    );
    expect(guesses.filter((code) => code === 'rate_limited')).toHaveLength(
      10 - signInThrottle.freeFailures,
    );
    // Even the right password waits its turn; then it signs in and clears the count.
    expect(await outcome(staff['staff.login']({ name: 'Marie', password }, guesser))).toBe(
      'rate_limited',
    );
    clock += signInThrottle.firstDelayMs;
    expect(await outcome(staff['staff.login']({ name: 'Marie', password }, guesser))).toBe(
      'signed in',
    );
    expect((await pool.query('SELECT * FROM staff_sign_in_failures')).rows).toEqual([]);
  });
});
