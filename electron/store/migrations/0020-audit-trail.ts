import type { Migration } from '../migrate';

/**
 * The audit trail (shared/audit.ts): per till, entries numbered without gaps (`seq`), each
 * chained by its hash to the one before (electron/store/hash-chain.ts; `content` is the entry's
 * canonical JSON without its hash and link). Append-only: the database refuses any change or
 * deletion, as it does for receipts. `at`, `kind` and `actor` repeat what `content` holds, for
 * the Audit page's filters.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'audit-trail',
  up(db) {
    db.exec(`
      CREATE TABLE audit_events (
        device_id TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq > 0),
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        actor TEXT,
        content TEXT NOT NULL,
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
        PRIMARY KEY (device_id, seq)
      ) STRICT;
      CREATE INDEX audit_events_by_time ON audit_events (device_id, at);
      CREATE INDEX audit_events_by_kind ON audit_events (device_id, kind, seq);
      CREATE TRIGGER audit_events_are_append_only_update BEFORE UPDATE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
      CREATE TRIGGER audit_events_are_append_only_delete BEFORE DELETE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
    `);
  },
};
