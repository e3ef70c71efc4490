import { describe, expect, it } from 'vitest';
import { createDealerFloatStore } from '../../../electron/store/dealer-floats';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { migration0014 } from '../../../electron/store/migrations/0014-dealer-floats';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();

describe('migration 0014: dealer floats', () => {
  it('keeps the sales of the version before, and counts what each dealer SIM sold in a day', () => {
    const db = databaseAt(migration0014.version - 1);
    db.prepare(
      "INSERT INTO users (id, name, role, pin_hash, created_at) VALUES (1, 'clerk', 'clerk', 'x', '2026-11-21')",
    ).run();
    const sale = db.prepare(`INSERT INTO sales (idempotency_key, status, msisdn, carrier_id,
      plan_id, plan_name, data_mb, validity_days, price, dealer_cost, currency, payment_method,
      tendered, clerk_id, modem_id, created_at, updated_at) VALUES (?, ?, '+687123456',
      'nc-demo', '5go', '5 Go', 5120, 30, 6000, 5000, 'XPF', 'cash', 6000, 1, ?, ?, ?)`);
    const sales = [
      ['succeeded', 'modem-1', '2026-11-21T09:00:00Z'],
      ['unknown', 'modem-1', '2026-11-21T10:00:00Z'],
      ['failed', 'modem-1', '2026-11-21T11:00:00Z'],
      ['succeeded', 'modem-2', '2026-11-21T11:00:00Z'],
      ['succeeded', 'modem-1', '2026-11-20T23:00:00Z'],
    ] as const;
    for (const [index, [status, modem, at]] of sales.entries()) {
      sale.run(`sale-key-000${index}`, status, modem, at, at);
    }

    migrate(db, migrations.slice(0, migration0014.version), migratedAt);
    expect(db.pragma('user_version', { simple: true })).toBe(migration0014.version);
    expect(db.prepare('SELECT count(*) FROM sales').pluck().get()).toBe(5);
    const floats = createDealerFloatStore(db, migratedAt);
    const day = [new Date('2026-11-21T00:00:00Z'), new Date('2026-11-22T00:00:00Z')] as const;
    // The refunded sale took nothing from the SIM's day; the unknown one may have.
    expect(floats.soldBetween('modem-1', ...day)).toBe(12_000);
    expect(floats.soldBetween('modem-3', ...day)).toBe(0);
    expect(floats.get('modem-1')).toBeNull();
    floats.setWatch('modem-1', {
      carrierId: 'nc-demo',
      currency: 'XPF',
      lowThreshold: 20_000,
      dailyCap: null,
    });
    // A reading goes up to the head office through the outbox (migration 0025).
    migrate(db, migrations, migratedAt);
    floats.record('modem-1', {
      carrierId: 'nc-demo',
      currency: 'XPF',
      balance: 15_000,
      source: 'top-up',
      at: new Date('2026-11-21T12:00:00Z'),
    });
    expect(floats.get('modem-1')).toEqual({
      modemId: 'modem-1',
      currency: 'XPF',
      balance: 15_000,
      checkedAt: '2026-11-21T12:00:00.000Z',
      source: 'top-up',
      lowThreshold: 20_000,
      dailyCap: null,
      alertedAt: null,
    });
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT sum(price) FROM sales
        WHERE modem_id = 'modem-1' AND created_at >= '2026-11-21' AND created_at < '2026-11-22'`)
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toContain('sales_by_modem');
    db.close();
  });

  it('refuses a float with no time or source, a cap of nothing, a threshold below zero; keeps one alert phone', () => {
    const db = databaseAt(migration0014.version);
    const insert = (columns: string, values: string) =>
      db.prepare(
        `INSERT INTO dealer_floats (modem_id, currency, updated_at, ${columns})
         VALUES ('modem-1', 'XPF', '2026-11-21', ${values})`,
      );
    expect(() => insert('balance', '1000').run()).toThrow(/CHECK constraint/);
    expect(() => insert('daily_cap', '0').run()).toThrow(/CHECK constraint/);
    expect(() => insert('low_threshold', '-1').run()).toThrow(/CHECK constraint/);
    expect(() => insert('source', "'rumour'").run()).toThrow(/CHECK constraint/);
    const floats = createDealerFloatStore(db, migratedAt);
    expect(floats.alertPhone()).toBeNull();
    floats.setAlertPhone('+687751234');
    expect(floats.alertPhone()).toBe('+687751234');
    expect(() => floats.setAlertPhone('751234')).toThrow(/CHECK constraint/);
    floats.setAlertPhone(null);
    expect(floats.alertPhone()).toBeNull();
    db.close();
  });
});
