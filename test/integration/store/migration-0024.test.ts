import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();

const insertSale = (tillColumn: boolean) => `INSERT INTO sales (idempotency_key, status, msisdn,
  carrier_id, plan_id, plan_name, data_mb, validity_days, price, dealer_cost, currency,
  payment_method, tendered, clerk_id, created_at, updated_at${tillColumn ? ', till_id' : ''})
  VALUES (?, 'succeeded', '+687123456', 'nc-demo', '1go', '1 Go', 1024, 30, 1500, 1000, 'XPF',
  'cash', 2000, 1, '2026-11-21T09:00:00Z', '2026-11-21T09:00:00Z'${tillColumn ? ', ?' : ''})`;
const openShift = (tillColumn: boolean) => `INSERT INTO shifts (opened_at, opened_by,
  float_amount, currency${tillColumn ? ', till_id' : ''}) VALUES ('2026-11-22T20:00:00Z', 1,
  10000, 'XPF'${tillColumn ? ', ?' : ''})`;

describe('migration 0024: sales and shifts at tills', () => {
  it('keeps the sales and open shift of version 23 at the hub’s own till', () => {
    const db = databaseAt(23);
    db.prepare(
      "INSERT INTO users (id, name, role, pin_hash, created_at) VALUES (1, 'clerk', 'clerk', 'x', '2026-11-21')",
    ).run();
    db.prepare(insertSale(false)).run('sale-key-0001');
    db.prepare(openShift(false)).run();

    migrate(db, migrations.slice(0, 24), migratedAt);
    expect(db.pragma('user_version', { simple: true })).toBe(24);
    expect(db.prepare('SELECT till_id FROM sales').pluck().all()).toEqual([null]);
    expect(db.prepare('SELECT till_id FROM shifts WHERE closed_at IS NULL').pluck().all()).toEqual([
      null,
    ]);

    // The hub's drawer has its open shift; each counter's drawer may open one of its own, once.
    expect(() => db.prepare(openShift(false)).run()).toThrow(/UNIQUE/);
    db.prepare(openShift(true)).run('counter-0002');
    expect(() => db.prepare(openShift(true)).run('counter-0002')).toThrow(/UNIQUE/);
    db.prepare(openShift(true)).run('counter-0003');

    db.prepare(insertSale(true)).run('sale-key-0002', 'counter-0002');
    expect(() => db.prepare("UPDATE sales SET till_id = 'counter-0003'").run()).toThrow(
      /cannot be changed/,
    );
    expect(() =>
      db.prepare("UPDATE shifts SET till_id = 'counter-0009' WHERE till_id IS NULL").run(),
    ).toThrow(/only changes by closing/);
    expect(() => db.prepare(insertSale(true)).run('sale-key-0003', 'short')).toThrow(/CHECK/);
    db.close();
  });
});
