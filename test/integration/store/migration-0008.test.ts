import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();

describe('migration 0008: refunds by time', () => {
  it('keeps the refunds written by version 7 and finds a day’s refunds through the index', () => {
    const db = databaseAt(7);
    db.prepare(
      "INSERT INTO users (id, name, role, pin_hash, created_at) VALUES (1, 'clerk', 'clerk', 'x', '2026-11-21')",
    ).run();
    db.prepare(`INSERT INTO sales (idempotency_key, status, msisdn, carrier_id, plan_id, plan_name,
      data_mb, validity_days, price, dealer_cost, currency, payment_method, tendered, clerk_id,
      created_at, updated_at) VALUES ('sale-key-0001', 'draft', '+687123456', 'nc-demo', '1go',
      '1 Go', 1024, 30, 1500, 1000, 'XPF', 'cash', 2000, 1, '2026-11-21T09:00:00Z',
      '2026-11-21T09:00:00Z')`).run();
    db.prepare(`INSERT INTO refunds (sale_id, amount, currency, method, at, reason)
      VALUES (1, 1500, 'XPF', 'cash', '2026-11-21T09:01:00Z', 'refused')`).run();
    migrate(db, migrations.slice(0, 8), migratedAt);
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    const window = "SELECT sale_id FROM refunds WHERE at > '2026-11-21' AND at <= '2026-11-22'";
    expect(db.prepare(window).pluck().all()).toEqual([1]);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${window}`).all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/refunds_by_time/);
    db.close();
  });
});
