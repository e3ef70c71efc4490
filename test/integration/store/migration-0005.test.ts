import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const at = () => new Date('2026-11-22T00:00:00Z');
const before = migrations.filter((migration) => migration.version < 5);

/** A shop at the version before 0005 with a sale, its receipt and one logged reprint. */
function shopBefore0005() {
  const db = new BetterSqlite3(path.join(tempDir(), 'shop.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, before, at);
  db.exec(`
    INSERT INTO shop_profile VALUES (1, 'Boutique', '', 'NC', '', '', '', 'Pacific/Noumea', 'XPF',
      'fr', '2026-11-21T00:00:00Z');
    INSERT INTO users (id, name, role, pin_hash, created_at)
      VALUES (1, 'clerk', 'clerk', 'x', '2026-11-21');
    INSERT INTO sales (idempotency_key, status, msisdn, carrier_id, plan_id, plan_name, data_mb,
      validity_days, price, dealer_cost, currency, payment_method, clerk_id, created_at, updated_at)
      VALUES ('sale-key-0001', 'draft', '+687271234', 'nc-demo', '5go', '5 Go', 5120, 30, 6000,
      5000, 'XPF', 'card', 1, '2026-11-21', '2026-11-21');
    INSERT INTO receipts VALUES ('device-0001', 1, 1, '{}', '${'a'.repeat(64)}',
      '${'0'.repeat(64)}', '2026-11-21');
    INSERT INTO receipt_copies (device_id, number, copy, printed_at, actor, printer)
      VALUES ('device-0001', 1, 1, '2026-11-21', 'clerk:1', NULL);
  `);
  return db;
}

const insertPrinter = `INSERT INTO printers (id, position, name, paper, kind, settings,
  is_default, updated_at) VALUES (@id, @position, 'Counter', '80mm', 'tcp',
  '{"host":"10.0.0.5","port":9100}', @isDefault, '2026-11-22')`;

describe('migration 0005: printers and the log of original prints', () => {
  it('keeps the shop, its sales, receipts and reprints, and starts with no printer', () => {
    const db = shopBefore0005();
    expect(migrate(db, migrations, at).applied).toContain(5);
    expect(db.prepare('SELECT name FROM shop_profile').pluck().get()).toBe('Boutique');
    expect(db.prepare('SELECT number, sale_id FROM receipts').all()).toEqual([
      { number: 1, sale_id: 1 },
    ]);
    expect(db.prepare('SELECT copy, actor FROM receipt_copies').all()).toEqual([
      { copy: 1, actor: 'clerk:1' },
    ]);
    expect(db.prepare('SELECT count(*) FROM printers').pluck().get()).toBe(0);
    db.close();
  });

  it('allows one default printer at most, and only known kinds and papers', () => {
    const db = shopBefore0005();
    migrate(db, migrations, at);
    db.prepare(insertPrinter).run({ id: 'counter', position: 0, isDefault: 1 });
    db.prepare(insertPrinter).run({ id: 'back', position: 1, isDefault: 0 });
    expect(() => db.prepare(insertPrinter).run({ id: 'spare', position: 2, isDefault: 1 })).toThrow(
      /UNIQUE/,
    );
    expect(() => db.prepare("UPDATE printers SET kind = 'fax' WHERE id = 'back'").run()).toThrow(
      /CHECK/,
    );
    expect(() =>
      db.prepare("UPDATE printers SET settings = 'port 9100' WHERE id = 'back'").run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('logs an original print once, for an existing receipt only, and never changes it', () => {
    const db = shopBefore0005();
    migrate(db, migrations, at);
    const log = db.prepare(`INSERT INTO receipt_original_prints
      (device_id, number, printed_at, actor, printer) VALUES (?, ?, '2026-11-22', 'clerk:1', 'counter')`);
    log.run('device-0001', 1);
    expect(() => log.run('device-0001', 1)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => log.run('device-0001', 2)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE receipt_original_prints SET actor = 'x'").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM receipt_original_prints').run()).toThrow(/append-only/);
    db.close();
  });
});
