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
    expect(shopProfileStore(db, at).get()).toMatchObject({
      name: 'Boutique du Port',
      idleLockMinutes: 12,
      tillName: '1',
    });
    db.close();
  });

  it('keeps the name a manager saves', () => {
    const db = databaseAt(16);
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
    });
    expect(store.get()?.tillName).toBe('Comptoir 2');
    db.close();
  });
});
