import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();
const hash = (digit: string) => digit.repeat(64);

describe('migration 0023: counters', () => {
  it('adds the hub network, paired devices and pairing codes to a shop of version 22', () => {
    const db = databaseAt(22);
    const receiptsBefore = db.prepare('SELECT count(*) FROM receipts').pluck().get();
    migrate(db, migrations.slice(0, 23), migratedAt);
    expect(db.pragma('user_version', { simple: true })).toBe(23);
    expect(db.prepare('SELECT count(*) FROM receipts').pluck().get()).toBe(receiptsBefore);
    expect(db.prepare('SELECT count(*) FROM paired_devices').pluck().get()).toBe(0);

    const network = db.prepare(`INSERT INTO hub_network (id, open, address, port, drawers,
      updated_at) VALUES (1, ?, '127.0.0.2', ?, ?, '2026-12-07T00:00:00.000Z')`);
    expect(() => network.run(1, 80, 'per_till')).toThrow(/CHECK/);
    expect(() => network.run(1, 5171, 'each')).toThrow(/CHECK/);
    network.run(1, 5171, 'shop');

    const pair = db.prepare(`INSERT INTO paired_devices (id, till_name, credential_hash,
      paired_at, paired_by) VALUES (?, ?, ?, '2026-12-07T00:00:00.000Z', 'manager:1')`);
    pair.run('counter-0001', 'Counter 2', hash('a'));
    expect(() => pair.run('counter-0002', 'counter 2', hash('b'))).toThrow(/UNIQUE/);
    expect(() => pair.run('counter-0003', 'Counter 3', hash('a'))).toThrow(/UNIQUE/);
    db.prepare(`UPDATE paired_devices SET last_seen_at = '2026-12-07T01:00:00.000Z',
      last_address = '127.0.0.3' WHERE id = 'counter-0001'`).run();
    db.prepare(
      "UPDATE paired_devices SET revoked_at = '2026-12-07T02:00:00.000Z' WHERE id = 'counter-0001'",
    ).run();
    expect(() => db.prepare('UPDATE paired_devices SET revoked_at = NULL').run()).toThrow(
      /only changes by being seen or revoked/,
    );
    expect(() => db.prepare("UPDATE paired_devices SET till_name = 'X'").run()).toThrow(
      /only changes/,
    );
    expect(() => db.prepare('DELETE FROM paired_devices').run()).toThrow(/never deleted/);

    const code = db.prepare(`INSERT INTO pairing_codes (code_hash, till_name, created_at,
      created_by, expires_at, tries_left, device_id) VALUES (?, 'Counter 3',
      '2026-12-07T00:00:00.000Z', 'manager:1', '2026-12-07T00:10:00.000Z', ?, ?)`);
    expect(() => code.run(hash('c'), -1, null)).toThrow(/CHECK/);
    expect(() => code.run(hash('c'), 3, 'nobody-000')).toThrow(/FOREIGN KEY/);
    code.run(hash('c'), 3, null);
    db.close();
  });
});
