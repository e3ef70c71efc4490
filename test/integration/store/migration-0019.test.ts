import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();
const hash = (digit: string) => digit.repeat(64);

describe('migration 0019: period closures', () => {
  it('adds the closures to a database of version 18 and never lets one change', () => {
    const db = databaseAt(18);
    migrate(db, migrations.slice(0, 19), migratedAt);
    expect(db.pragma('user_version', { simple: true })).toBe(19);
    const insert = db.prepare(`INSERT INTO period_closures (device_id, kind, number, period,
      content, hash, prev_hash, closed_at) VALUES ('till-1', ?, ?, ?, '{}', ?, ?, '2026-12-01')`);
    insert.run('month', 1, '2026-11', hash('a'), hash('0'));
    expect(() => insert.run('month', 2, '2026-11', hash('b'), hash('a'))).toThrow(/UNIQUE/);
    expect(() => insert.run('week', 1, '2026-48', hash('b'), hash('0'))).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE period_closures SET content = '[]'").run()).toThrow(/never/);
    expect(() => db.prepare('DELETE FROM period_closures').run()).toThrow(/never/);
    db.close();
  });
});
