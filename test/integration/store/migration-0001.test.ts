import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();

function databaseAt(version: number) {
  const db = new BetterSqlite3(path.join(tempDir(), 'shop.sqlite'));
  migrate(db, migrations.slice(0, version), () => new Date('2026-11-22T00:00:00Z'));
  return db;
}

const row = {
  name: 'Boutique du Port',
  address: '3 quai Ferry',
  country: 'NC',
  phone: '+687 27 12 34',
  tax_id: '1234567.001',
  receipt_footer: 'Merci',
  time_zone: 'Pacific/Noumea',
  currency: 'XPF',
  default_language: 'fr',
  updated_at: '2026-11-22T00:00:00.000Z',
};
const insert = `INSERT INTO shop_profile (id, name, address, country, phone, tax_id, receipt_footer,
  time_zone, currency, default_language, updated_at) VALUES (@id, @name, @address, @country,
  @phone, @tax_id, @receipt_footer, @time_zone, @currency, @default_language, @updated_at)`;

describe('migration 0001: the shop profile', () => {
  it('creates the shop profile table on an empty database', () => {
    const db = databaseAt(0);
    migrate(db, migrations.slice(0, 1), () => new Date());
    db.prepare(insert).run({ id: 1, ...row });
    expect(db.prepare('SELECT * FROM shop_profile').get()).toEqual({ id: 1, ...row });
    db.close();
  });

  it('holds one profile only', () => {
    const db = databaseAt(1);
    db.prepare(insert).run({ id: 1, ...row });
    expect(() => db.prepare(insert).run({ id: 2, ...row })).toThrow(/CHECK constraint/);
    db.close();
  });

  it('is STRICT: bytes where text belongs are refused', () => {
    const db = databaseAt(1);
    expect(() => db.prepare(insert).run({ id: 1, ...row, name: Buffer.from('x') })).toThrow(
      /cannot store BLOB/,
    );
    db.close();
  });

  it('refuses a language the interface does not speak', () => {
    const db = databaseAt(1);
    expect(() => db.prepare(insert).run({ id: 1, ...row, default_language: 'de' })).toThrow(
      /CHECK/,
    );
    db.close();
  });
});
