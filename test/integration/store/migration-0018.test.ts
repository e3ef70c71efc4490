import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { shopProfileStore } from '../../../electron/store/shop-profile';
import { migratedAt, withDatabasesAtVersion } from '../../support/migrations';

const databaseAt = withDatabasesAtVersion();

describe('migration 0018: the shop’s legal name', () => {
  it('gives a profile of version 17 an empty legal name, keeping the rest', () => {
    const db = databaseAt(17);
    db.prepare(`INSERT INTO shop_profile VALUES (1, 'Boutique du Port', '', 'NC', '', '1234567.001',
      '', 'Pacific/Noumea', 'XPF', 'fr', '2026-11-21T00:00:00Z', 12, 'Comptoir 2')`).run();
    migrate(db, migrations.slice(0, 18), migratedAt);
    expect(db.pragma('user_version', { simple: true })).toBe(18);
    expect(shopProfileStore(db, migratedAt).get()).toMatchObject({
      name: 'Boutique du Port',
      taxId: '1234567.001',
      tillName: 'Comptoir 2',
      legalName: '',
    });
    db.close();
  });
});
