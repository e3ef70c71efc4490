import type { Migration } from '../migrate';

/**
 * Each sale keeps its plan's tax rate as sold (basis points), so that its receipt and its Z take
 * the same tax out of the price whatever the plan's rate becomes. Sales made before stay NULL:
 * their tax was never recorded, and no rate is guessed for them.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'sale-tax-rate',
  up(db) {
    db.exec(`
      ALTER TABLE sales ADD COLUMN tax_rate INTEGER
        CHECK (tax_rate IS NULL OR (tax_rate BETWEEN 0 AND 10000));
    `);
  },
};
