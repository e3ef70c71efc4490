import type { PgMigration } from '../migrate';

/**
 * Wrong head-office passwords, counted per client in the database rather than in one server's
 * memory: behind a load balancer, a guesser spreading its tries over the servers still waits.
 */
export const pgMigration0002: PgMigration = {
  version: 2,
  name: 'sign-in-throttle',
  sql: `
    CREATE TABLE staff_sign_in_failures (
      client text PRIMARY KEY,
      failures integer NOT NULL CHECK (failures > 0),
      last_at timestamptz NOT NULL
    );
  `,
};
