import type { Migration } from '../migrate';

/**
 * What a clerk may do, as the shop sets it (shared/permissions.ts): one row per act set, an act
 * without a row keeps its default (today's behaviour), so an empty table changes nothing and an
 * act added later starts at its default.
 *
 * Numbered 0025 among the issue-14 migrations; on this branch, which has none of 0021–0024, it is
 * version 21 (a migration's version is its place in the list): renumbered when they land.
 */
export const migration0025: Migration = {
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
