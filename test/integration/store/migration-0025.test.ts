import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();
const fact = (id: string) =>
  `INSERT INTO outbox (id, kind, payload, created_at) VALUES ('${id}', 'sale', '{}', '2026-12-07T08:00:00Z')`;
const id1 = '0193a1b2-c3d4-7000-8000-000000000001';

describe('migration 0025: the head office', () => {
  it('adds an empty outbox whose facts never change and stay sent', () => {
    const db = databaseAt(24);
    migrate(db, migrations.slice(0, 25), migratedAt);
    expect(db.pragma('user_version', { simple: true })).toBe(25);
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM head_office').pluck().get()).toBe(0);

    db.exec(fact(id1));
    expect(() => db.exec(fact(id1))).toThrow(/UNIQUE/);
    expect(() =>
      db.exec(
        `INSERT INTO outbox (id, kind, payload, created_at) VALUES ('x', 'sale', '{}', 'now')`,
      ),
    ).toThrow(/CHECK/);
    expect(() =>
      db.exec(
        `INSERT INTO outbox (id, kind, payload, created_at) VALUES ('${id1.replace('1', '2')}', 'gossip', '{}', 'now')`,
      ),
    ).toThrow(/CHECK/);
    expect(() => db.exec(`UPDATE outbox SET payload = '{"price":1}'`)).toThrow(/never changed/);
    db.exec(`UPDATE outbox SET sent_at = '2026-12-07T08:01:00Z'`);
    expect(() => db.exec(`UPDATE outbox SET sent_at = NULL`)).toThrow(/stays sent/);

    expect(() =>
      db.exec(`INSERT INTO head_office (id, url, shop_id, shop_name, credential_sealed, managed,
        enrolled_at, enrolled_by) VALUES (2, 'https://hq', '${id1}', 'A', 's', 1, 'now', 'm')`),
    ).toThrow(/CHECK/);
    db.close();
  });
});
