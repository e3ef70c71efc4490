import { describe, expect, it } from 'vitest';
import { createJournal } from '../../../electron/sales/journal';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();

describe('migration 0011: pending receipts', () => {
  it('keeps the receipts of version 10 and finds a settled sale whose receipt says pending through its index', () => {
    const db = databaseAt(10);
    db.prepare(
      "INSERT INTO users (id, name, role, pin_hash, created_at) VALUES (1, 'clerk', 'clerk', 'x', '2026-11-21')",
    ).run();
    const sale = db.prepare(`INSERT INTO sales (idempotency_key, status, msisdn, carrier_id,
      plan_id, plan_name, data_mb, validity_days, price, dealer_cost, currency, payment_method,
      tendered, clerk_id, created_at, updated_at) VALUES (?, ?, '+687123456', 'nc-demo',
      '1go', '1 Go', 1024, 30, 1500, 1000, 'XPF', 'cash', 2000, 1, ?, ?)`);
    const receipt = db.prepare(`INSERT INTO receipts (device_id, number, sale_id, content, hash,
      prev_hash, issued_at) VALUES ('till-1', ?, ?, ?, ?, ?, '2026-11-21T10:00:00Z')`);
    const says = (status: string) => JSON.stringify({ status });
    // 1: settled, its correction never issued; 2: still unknown; 3: settled and corrected;
    // 4: succeeded at once.
    const sales = [
      [1, 'succeeded', ['pending-verification']],
      [2, 'unknown', ['pending-verification']],
      [3, 'failed', ['pending-verification', 'failed-refunded']],
      [4, 'succeeded', ['succeeded']],
    ] as const;
    let number = 0;
    for (const [id, status, receipts] of sales) {
      sale.run(`sale-key-000${id}`, status, `2026-11-21T09:0${id}:00Z`, `2026-11-21T09:0${id}:00Z`);
      for (const content of receipts) {
        number += 1;
        receipt.run(number, id, says(content), 'a'.repeat(64), 'b'.repeat(64));
      }
    }

    migrate(db, migrations.slice(0, 11), migratedAt);
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    expect(db.prepare('SELECT count(*) FROM receipts').pluck().get()).toBe(5);
    // The journal always runs on the latest schema: the later migrations come before it.
    migrate(db, migrations, migratedAt);
    const journal = createJournal(db, migratedAt);
    expect(journal.settledWithPendingReceipt().map((found) => found.id)).toEqual([1]);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT sale_id FROM receipts
        WHERE json_extract(content, '$.status') = 'pending-verification'`)
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toContain('receipts_pending');
    db.close();
  });
});
