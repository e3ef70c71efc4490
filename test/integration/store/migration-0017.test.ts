import { describe, expect, it } from 'vitest';
import { createJournal } from '../../../electron/sales/journal';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { createUserStore } from '../../../electron/store/users';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();

describe('migration 0017: the tax rate each sale was sold at', () => {
  it('leaves the sales of version 16 without a rate, never a guessed one', () => {
    const db = databaseAt(16);
    db.prepare(
      "INSERT INTO users (id, name, role, pin_hash, created_at) VALUES (1, 'clerk', 'clerk', 'x', '2026-11-21')",
    ).run();
    db.prepare(`INSERT INTO sales (idempotency_key, status, msisdn, carrier_id, plan_id,
      plan_name, data_mb, validity_days, price, dealer_cost, currency, payment_method, tendered,
      clerk_id, created_at, updated_at) VALUES ('sale-key-0001', 'succeeded', '+687123456',
      'nc-demo', '1go', '1 Go', 1024, 30, 1500, 1000, 'XPF', 'cash', 2000, 1,
      '2026-11-21T09:00:00Z', '2026-11-21T09:00:00Z')`).run();

    migrate(db, migrations.slice(0, 17), migratedAt);
    expect(db.pragma('user_version', { simple: true })).toBe(17);
    // Read by SQL: today's journal reads columns that later migrations add.
    expect(db.prepare('SELECT price, tax_rate FROM sales WHERE id = 1').get()).toEqual({
      price: 1500,
      tax_rate: null,
    });
    db.close();
  });

  it('keeps the plan’s rate with a new sale, and refuses a rate above 100 %', () => {
    const db = databaseAt(17);
    // Today's journal writes columns that later migrations add: the file is brought up to date.
    migrate(db, migrations, migratedAt);
    const clerk = createUserStore(db, migratedAt).add('clerk', 'clerk', '1111');
    const { sale } = createJournal(db, migratedAt).openPaidSale(
      {
        idempotencyKey: 'sale-key-0002',
        msisdn: '+687271234',
        carrierId: 'nc-demo',
        plan: {
          id: '5go',
          name: '5 Go',
          dataMb: 5120,
          validityDays: 30,
          price: 3000,
          dealerCost: 2700,
          taxRate: 600,
        },
        currency: 'XPF',
        payment: { method: 'card' },
        clerkId: clerk.id,
      },
      { kind: 'user', role: 'clerk', userId: clerk.id },
    );
    expect(sale.taxRate).toBe(600);
    expect(() => db.prepare('UPDATE sales SET tax_rate = 10001').run()).toThrow(/CHECK/);
    db.close();
  });
});
