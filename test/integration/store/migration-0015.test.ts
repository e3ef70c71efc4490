import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { migration0015 } from '../../../electron/store/migrations/0015-receipt-language-sms-and-drawer';
import { createPrinterStore } from '../../../electron/store/printers';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();

describe('migration 0015: receipt languages, receipts by SMS, the cash drawer', () => {
  it('keeps the sales and printers before it: receipts in the shop’s language, printing by themselves', () => {
    const db = databaseAt(migration0015.version - 1);
    db.prepare(
      "INSERT INTO users (id, name, role, pin_hash, created_at) VALUES (1, 'clerk', 'clerk', 'x', '2026-11-21')",
    ).run();
    db.prepare(`INSERT INTO sales (idempotency_key, status, msisdn, carrier_id, plan_id,
      plan_name, data_mb, validity_days, price, dealer_cost, currency, payment_method, tendered,
      clerk_id, created_at, updated_at) VALUES ('sale-key-0001', 'succeeded', '+687123456',
      'nc-demo', '5go', '5 Go', 5120, 30, 6000, 5000, 'XPF', 'cash', 6000, 1,
      '2026-11-21T09:00:00Z', '2026-11-21T09:00:00Z')`).run();
    db.prepare(`INSERT INTO printers (id, position, name, paper, kind, settings, is_default,
      updated_at) VALUES ('counter', 0, 'Counter', '80mm', 'tcp',
      '{"host":"192.168.1.50","port":9100}', 1, '2026-11-21')`).run();

    migrate(db, migrations.slice(0, migration0015.version), migratedAt);
    expect(db.pragma('user_version', { simple: true })).toBe(migration0015.version);
    // Read by SQL: the journal of today reads later columns than this version has.
    expect(
      db.prepare('SELECT language FROM sale_receipt_languages WHERE sale_id = 1').get(),
    ).toBeUndefined();
    const printers = createPrinterStore(db, migratedAt).get();
    expect(printers.autoPrint).toBe(true);
    expect(printers.printers[0]).toMatchObject({ id: 'counter', cashDrawer: false });
  });

  it('never changes or deletes a language, an SMS sent or a drawer opening', () => {
    const db = databaseAt(migration0015.version);
    db.prepare(
      "INSERT INTO users (id, name, role, pin_hash, created_at) VALUES (1, 'clerk', 'clerk', 'x', '2026-11-21')",
    ).run();
    db.prepare(`INSERT INTO sales (idempotency_key, status, msisdn, carrier_id, plan_id,
      plan_name, data_mb, validity_days, price, dealer_cost, currency, payment_method,
      clerk_id, created_at, updated_at) VALUES ('sale-key-0001', 'paid', '+687123456',
      'nc-demo', '5go', '5 Go', 5120, 30, 6000, 5000, 'XPF', 'card', 1,
      '2026-11-21T09:00:00Z', '2026-11-21T09:00:00Z')`).run();
    db.prepare("INSERT INTO sale_receipt_languages VALUES (1, 'zh-CN')").run();
    db.prepare(`INSERT INTO receipt_sms (sale_id, receipt_number, to_number, language, text,
      modem_id, outcome, error, actor, at) VALUES (1, 1, '+687123456', 'fr', 'Reçu 1', 'm1',
      'sent', NULL, 'user:1', '2026-11-21')`).run();
    db.prepare(`INSERT INTO drawer_openings (at, printer_id, actor, approved_by, reason)
      VALUES ('2026-11-21', 'counter', 'user:1', 'user:2', 'Change for the float')`).run();
    for (const sql of [
      "UPDATE sale_receipt_languages SET language = 'en'",
      'DELETE FROM sale_receipt_languages',
      "UPDATE receipt_sms SET to_number = '+687000000'",
      'DELETE FROM receipt_sms',
      "UPDATE drawer_openings SET reason = 'nothing'",
      'DELETE FROM drawer_openings',
    ]) {
      expect(() => db.prepare(sql).run(), sql).toThrow(/never/);
    }
    expect(() =>
      db
        .prepare(`INSERT INTO drawer_openings (at, printer_id, actor, approved_by, reason)
          VALUES ('2026-11-21', 'counter', 'user:1', 'user:2', '  ')`)
        .run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO sale_receipt_languages VALUES (1, 'de')").run()).toThrow();
  });
});
