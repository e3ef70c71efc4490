import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { shopProfileStore } from '../../../electron/store/shop-profile';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();
const at = migratedAt;

describe('migration 0016: the till’s name', () => {
  it('names the till "1" in a profile written by version 15, keeping the rest', () => {
    const db = databaseAt(15);
    db.prepare(`INSERT INTO shop_profile VALUES (1, 'Boutique du Port', '', 'NC', '', '', '',
      'Pacific/Noumea', 'XPF', 'fr', '2026-11-21T00:00:00Z', 12)`).run();
    migrate(db, migrations.slice(0, 16), at);
    expect(db.pragma('user_version', { simple: true })).toBe(16);
    // Read by SQL: the store of today writes later columns than this version has.
    expect(db.prepare('SELECT name, idle_lock_minutes, till_name FROM shop_profile').get()).toEqual(
      {
        name: 'Boutique du Port',
        idle_lock_minutes: 12,
        till_name: '1',
      },
    );
    db.close();
  });

  it('keeps the name a manager saves (on the latest schema: the store writes its later columns)', () => {
    const db = databaseAt(migrations.length);
    const store = shopProfileStore(db, at);
    store.save({
      name: 'Boutique',
      address: '',
      country: 'NC',
      phone: '',
      taxId: '',
      receiptFooter: '',
      timeZone: 'Pacific/Noumea',
      currency: 'XPF',
      defaultLanguage: 'fr',
      idleLockMinutes: 5,
      tillName: 'Comptoir 2',
      legalName: '',
    });
    expect(store.get()?.tillName).toBe('Comptoir 2');
    db.close();
  });
});
