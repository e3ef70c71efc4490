import type { Migration } from '../migrate';

/** How long the counter may stay idle before it signs out, set per shop (5 minutes before). */
export const migration0007: Migration = {
  version: 7,
  name: 'idle-lock',
  up(db) {
    db.exec(`
      ALTER TABLE shop_profile ADD COLUMN idle_lock_minutes INTEGER NOT NULL DEFAULT 5
        CHECK (idle_lock_minutes BETWEEN 1 AND 240);
    `);
  },
};
