import type { Migration } from '../migrate';

/**
 * What a clerk may do, as the shop sets it (shared/permissions.ts): one row per act set, an act
 * without a row keeps its default (today's behaviour), so an empty table changes nothing and an
 * act added later starts at its default.
 */
export const migration0021: Migration = {
  version: 21,
  name: 'permissions',
  up(db) {
    db.exec(`
      CREATE TABLE permissions (
        role TEXT NOT NULL CHECK (role = 'clerk'),
        act TEXT NOT NULL CHECK (length(act) BETWEEN 1 AND 40),
        decision TEXT NOT NULL CHECK (decision IN ('allowed', 'approval', 'refused')),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (role, act)
      ) STRICT;
    `);
  },
};
