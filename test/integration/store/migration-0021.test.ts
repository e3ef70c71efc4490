import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { migration0021 } from '../../../electron/store/migrations/0021-permissions';
import { createPermissionStore } from '../../../electron/store/permissions';
import { defaultPermissions } from '../../../shared/permissions';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();
// Its place in the list (0021–0024 land before it when the parts are merged).
const version = migration0021.version;

describe('migration 0021: what a clerk may do', () => {
  it('gives a shop of the version before it today’s behaviour, and keeps what it then sets', () => {
    const db = databaseAt(version - 1);
    db.prepare(
      "INSERT INTO users (name, role, pin_hash, created_at) VALUES ('Anne', 'manager', 'x', '2026-11-21T00:00:00Z')",
    ).run();
    migrate(db, migrations.slice(0, version), migratedAt);
    expect(db.pragma('user_version', { simple: true })).toBe(version);
    expect(db.prepare('SELECT name FROM users').pluck().all()).toEqual(['Anne']);
    const store = createPermissionStore(db, migratedAt);
    expect(store.get()).toEqual(defaultPermissions);
    const set = { clerk: { ...defaultPermissions.clerk, refund: 'allowed', export: 'refused' } };
    store.save(set as typeof defaultPermissions);
    expect(store.get()).toEqual(set);
    expect(() =>
      db.prepare("UPDATE permissions SET decision = 'sometimes' WHERE act = 'refund'").run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('leaves alone a row of an act this version does not know', () => {
    const db = databaseAt(version);
    db.prepare(
      "INSERT INTO permissions VALUES ('clerk', 'sell_phones', 'refused', '2026-11-22T00:00:00Z')",
    ).run();
    expect(createPermissionStore(db, migratedAt).get()).toEqual(defaultPermissions);
    db.close();
  });
});
