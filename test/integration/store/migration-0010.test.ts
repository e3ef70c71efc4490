import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();

describe('migration 0010: Z report prints', () => {
  it('keeps the Z reports of version 9 and logs their prints, append-only, of real reports only', () => {
    const db = databaseAt(9);
    db.prepare(
      "INSERT INTO users (id, name, role, pin_hash, created_at) VALUES (1, 'manager', 'manager', 'x', '2026-11-22')",
    ).run();
    db.prepare(`INSERT INTO shifts (opened_at, opened_by, float_amount, currency)
      VALUES ('2026-11-22T20:00:00Z', 1, 10000, 'XPF')`).run();
    db.prepare(`INSERT INTO z_reports (device_id, number, shift_id, content, hash, prev_hash,
      issued_at) VALUES ('device-1', 1, 1, '{}', ?, ?, '2026-11-23T06:00:00Z')`).run(
      'a'.repeat(64),
      '0'.repeat(64),
    );
    migrate(db, migrations.slice(0, 10), migratedAt);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(db.prepare('SELECT number FROM z_reports').pluck().all()).toEqual([1]);

    const print = db.prepare(`INSERT INTO z_report_prints (device_id, number, print, printed_at,
      actor, printer) VALUES (?, ?, ?, '2026-11-23T06:01:00Z', 'manager', 'Caisse')`);
    print.run('device-1', 1, 1);
    print.run('device-1', 1, 2);
    expect(() => print.run('device-1', 1, 2)).toThrow(/UNIQUE/);
    expect(() => print.run('device-1', 1, 0)).toThrow(/CHECK/);
    expect(() => print.run('device-1', 7, 1)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE z_report_prints SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM z_report_prints').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT print FROM z_report_prints').pluck().all()).toEqual([1, 2]);
    db.close();
  });
});
