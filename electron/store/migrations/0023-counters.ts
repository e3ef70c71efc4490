import type { Migration } from '../migrate';

/**
 * Several counters on one hub: where the hub listens for the shop's network (off until a manager
 * opens it) and how cash is counted (a drawer per till or one for the shop); the paired counters,
 * each a till with its own receipt numbering, known by a hashed device credential and revocable;
 * and the one-time pairing codes (hashed, expiring, a few tries each).
 */
export const migration0023: Migration = {
  version: 23,
  name: 'counters',
  up(db) {
    db.exec(`
      CREATE TABLE hub_network (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        open INTEGER NOT NULL CHECK (open IN (0, 1)),
        address TEXT NOT NULL,
        port INTEGER NOT NULL CHECK (port BETWEEN 1024 AND 65535),
        drawers TEXT NOT NULL CHECK (drawers IN ('per_till', 'shop')),
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE paired_devices (
        id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 8 AND 64),
        till_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        credential_hash TEXT NOT NULL UNIQUE CHECK (length(credential_hash) = 64),
        paired_at TEXT NOT NULL,
        paired_by TEXT NOT NULL,
        last_seen_at TEXT,
        last_address TEXT,
        revoked_at TEXT
      ) STRICT;
      -- A revoked device stays revoked: its till's receipts keep their name.
      CREATE TRIGGER paired_devices_revoke_once BEFORE UPDATE ON paired_devices
      WHEN OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS NOT OLD.revoked_at
        OR NEW.id IS NOT OLD.id OR NEW.credential_hash IS NOT OLD.credential_hash
        OR NEW.till_name IS NOT OLD.till_name OR NEW.paired_at IS NOT OLD.paired_at
      BEGIN SELECT RAISE(ABORT, 'a paired device only changes by being seen or revoked'); END;
      CREATE TRIGGER paired_devices_are_never_deleted BEFORE DELETE ON paired_devices
      BEGIN SELECT RAISE(ABORT, 'paired devices are never deleted'); END;

      CREATE TABLE pairing_codes (
        code_hash TEXT PRIMARY KEY CHECK (length(code_hash) = 64),
        till_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        tries_left INTEGER NOT NULL CHECK (tries_left >= 0),
        used_at TEXT,
        device_id TEXT REFERENCES paired_devices (id)
      ) STRICT;
    `);
  },
};
