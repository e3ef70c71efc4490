import type { Migration } from '../migrate';

/**
 * Each dealer SIM's float as last known (from a top-up's reply, a scheduled balance check, or
 * typed by a manager), the low threshold below which every screen alerts, the daily cap of what
 * it may sell, and when the alert of the current crossing went out (once per crossing). Keyed by
 * the shop's name of the modem, as sales are; amounts in minor units of `currency`. One row of
 * alert settings: the manager's phone a low float is also told to by SMS (null: none).
 */
export const migration0014: Migration = {
  version: 14,
  name: 'dealer-floats',
  up(db) {
    db.exec(`
      CREATE TABLE dealer_floats (
        modem_id TEXT PRIMARY KEY,
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        balance INTEGER,
        checked_at TEXT,
        source TEXT CHECK (source IN ('top-up', 'check', 'manual')),
        low_threshold INTEGER CHECK (low_threshold >= 0),
        daily_cap INTEGER CHECK (daily_cap > 0),
        alerted_at TEXT,
        updated_at TEXT NOT NULL,
        CHECK ((balance IS NULL) = (checked_at IS NULL) AND (balance IS NULL) = (source IS NULL))
      ) STRICT;
      CREATE TABLE float_alert_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        manager_phone TEXT CHECK (manager_phone GLOB '+[1-9]*'),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sales_by_modem ON sales (modem_id, created_at) WHERE modem_id IS NOT NULL;
    `);
  },
};
