import type { Migration } from '../migrate';

/**
 * Each sale is made at a till and each shift counts a drawer: `till_id` is the till's id (its
 * receipts' numbering), NULL for what was sold and counted before there were counters (the
 * hub's own till). One open shift per drawer, not per database; neither ever changes till.
 */
export const migration0024: Migration = {
  version: 24,
  name: 'sales-and-shifts-at-tills',
  up(db) {
    db.exec(`
      ALTER TABLE sales ADD COLUMN till_id TEXT CHECK (till_id IS NULL OR length(till_id) BETWEEN 8 AND 64);
      CREATE INDEX sales_by_till ON sales (till_id, created_at);
      CREATE TRIGGER sales_keep_their_till BEFORE UPDATE OF till_id ON sales
      WHEN NEW.till_id IS NOT OLD.till_id
      BEGIN SELECT RAISE(ABORT, 'what was sold cannot be changed'); END;

      ALTER TABLE shifts ADD COLUMN till_id TEXT CHECK (till_id IS NULL OR length(till_id) BETWEEN 8 AND 64);
      DROP INDEX shifts_one_open;
      CREATE UNIQUE INDEX shifts_one_open_per_drawer ON shifts (coalesce(till_id, ''))
        WHERE closed_at IS NULL;
      CREATE TRIGGER shifts_keep_their_till BEFORE UPDATE OF till_id ON shifts
      WHEN NEW.till_id IS NOT OLD.till_id
      BEGIN SELECT RAISE(ABORT, 'a shift only changes by closing, once'); END;
    `);
  },
};
