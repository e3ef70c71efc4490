import type { Migration } from '../migrate';

/** Released: never edit; add a new migration instead. */
export const migration0001: Migration = {
  version: 1,
  name: 'shop-profile',
  up(db) {
    db.exec(`
      CREATE TABLE shop_profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        address TEXT NOT NULL,
        country TEXT NOT NULL CHECK (length(country) = 2),
        phone TEXT NOT NULL,
        tax_id TEXT NOT NULL,
        receipt_footer TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        default_language TEXT NOT NULL CHECK (default_language IN ('en', 'fr', 'zh-CN')),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
