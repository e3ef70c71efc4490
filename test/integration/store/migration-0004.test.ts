import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();
const at = migratedAt;

function withManager(db: BetterSqlite3.Database) {
  db.prepare(
    "INSERT INTO users (id, name, role, pin_hash, created_at) VALUES (1, 'manager', 'manager', 'x', '2026-11-22')",
  ).run();
  return db;
}

const openShift =
  "INSERT INTO shifts (opened_at, opened_by, float_amount, currency) VALUES ('2026-11-22T20:00:00Z', 1, 10000, 'XPF')";
const movement = `INSERT INTO cash_movements (shift_id, kind, amount, currency, reason, actor_id, at)
  VALUES (1, 'out', 2000, 'XPF', 'bank deposit', 1, '2026-11-22T22:00:00Z')`;

describe('migration 0004: shifts and Z reports', () => {
  it('keeps the modems and users written by version 3', () => {
    const db = withManager(databaseAt(3));
    db.prepare(`INSERT INTO modems (id, carrier_id, port_path, baud_rate, rtscts, updated_at)
      VALUES ('modem-1', 'nc-demo', '/dev/ttyUSB0', NULL, 0, '2026-11-22T00:00:00Z')`).run();
    migrate(db, migrations.slice(0, 4), at);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare('SELECT id FROM modems').pluck().all()).toEqual(['modem-1']);
    db.prepare(openShift).run();
    expect(db.prepare('SELECT count(*) FROM shifts').pluck().get()).toBe(1);
    db.close();
  });

  it('holds one open shift at a time', () => {
    const db = withManager(databaseAt(4));
    db.prepare(openShift).run();
    expect(() => db.prepare(openShift).run()).toThrow(/UNIQUE/);
    db.prepare(
      "UPDATE shifts SET closed_at = '2026-11-23T06:00:00Z', closed_by = 1 WHERE id = 1",
    ).run();
    db.prepare(openShift).run();
    db.close();
  });

  it('changes nothing of a closed shift: no movement, no reading, no second close', () => {
    const db = withManager(databaseAt(4));
    db.prepare(openShift).run();
    db.prepare(movement).run();
    db.prepare(
      "UPDATE shifts SET closed_at = '2026-11-23T06:00:00Z', closed_by = 1 WHERE id = 1",
    ).run();
    expect(() => db.prepare(movement).run()).toThrow(/this shift is closed/);
    expect(() =>
      db
        .prepare(`INSERT INTO dealer_balance_readings (shift_id, modem_id, carrier_id, moment, amount,
        currency, source, text, actor_id, at) VALUES (1, 'modem-1', 'nc-demo', 'closing', 1, 'XPF',
        'manual', NULL, 1, '2026-11-23T07:00:00Z')`)
        .run(),
    ).toThrow(/this shift is closed/);
    expect(() =>
      db.prepare("UPDATE shifts SET closed_at = '2026-11-24T06:00:00Z' WHERE id = 1").run(),
    ).toThrow(/only changes by closing, once/);
    expect(() => db.prepare('UPDATE cash_movements SET amount = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM cash_movements').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM shifts').run()).toThrow(/never deleted/);
    db.close();
  });

  it('keeps Z reports append-only, one per shift, with a reason for every movement', () => {
    const db = withManager(databaseAt(4));
    db.prepare(openShift).run();
    const z =
      db.prepare(`INSERT INTO z_reports (device_id, number, shift_id, content, hash, prev_hash,
      issued_at) VALUES ('device-1', ?, 1, '{}', ?, ?, '2026-11-23T06:00:00Z')`);
    z.run(1, 'a'.repeat(64), '0'.repeat(64));
    expect(() => z.run(2, 'b'.repeat(64), 'a'.repeat(64))).toThrow(/UNIQUE/);
    expect(() => db.prepare('UPDATE z_reports SET content = \'{"x":1}\'').run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare(movement.replace("'bank deposit'", "''")).run()).toThrow(/CHECK/);
    db.close();
  });
});
