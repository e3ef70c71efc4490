import type { Migration } from '../migrate';

/** The till's name a manager sets, printed on receipts and reports ("1" for shops set up before). */
export const migration0016: Migration = {
  version: 16,
  name: 'till-name',
  up(db) {
    db.exec(`ALTER TABLE shop_profile ADD COLUMN till_name TEXT NOT NULL DEFAULT '1';`);
  },
};
