import type { Migration } from '../migrate';

const finalStatuses = "('succeeded', 'failed')";

/**
 * Users, the device identity, and the renewal journal: sales, their events, refunds and
 * receipts. Events, refunds and receipts are append-only, and a sale's status can only follow
 * the journal's transitions: the database refuses anything else even if the code has a bug.
 * Released: never edit; add a new migration instead.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'renewal-journal',
  up(db) {
    db.exec(`
      CREATE TABLE device (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        device_id TEXT NOT NULL CHECK (length(device_id) BETWEEN 8 AND 64)
      ) STRICT;

      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 40),
        role TEXT NOT NULL CHECK (role IN ('clerk', 'manager')),
        pin_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        disabled_at TEXT
      ) STRICT;

      CREATE TABLE sales (
        id INTEGER PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 8 AND 100),
        status TEXT NOT NULL
          CHECK (status IN ('draft', 'paid', 'sending', 'succeeded', 'failed', 'unknown')),
        msisdn TEXT NOT NULL CHECK (msisdn GLOB '+[0-9]*'),
        carrier_id TEXT NOT NULL,
        plan_id TEXT NOT NULL,
        plan_name TEXT NOT NULL,
        data_mb INTEGER NOT NULL CHECK (data_mb >= 0),
        validity_days INTEGER NOT NULL CHECK (validity_days >= 0),
        price INTEGER NOT NULL CHECK (price >= 0),
        dealer_cost INTEGER NOT NULL CHECK (dealer_cost >= 0),
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        payment_method TEXT NOT NULL CHECK (payment_method IN ('cash', 'card', 'other')),
        tendered INTEGER CHECK (tendered >= price),
        change_given INTEGER CHECK (change_given >= 0),
        payment_reference TEXT,
        clerk_id INTEGER NOT NULL REFERENCES users (id),
        modem_id TEXT,
        carrier_reference TEXT,
        dealer_balance_after INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sales_by_time ON sales (created_at);
      CREATE INDEX sales_by_number ON sales (msisdn, created_at);
      CREATE INDEX sales_open ON sales (status) WHERE status IN ('sending', 'unknown');

      CREATE TRIGGER sales_follow_the_journal BEFORE UPDATE OF status ON sales
      WHEN NEW.status IS NOT OLD.status AND NOT (
        (OLD.status = 'draft' AND NEW.status IN ('paid', 'failed')) OR
        (OLD.status = 'paid' AND NEW.status IN ('sending', 'failed')) OR
        (OLD.status = 'sending' AND NEW.status IN ('succeeded', 'failed', 'unknown')) OR
        (OLD.status = 'unknown' AND NEW.status IN ${finalStatuses})
      )
      BEGIN SELECT RAISE(ABORT, 'sale status cannot move this way'); END;

      CREATE TRIGGER sales_keep_what_was_sold BEFORE UPDATE ON sales
      WHEN NEW.idempotency_key IS NOT OLD.idempotency_key OR NEW.msisdn IS NOT OLD.msisdn
        OR NEW.plan_id IS NOT OLD.plan_id OR NEW.price IS NOT OLD.price
        OR NEW.currency IS NOT OLD.currency OR NEW.clerk_id IS NOT OLD.clerk_id
        OR NEW.created_at IS NOT OLD.created_at
      BEGIN SELECT RAISE(ABORT, 'what was sold cannot be changed'); END;

      CREATE TRIGGER sales_are_never_deleted BEFORE DELETE ON sales
      BEGIN SELECT RAISE(ABORT, 'sales are never deleted'); END;

      CREATE TABLE sale_events (
        id INTEGER PRIMARY KEY,
        sale_id INTEGER NOT NULL REFERENCES sales (id),
        from_status TEXT,
        to_status TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        reason TEXT,
        transcript TEXT
      ) STRICT;
      CREATE INDEX sale_events_by_sale ON sale_events (sale_id);

      CREATE TABLE refunds (
        id INTEGER PRIMARY KEY,
        sale_id INTEGER NOT NULL UNIQUE REFERENCES sales (id),
        amount INTEGER NOT NULL CHECK (amount > 0),
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'other')),
        at TEXT NOT NULL,
        reason TEXT NOT NULL
      ) STRICT;

      CREATE TABLE receipts (
        device_id TEXT NOT NULL,
        number INTEGER NOT NULL CHECK (number > 0),
        sale_id INTEGER NOT NULL REFERENCES sales (id),
        content TEXT NOT NULL,
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
        issued_at TEXT NOT NULL,
        PRIMARY KEY (device_id, number)
      ) STRICT;
      CREATE INDEX receipts_by_sale ON receipts (sale_id);

      CREATE TABLE receipt_copies (
        id INTEGER PRIMARY KEY,
        device_id TEXT NOT NULL,
        number INTEGER NOT NULL,
        copy INTEGER NOT NULL CHECK (copy > 0),
        printed_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        printer TEXT,
        FOREIGN KEY (device_id, number) REFERENCES receipts (device_id, number),
        UNIQUE (device_id, number, copy)
      ) STRICT;
    `);
    for (const table of ['sale_events', 'refunds', 'receipts', 'receipt_copies']) {
      db.exec(`
        CREATE TRIGGER ${table}_are_append_only_update BEFORE UPDATE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${table} are append-only'); END;
        CREATE TRIGGER ${table}_are_append_only_delete BEFORE DELETE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${table} are append-only'); END;
      `);
    }
  },
};
