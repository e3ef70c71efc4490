import type { Migration } from '../migrate';

/**
 * The shop's receipt printers (at most one the default), and the log of each receipt's first
 * print (the original; reprints are in receipt_copies), which is append-only like the receipts.
 * Released: never edit; add a new migration instead.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'printers',
  up(db) {
    db.exec(`
      CREATE TABLE printers (
        id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
        position INTEGER NOT NULL CHECK (position >= 0),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        paper TEXT NOT NULL CHECK (paper IN ('80mm', '58mm')),
        kind TEXT NOT NULL CHECK (kind IN ('tcp', 'serial', 'pdf', 'system')),
        -- What only this kind has (host and port, port path and speed, folder, device name).
        settings TEXT NOT NULL CHECK (json_valid(settings) AND json_type(settings) = 'object'),
        is_default INTEGER NOT NULL CHECK (is_default IN (0, 1)),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX printers_one_default ON printers (is_default) WHERE is_default = 1;

      CREATE TABLE receipt_original_prints (
        device_id TEXT NOT NULL,
        number INTEGER NOT NULL,
        printed_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        printer TEXT NOT NULL,
        PRIMARY KEY (device_id, number),
        FOREIGN KEY (device_id, number) REFERENCES receipts (device_id, number)
      ) STRICT;
      CREATE TRIGGER receipt_original_prints_are_append_only_update
      BEFORE UPDATE ON receipt_original_prints
      BEGIN SELECT RAISE(ABORT, 'receipt_original_prints are append-only'); END;
      CREATE TRIGGER receipt_original_prints_are_append_only_delete
      BEFORE DELETE ON receipt_original_prints
      BEGIN SELECT RAISE(ABORT, 'receipt_original_prints are append-only'); END;
    `);
  },
};
