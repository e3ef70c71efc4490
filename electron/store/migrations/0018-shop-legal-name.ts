import type { Migration } from '../migrate';

/** The business's registered name, printed on receipts beside the shop's sign (empty before). */
export const migration0018: Migration = {
  version: 18,
  name: 'shop-legal-name',
  up(db) {
    db.exec(`ALTER TABLE shop_profile ADD COLUMN legal_name TEXT NOT NULL DEFAULT '';`);
  },
};
