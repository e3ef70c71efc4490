import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();
const hash = (digit: string) => digit.repeat(64);

describe('migration 0022: prints of period closures', () => {
  it('logs prints of a closure of version 21, append-only, and none of a closure that is not', () => {
    const db = databaseAt(21);
    db.prepare(`INSERT INTO period_closures (device_id, kind, number, period, content, hash,
      prev_hash, closed_at) VALUES ('till-1', 'month', 1, '2026-11', '{}', ?, ?, '2026-12-01')`).run(
      hash('a'),
      hash('0'),
    );
    migrate(db, migrations.slice(0, 22), migratedAt);
    expect(db.pragma('user_version', { simple: true })).toBe(22);
    const print = db.prepare(`INSERT INTO period_closure_prints (device_id, kind, number, print,
      printed_at, actor, printer) VALUES ('till-1', ?, ?, ?, '2026-12-01', 'manager:1', 'Counter')`);
    print.run('month', 1, 1);
    print.run('month', 1, 2);
    expect(() => print.run('month', 1, 2)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => print.run('year', 1, 1)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE period_closure_prints SET printer = 'x'").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM period_closure_prints').run()).toThrow(/append-only/);
    db.close();
  });
});
