import type { Migration } from '../migrate';

/**
 * Month and year closures (shared/period.ts): per till and kind, numbered without gaps, each
 * chained by its hash to the previous closure of its kind (electron/store/hash-chain.ts; `content`
 * is the closure's canonical JSON without its hash and link). One closure per period; none is
 * ever changed or deleted, which the database refuses as it does for receipts.
 */
export const migration0019: Migration = {
  version: 19,
  name: 'period-closures',
  up(db) {
    db.exec(`
      CREATE TABLE period_closures (
        device_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('month', 'year')),
        number INTEGER NOT NULL CHECK (number > 0),
        period TEXT NOT NULL,
        content TEXT NOT NULL,
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
        closed_at TEXT NOT NULL,
        PRIMARY KEY (device_id, kind, number),
        UNIQUE (device_id, kind, period)
      ) STRICT;
      CREATE TRIGGER period_closures_are_never_changed BEFORE UPDATE ON period_closures
      BEGIN SELECT RAISE(ABORT, 'period closures are never changed'); END;
      CREATE TRIGGER period_closures_are_never_deleted BEFORE DELETE ON period_closures
      BEGIN SELECT RAISE(ABORT, 'period closures are never deleted'); END;
    `);
  },
};
