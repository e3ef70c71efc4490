import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { shopProfileStore } from '../../../electron/store/shop-profile';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();
const at = migratedAt;

describe('migration 0007: the idle lock', () => {
  it('gives a profile written by version 6 the five minutes it had', () => {
    const db = databaseAt(6);
    db.prepare(`INSERT INTO shop_profile VALUES (1, 'Boutique du Port', '', 'NC', '', '', '',
      'Pacific/Noumea', 'XPF', 'fr', '2026-11-21T00:00:00Z')`).run();
    migrate(db, migrations.slice(0, 7), at);
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    // The store is written for the latest schema, as the app always runs it.
    migrate(db, migrations, at);
    expect(shopProfileStore(db, at).get()).toMatchObject({
      name: 'Boutique du Port',
      idleLockMinutes: 5,
    });
    db.close();
  });

  it('keeps what the manager sets, within 1 to 240 minutes', () => {
    const db = databaseAt(7);
    db.prepare(`INSERT INTO shop_profile VALUES (1, 'Boutique', '', 'NC', '', '', '',
      'Pacific/Noumea', 'XPF', 'fr', '2026-11-21T00:00:00Z', 15)`).run();
    migrate(db, migrations, at);
    expect(shopProfileStore(db, at).get()?.idleLockMinutes).toBe(15);
    const set = db.prepare('UPDATE shop_profile SET idle_lock_minutes = ?');
    expect(() => set.run(0)).toThrow(/CHECK/);
    expect(() => set.run(241)).toThrow(/CHECK/);
    db.close();
  });
});
