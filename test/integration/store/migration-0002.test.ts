import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();
const at = migratedAt;

function saleRow(overrides: Record<string, unknown> = {}) {
  return {
    key: 'sale-key-0001',
    status: 'draft',
    msisdn: '+687271234',
    price: 3000,
    tendered: 5000,
    ...overrides,
  };
}

const insertSale = `INSERT INTO sales (idempotency_key, status, msisdn, carrier_id, plan_id,
  plan_name, data_mb, validity_days, price, dealer_cost, currency, payment_method, tendered,
  clerk_id, created_at, updated_at) VALUES (@key, @status, @msisdn, 'nc-demo', '5go', '5 Go',
  5120, 30, @price, 2700, 'XPF', 'cash', @tendered, 1, '2026-11-22T00:00:00Z',
  '2026-11-22T00:00:00Z')`;

function withClerk(db: BetterSqlite3.Database) {
  db.prepare(
    "INSERT INTO users (id, name, role, pin_hash, created_at) VALUES (1, 'clerk', 'clerk', 'x', '2026-11-22')",
  ).run();
  return db;
}

describe('migration 0002: the renewal journal', () => {
  it('keeps the shop profile written by version 1', () => {
    const db = databaseAt(1);
    db.prepare(`INSERT INTO shop_profile VALUES (1, 'Boutique', '', 'NC', '', '', '',
      'Pacific/Noumea', 'XPF', 'fr', '2026-11-21T00:00:00Z')`).run();
    migrate(db, migrations.slice(0, 2), at);
    expect(db.prepare('SELECT name, currency FROM shop_profile').get()).toEqual({
      name: 'Boutique',
      currency: 'XPF',
    });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('lets a sale move only along the journal', () => {
    const db = withClerk(databaseAt(2));
    db.prepare(insertSale).run(saleRow());
    const move = db.prepare('UPDATE sales SET status = ? WHERE id = 1');
    move.run('paid');
    expect(() => move.run('succeeded')).toThrow(/cannot move this way/);
    move.run('sending');
    move.run('unknown');
    expect(() => move.run('sending')).toThrow(/cannot move this way/);
    move.run('succeeded');
    expect(() => move.run('failed')).toThrow(/cannot move this way/);
    db.close();
  });

  it('never changes what was sold, never deletes a sale', () => {
    const db = withClerk(databaseAt(2));
    db.prepare(insertSale).run(saleRow());
    expect(() => db.prepare('UPDATE sales SET price = 1 WHERE id = 1').run()).toThrow(
      /cannot be changed/,
    );
    expect(() => db.prepare("UPDATE sales SET msisdn = '+687000000' WHERE id = 1").run()).toThrow(
      /cannot be changed/,
    );
    expect(() => db.prepare('DELETE FROM sales').run()).toThrow(/never deleted/);
    db.close();
  });

  it('keeps events, refunds and receipts append-only', () => {
    const db = withClerk(databaseAt(2));
    db.prepare(insertSale).run(saleRow());
    db.prepare(
      "INSERT INTO sale_events (sale_id, to_status, at, actor) VALUES (1, 'draft', '2026', 'clerk:1')",
    ).run();
    expect(() => db.prepare("UPDATE sale_events SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM sale_events').run()).toThrow(/append-only/);
    db.prepare(
      `INSERT INTO receipts VALUES ('device-0001', 1, 1, '{}', '${'a'.repeat(64)}', '${'0'.repeat(64)}', '2026')`,
    ).run();
    expect(() => db.prepare('UPDATE receipts SET content = \'{"x":1}\'').run()).toThrow(
      /append-only/,
    );
    db.close();
  });

  it('refuses cash below the price, a number without +, and a sale without a clerk', () => {
    const db = withClerk(databaseAt(2));
    expect(() => db.prepare(insertSale).run(saleRow({ tendered: 2999 }))).toThrow(/CHECK/);
    expect(() => db.prepare(insertSale).run(saleRow({ msisdn: '687271234' }))).toThrow(/CHECK/);
    db.prepare('DELETE FROM users').run();
    expect(() => db.prepare(insertSale).run(saleRow())).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('refuses the same idempotency key twice', () => {
    const db = withClerk(databaseAt(2));
    db.prepare(insertSale).run(saleRow());
    expect(() => db.prepare(insertSale).run(saleRow())).toThrow(/UNIQUE/);
    db.close();
  });
});
