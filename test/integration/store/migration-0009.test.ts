import { describe, expect, it } from 'vitest';
import { saleFactSelect } from '../../../electron/day/shifts';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();

describe('migration 0009: sale payment and settlement', () => {
  it('keeps the events written by version 8 and answers the day report’s probes from its indexes', () => {
    const db = databaseAt(8);
    db.prepare(
      "INSERT INTO users (id, name, role, pin_hash, created_at) VALUES (1, 'clerk', 'clerk', 'x', '2026-11-21')",
    ).run();
    const sale = db.prepare(`INSERT INTO sales (idempotency_key, status, msisdn, carrier_id,
      plan_id, plan_name, data_mb, validity_days, price, dealer_cost, currency, payment_method,
      tendered, clerk_id, created_at, updated_at) VALUES (?, 'draft', '+687123456', 'nc-demo',
      '1go', '1 Go', 1024, 30, 1500, 1000, 'XPF', 'cash', 2000, 1, ?, ?)`);
    const event = db.prepare(`INSERT INTO sale_events (sale_id, from_status, to_status, at, actor)
      VALUES (?, ?, ?, '2026-11-21T09:00:00Z', ?)`);
    // 1: paid, sent, unknown, then settled by a manager; 2: failed before payment;
    // 3: paid and settled from unknown by the carrier's SMS, not by hand.
    for (const id of [1, 2, 3]) {
      sale.run(`sale-key-000${id}`, `2026-11-21T09:0${id}:00Z`, `2026-11-21T09:0${id}:00Z`);
    }
    event.run(1, null, 'draft', 'clerk:1');
    event.run(1, 'draft', 'paid', 'clerk:1');
    event.run(1, 'paid', 'sending', 'clerk:1');
    event.run(1, 'sending', 'unknown', 'modem:m1');
    event.run(1, 'unknown', 'succeeded', 'manager:2');
    event.run(2, null, 'draft', 'clerk:1');
    event.run(2, 'draft', 'failed', 'clerk:1');
    event.run(3, 'draft', 'paid', 'clerk:1');
    event.run(3, 'sending', 'unknown', 'modem:m1');
    event.run(3, 'unknown', 'succeeded', 'sms:carrier');

    migrate(db, migrations.slice(0, 9), migratedAt);
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    // The probes as the day report asks them today, on the schema of today.
    migrate(db, migrations, migratedAt);
    const window = `${saleFactSelect} WHERE s.created_at > '2026-11-21' ORDER BY s.id`;
    const probes = db
      .prepare(window)
      .raw()
      .all()
      // The two probes, the 14th and 15th columns (the sale's tax rate follows them).
      .map((row) => (row as unknown[]).slice(13, 15));
    expect(probes).toEqual([
      [1, 1],
      [0, 0],
      [0, 1],
    ]);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${window}`).all() as { detail: string }[];
    const details = plan.map((row) => row.detail).join(' | ');
    expect(details).toMatch(/sale_events_settled_by_hand/);
    expect(details).toMatch(/COVERING INDEX sale_events_paid/);
    db.close();
  });
});
