import type { Migration } from '../migrate';

/**
 * A shop of a chain: the outbox of facts going up to the head office (written in the same
 * transaction as each fact, sent in id order, marked when the head office acknowledges them);
 * the link to the head office once a manager has enrolled the shop (its credential sealed, and
 * how the last attempts went); and the catalog changes received from it, each applied at its
 * effective time in the shop's zone, even while offline.
 */
export const migration0025: Migration = {
  version: 25,
  name: 'head-office',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        id TEXT PRIMARY KEY CHECK (length(id) = 36),
        kind TEXT NOT NULL CHECK (kind IN ('sale', 'receipt', 'refund', 'cashMovement',
          'dealerBalance', 'zReport', 'periodClosure', 'audit', 'booksCheck')),
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        created_at TEXT NOT NULL,
        sent_at TEXT
      ) STRICT;
      CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
      CREATE TRIGGER outbox_facts_are_never_changed BEFORE UPDATE OF id, kind, payload, created_at ON outbox
      BEGIN SELECT RAISE(ABORT, 'a fact in the outbox is never changed'); END;
      CREATE TRIGGER outbox_sent_stays_sent BEFORE UPDATE OF sent_at ON outbox
      WHEN OLD.sent_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a fact sent stays sent'); END;

      CREATE TABLE head_office (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        url TEXT NOT NULL,
        shop_id TEXT NOT NULL CHECK (length(shop_id) = 36),
        shop_name TEXT NOT NULL,
        credential_sealed TEXT NOT NULL,
        fingerprint TEXT CHECK (fingerprint IS NULL OR length(fingerprint) = 64),
        managed INTEGER NOT NULL CHECK (managed IN (0, 1)),
        enrolled_at TEXT NOT NULL,
        enrolled_by TEXT NOT NULL,
        last_attempt_at TEXT,
        last_success_at TEXT,
        last_error_at TEXT,
        last_error_code TEXT,
        last_error_message TEXT,
        next_attempt_at TEXT,
        failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0)
      ) STRICT;

      CREATE TABLE catalog_changes (
        version INTEGER PRIMARY KEY CHECK (version > 0),
        kind TEXT NOT NULL CHECK (kind IN ('carrierProfile', 'shopSettings')),
        change TEXT NOT NULL CHECK (json_valid(change)),
        effective_from TEXT,
        received_at TEXT NOT NULL,
        applied_at TEXT
      ) STRICT;
      CREATE INDEX catalog_changes_waiting ON catalog_changes (version) WHERE applied_at IS NULL;
    `);
  },
};
