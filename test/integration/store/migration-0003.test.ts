import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();
const at = migratedAt;

const insertModem = (db: BetterSqlite3.Database) =>
  db.prepare(`INSERT INTO modems (id, carrier_id, port_path, baud_rate,
  rtscts, updated_at) VALUES (@id, 'nc-demo', @path, @baud, @rtscts, '2026-11-22T00:00:00Z')`);

const modem = (overrides: Record<string, unknown> = {}) => ({
  id: 'modem-1',
  path: '/dev/serial/by-id/usb-HUAWEI_E3531-if00-port0',
  baud: 115200,
  rtscts: 0,
  ...overrides,
});

describe('migration 0003: the modem bank', () => {
  it('keeps the sales and users written by version 2', () => {
    const db = databaseAt(2);
    db.prepare(
      "INSERT INTO users (id, name, role, pin_hash, created_at) VALUES (1, 'clerk', 'clerk', 'x', '2026-11-22')",
    ).run();
    db.prepare(`INSERT INTO sales (idempotency_key, status, msisdn, carrier_id, plan_id,
      plan_name, data_mb, validity_days, price, dealer_cost, currency, payment_method, tendered,
      clerk_id, created_at, updated_at) VALUES ('sale-key-0001', 'draft', '+687123456', 'nc-demo', '5go',
      '5 Go', 5120, 30, 6000, 5000, 'XPF', 'cash', 10000, 1, '2026-11-22T00:00:00Z',
      '2026-11-22T00:00:00Z')`).run();
    migrate(db, migrations.slice(0, 3), at);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare('SELECT msisdn, price FROM sales').all()).toEqual([
      { msisdn: '+687123456', price: 6000 },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM modems').get()).toEqual({ n: 0 });
    db.close();
  });

  it('stores a modem bound to a carrier, without any PIN column', () => {
    const db = databaseAt(3);
    insertModem(db).run(modem());
    expect(
      db.prepare('SELECT id, carrier_id, port_path, baud_rate, rtscts FROM modems').get(),
    ).toEqual({
      id: 'modem-1',
      carrier_id: 'nc-demo',
      port_path: '/dev/serial/by-id/usb-HUAWEI_E3531-if00-port0',
      baud_rate: 115200,
      rtscts: 0,
    });
    const columns = db.prepare("SELECT name FROM pragma_table_info('modems')").pluck().all();
    expect(columns.join(' ')).not.toMatch(/pin/i);
    db.close();
  });

  it('refuses two modems on one port, bad ids, impossible speeds and flags', () => {
    const db = databaseAt(3);
    const insert = insertModem(db);
    insert.run(modem());
    expect(() => insert.run(modem({ id: 'modem-2' }))).toThrow(/UNIQUE/);
    expect(() => insert.run(modem({ id: 'Modem 2', path: '/dev/ttyUSB1' }))).toThrow(/CHECK/);
    expect(() => insert.run(modem({ id: 'modem-2', path: '/dev/ttyUSB1', baud: 12 }))).toThrow(
      /CHECK/,
    );
    expect(() => insert.run(modem({ id: 'modem-2', path: '/dev/ttyUSB1', rtscts: 2 }))).toThrow(
      /CHECK/,
    );
    expect(db.prepare('SELECT count(*) AS n FROM modems').get()).toEqual({ n: 1 });
    db.close();
  });
});
