import type { Migration } from '../migrate';

/**
 * Shifts of the counter, their cash movements, the dealer SIMs' balances read at opening and
 * closing, and the Z reports that close them: numbered per device without gaps, chained by hash
 * like receipts. A closed shift, and everything recorded in it, can no longer change.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'shifts',
  up(db) {
    db.exec(`
      CREATE TABLE shifts (
        id INTEGER PRIMARY KEY,
        opened_at TEXT NOT NULL,
        opened_by INTEGER NOT NULL REFERENCES users (id),
        float_amount INTEGER NOT NULL CHECK (float_amount >= 0),
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        closed_at TEXT,
        closed_by INTEGER REFERENCES users (id),
        CHECK ((closed_at IS NULL) = (closed_by IS NULL))
      ) STRICT;
      -- One open shift per device (one database is one device).
      CREATE UNIQUE INDEX shifts_one_open ON shifts ((closed_at IS NULL)) WHERE closed_at IS NULL;

      CREATE TRIGGER shifts_close_once BEFORE UPDATE ON shifts
      WHEN OLD.closed_at IS NOT NULL OR NEW.opened_at IS NOT OLD.opened_at
        OR NEW.opened_by IS NOT OLD.opened_by OR NEW.float_amount IS NOT OLD.float_amount
        OR NEW.currency IS NOT OLD.currency
      BEGIN SELECT RAISE(ABORT, 'a shift only changes by closing, once'); END;
      CREATE TRIGGER shifts_are_never_deleted BEFORE DELETE ON shifts
      BEGIN SELECT RAISE(ABORT, 'shifts are never deleted'); END;

      CREATE TABLE cash_movements (
        id INTEGER PRIMARY KEY,
        shift_id INTEGER NOT NULL REFERENCES shifts (id),
        kind TEXT NOT NULL CHECK (kind IN ('in', 'out')),
        amount INTEGER NOT NULL CHECK (amount > 0),
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        reason TEXT NOT NULL CHECK (length(reason) BETWEEN 3 AND 200),
        actor_id INTEGER NOT NULL REFERENCES users (id),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cash_movements_by_shift ON cash_movements (shift_id);

      CREATE TABLE dealer_balance_readings (
        id INTEGER PRIMARY KEY,
        shift_id INTEGER NOT NULL REFERENCES shifts (id),
        modem_id TEXT NOT NULL,
        carrier_id TEXT NOT NULL,
        moment TEXT NOT NULL CHECK (moment IN ('opening', 'closing')),
        amount INTEGER NOT NULL,
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        source TEXT NOT NULL CHECK (source IN ('ussd', 'manual')),
        text TEXT,
        actor_id INTEGER NOT NULL REFERENCES users (id),
        at TEXT NOT NULL,
        UNIQUE (shift_id, modem_id, moment)
      ) STRICT;

      CREATE TABLE z_reports (
        device_id TEXT NOT NULL,
        number INTEGER NOT NULL CHECK (number > 0),
        shift_id INTEGER NOT NULL UNIQUE REFERENCES shifts (id),
        content TEXT NOT NULL,
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
        issued_at TEXT NOT NULL,
        PRIMARY KEY (device_id, number)
      ) STRICT;
    `);
    for (const table of ['cash_movements', 'dealer_balance_readings']) {
      db.exec(`
        CREATE TRIGGER ${table}_only_in_an_open_shift BEFORE INSERT ON ${table}
        WHEN (SELECT closed_at FROM shifts WHERE id = NEW.shift_id) IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'this shift is closed'); END;
      `);
    }
    for (const table of ['cash_movements', 'dealer_balance_readings', 'z_reports']) {
      db.exec(`
        CREATE TRIGGER ${table}_are_append_only_update BEFORE UPDATE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${table} are append-only'); END;
        CREATE TRIGGER ${table}_are_append_only_delete BEFORE DELETE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${table} are append-only'); END;
      `);
    }
  },
};
