import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();
const hash = (digit: string) => digit.repeat(64);

describe('migration 0020: the audit trail', () => {
  it('adds the trail to a database of version 19, append-only', () => {
    const db = databaseAt(19);
    migrate(db, migrations.slice(0, 20), migratedAt);
    expect(db.pragma('user_version', { simple: true })).toBe(20);
    db.prepare(`INSERT INTO audit_events (device_id, seq, at, kind, actor, content, hash,
      prev_hash) VALUES ('till-1', 1, '2026-12-01T08:00:00Z', 'auth.signed_in', 'manager:1', '{}',
      ?, ?)`).run(hash('a'), hash('0'));
    expect(() => db.prepare("UPDATE audit_events SET actor = 'clerk:2'").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
    db.close();
  });
});
