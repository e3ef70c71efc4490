import type { Migration } from '../migrate';

/**
 * Each time a month's or a year's closure was printed: the first print is the original, every
 * later one a COPY, as for Z reports (migration 0010). Append-only, like the closures.
 */
export const migration0022: Migration = {
  version: 22,
  name: 'period-closure-prints',
  up(db) {
    db.exec(`
      CREATE TABLE period_closure_prints (
        device_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        number INTEGER NOT NULL,
        print INTEGER NOT NULL CHECK (print > 0),
        printed_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        printer TEXT NOT NULL,
        PRIMARY KEY (device_id, kind, number, print),
        FOREIGN KEY (device_id, kind, number) REFERENCES period_closures (device_id, kind, number)
      ) STRICT;
      CREATE TRIGGER period_closure_prints_are_append_only_update
      BEFORE UPDATE ON period_closure_prints
      BEGIN SELECT RAISE(ABORT, 'period_closure_prints are append-only'); END;
      CREATE TRIGGER period_closure_prints_are_append_only_delete
      BEFORE DELETE ON period_closure_prints
      BEGIN SELECT RAISE(ABORT, 'period_closure_prints are append-only'); END;
    `);
  },
};
