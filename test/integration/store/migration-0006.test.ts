import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();
const at = migratedAt;

/** A shop at version 5 with a clerk, a sale, its events and its receipt. */
function shopAtVersion5() {
  const db = databaseAt(5);
  db.prepare(
    "INSERT INTO users (id, name, role, pin_hash, created_at) VALUES (1, 'clerk', 'clerk', 'x', '2026-11-21')",
  ).run();
  db.prepare(`INSERT INTO sales (idempotency_key, status, msisdn, carrier_id, plan_id, plan_name,
    data_mb, validity_days, price, dealer_cost, currency, payment_method, tendered, change_given,
    clerk_id, created_at, updated_at) VALUES ('sale-key-0001', 'draft', '+687123456', 'nc-demo',
    '5go', '5 Go', 5120, 30, 6000, 5000, 'XPF', 'cash', 10000, 4000, 1,
    '2026-11-21T09:00:00.000Z', '2026-11-21T09:00:00.000Z')`).run();
  db.prepare("UPDATE sales SET status = 'paid' WHERE id = 1").run();
  db.prepare(
    "INSERT INTO sale_events (sale_id, to_status, at, actor) VALUES (1, 'draft', '2026-11-21T09:00:00.000Z', 'clerk:1')",
  ).run();
  db.prepare(
    `INSERT INTO receipts VALUES ('device-0001', 1, 1, '{}', '${'a'.repeat(64)}', '${'0'.repeat(64)}', '2026-11-21T09:00:01.000Z')`,
  ).run();
  return db;
}

const insertSms = `INSERT INTO sms_messages (modem_id, key, sender, text, sent_at, received_at,
  parts, total, complete) VALUES (@modem, @key, '4012', 'il vous reste 3,2 Go',
  '2026-11-22T10:00:00+11:00', '2026-11-21T23:00:01.000Z', 1, 1, 1)`;

const insertCheck = `INSERT INTO balance_checks (msisdn, carrier_id, modem_id, clerk_id, asked_at,
  outcome, remaining_mb, valid_until, reply_text, replied_at) VALUES (@msisdn, 'nc-demo',
  'nc-demo-sim-1', 1, '2026-11-21T23:00:00.000Z', @outcome, @remainingMb, @validUntil, @text,
  @repliedAt)`;

const readCheck = {
  msisdn: '+687123456',
  outcome: 'ok',
  remainingMb: 3277,
  validUntil: '2026-11-30T12:59:00.000Z',
  text: 'il vous reste 3,2 Go',
  repliedAt: '2026-11-21T23:00:01.000Z',
};

describe('migration 0006: received SMS and balance checks', () => {
  it('keeps the sales, events, receipts and users written by version 5', () => {
    const db = shopAtVersion5();
    migrate(db, migrations.slice(0, 6), at);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare('SELECT id, status, msisdn, price FROM sales').all()).toEqual([
      { id: 1, status: 'paid', msisdn: '+687123456', price: 6000 },
    ]);
    expect(db.prepare('SELECT count(*) FROM sale_events').pluck().get()).toBe(1);
    expect(db.prepare('SELECT number, sale_id FROM receipts').all()).toEqual([
      { number: 1, sale_id: 1 },
    ]);
    // The journal's guards are still there.
    expect(() => db.prepare("UPDATE sales SET status = 'succeeded'").run()).toThrow(
      /cannot move this way/,
    );
    // And the new tables take a check by the clerk of version 5.
    db.prepare(insertCheck).run(readCheck);
    expect(db.prepare('SELECT clerk_id, remaining_mb FROM balance_checks').get()).toEqual({
      clerk_id: 1,
      remaining_mb: 3277,
    });
    db.close();
  });

  it('stores a message once per modem and key, and never deletes one', () => {
    const db = databaseAt(6);
    db.prepare(insertSms).run({ modem: 'modem-1', key: 'sms-1' });
    expect(() => db.prepare(insertSms).run({ modem: 'modem-1', key: 'sms-1' })).toThrow(/UNIQUE/);
    db.prepare(insertSms).run({ modem: 'modem-2', key: 'sms-1' });
    expect(() => db.prepare('DELETE FROM sms_messages').run()).toThrow(/never deleted/);
    expect(db.prepare('SELECT count(*) FROM sms_messages').pluck().get()).toBe(2);
    db.close();
  });

  it('keeps checks append-only, with a balance exactly when one was read', () => {
    const db = shopAtVersion5();
    migrate(db, migrations.slice(0, 6), at);
    const insert = db.prepare(insertCheck);
    insert.run(readCheck);
    expect(() => db.prepare('UPDATE balance_checks SET remaining_mb = 1').run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM balance_checks').run()).toThrow(/append-only/);
    // A read balance without its data, an unreadable reply with one, a timeout with a reply.
    expect(() => insert.run({ ...readCheck, remainingMb: null })).toThrow(/CHECK/);
    expect(() => insert.run({ ...readCheck, outcome: 'unrecognised_reply' })).toThrow(/CHECK/);
    expect(() =>
      insert.run({ ...readCheck, outcome: 'timeout', remainingMb: null, validUntil: null }),
    ).toThrow(/CHECK/);
    insert.run({
      ...readCheck,
      outcome: 'timeout',
      remainingMb: null,
      validUntil: null,
      text: null,
      repliedAt: null,
    });
    expect(() => insert.run({ ...readCheck, msisdn: '687123456' })).toThrow(/CHECK/);
    expect(() => insert.run({ ...readCheck, outcome: 'maybe' })).toThrow(/CHECK/);
    db.close();
  });
});
