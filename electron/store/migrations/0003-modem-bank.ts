import type { Migration } from '../migrate';

/**
 * The shop's real modems: each port bound to the carrier of its dealer SIM. Dealer PINs are
 * not here: they are secrets, kept sealed in a file of their own (see dealer-pins.ts), so a
 * copy of the database never carries them.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'modem-bank',
  up(db) {
    db.exec(`
      CREATE TABLE modems (
        id TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'
          AND length(id) <= 32),
        carrier_id TEXT NOT NULL CHECK (length(carrier_id) BETWEEN 1 AND 40),
        port_path TEXT NOT NULL UNIQUE CHECK (length(port_path) BETWEEN 1 AND 200),
        baud_rate INTEGER CHECK (baud_rate IS NULL OR baud_rate BETWEEN 1200 AND 4000000),
        rtscts INTEGER NOT NULL DEFAULT 0 CHECK (rtscts IN (0, 1)),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
