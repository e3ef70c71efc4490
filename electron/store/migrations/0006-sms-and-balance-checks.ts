import type { Migration } from '../migrate';

/**
 * The SMS each modem received (kept before the SIM copy is deleted) and the balance checks of
 * customers' cards. Received messages are evidence (carrier replies and confirmations): never
 * deleted; a row changes only when the missing part of a message surfaced incomplete arrives.
 * Checks are append-only.
 * Released: never edit; add a new migration instead.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'sms-and-balance-checks',
  up(db) {
    db.exec(`
      CREATE TABLE sms_messages (
        id INTEGER PRIMARY KEY,
        modem_id TEXT NOT NULL CHECK (length(modem_id) > 0),
        -- The inbox's key: the same message read again (a restart before the SIM copy was
        -- deleted) has the same key, so it is stored once.
        key TEXT NOT NULL,
        sender TEXT,
        text TEXT NOT NULL,
        sent_at TEXT,
        received_at TEXT NOT NULL,
        parts INTEGER NOT NULL CHECK (parts >= 1),
        total INTEGER NOT NULL CHECK (total >= parts),
        complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
        encoding TEXT,
        error TEXT,
        pdu TEXT,
        UNIQUE (modem_id, key)
      ) STRICT;

      CREATE TRIGGER sms_messages_are_never_deleted BEFORE DELETE ON sms_messages
      BEGIN SELECT RAISE(ABORT, 'received messages are never deleted'); END;

      CREATE TABLE balance_checks (
        id INTEGER PRIMARY KEY,
        msisdn TEXT NOT NULL CHECK (msisdn GLOB '+[0-9]*'),
        carrier_id TEXT NOT NULL,
        modem_id TEXT NOT NULL,
        clerk_id INTEGER NOT NULL REFERENCES users (id),
        asked_at TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'timeout', 'unknown_number', 'refused',
          'unrecognised_reply', 'unreadable_data', 'unreadable_date')),
        remaining_mb INTEGER CHECK (remaining_mb >= 0),
        valid_until TEXT,
        reply_text TEXT,
        replied_at TEXT,
        CHECK ((outcome = 'ok') = (remaining_mb IS NOT NULL AND valid_until IS NOT NULL)),
        CHECK ((outcome = 'timeout') = (reply_text IS NULL AND replied_at IS NULL))
      ) STRICT;
      CREATE INDEX balance_checks_by_number ON balance_checks (msisdn, asked_at);

      CREATE TRIGGER balance_checks_are_append_only_update BEFORE UPDATE ON balance_checks
      BEGIN SELECT RAISE(ABORT, 'balance_checks are append-only'); END;
      CREATE TRIGGER balance_checks_are_append_only_delete BEFORE DELETE ON balance_checks
      BEGIN SELECT RAISE(ABORT, 'balance_checks are append-only'); END;
    `);
  },
};
