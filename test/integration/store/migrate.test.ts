import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase } from '../../../electron/store/database';
import { DatabaseTooNewError, type Migration, migrate } from '../../../electron/store/migrate';
import { migrations } from '../../../electron/store/migrations';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const fixedNow = () => new Date('2026-11-22T01:00:00Z');
const newest = migrations.at(-1)?.version;

/** A migration that creates one table named after its number. */
const creating = (version: number): Migration => ({
  version,
  name: `table-${version}`,
  up: (db) => db.exec(`CREATE TABLE t${version} (x INTEGER) STRICT`),
});

describe('opening the shop database', () => {
  it('creates a new file, migrates it to the newest version and records each migration', () => {
    const file = path.join(tempDir(), 'nested', 'shop.sqlite');
    const { db, migration } = openDatabase(file, fixedNow);
    expect(migration).toEqual({
      from: 0,
      to: newest,
      applied: migrations.map((m) => m.version),
    });
    expect(db.pragma('user_version', { simple: true })).toBe(newest);
    expect(db.prepare('SELECT version, name, applied_at FROM schema_migrations').all()).toEqual(
      migrations.map((m) => ({
        version: m.version,
        name: m.name,
        applied_at: '2026-11-22T01:00:00.000Z',
      })),
    );
    db.close();
    expect(fs.existsSync(file)).toBe(true);
  });

  it('runs in WAL mode with foreign keys enforced', () => {
    const { db } = openDatabase(path.join(tempDir(), 'shop.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('applies nothing the second time', () => {
    const file = path.join(tempDir(), 'shop.sqlite');
    openDatabase(file).db.close();
    const { db, migration } = openDatabase(file);
    expect(migration.applied).toEqual([]);
    db.close();
  });

  it('refuses a database written by a newer Comptoir, clearly and without writing to it', () => {
    const file = path.join(tempDir(), 'shop.sqlite');
    const newer = new BetterSqlite3(file);
    newer.pragma(`user_version = ${(newest ?? 0) + 5}`);
    newer.exec('CREATE TABLE future_things (id INTEGER PRIMARY KEY) STRICT');
    newer.close();
    const before = fs.readFileSync(file);

    let refusal: unknown;
    try {
      openDatabase(file);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DatabaseTooNewError);
    expect((refusal as Error).message).toMatch(/newer version of Comptoir.*Update Comptoir/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const check = new BetterSqlite3(file, { readonly: true });
    const tables = check
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all();
    check.close();
    expect(tables).toEqual(['future_things']);
  });

  it('says which file is not a database', () => {
    const file = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(file, 'this is a shopping list, not a database'.repeat(100));
    expect(() => openDatabase(file)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(file)).toThrow(file);
  });

  it('rolls back a migration that fails, leaving the previous version intact', () => {
    const db = new BetterSqlite3(path.join(tempDir(), 'shop.sqlite'));
    const broken: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      {
        version: 2,
        name: 'two',
        up: (d) => {
          d.exec('CREATE TABLE b (x INTEGER) STRICT');
          throw new Error('disk full');
        },
      },
    ];
    expect(() => migrate(db, broken, fixedNow)).toThrow('disk full');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(['a', 'schema_migrations']);
    db.close();
  });

  it('refuses migrations out of order or numbered twice', () => {
    const db = new BetterSqlite3(':memory:');
    expect(() => migrate(db, [creating(2), creating(1)], fixedNow)).toThrow(
      /numbered 1, not above 2/,
    );
    expect(() => migrate(db, [creating(1), creating(1)], fixedNow)).toThrow(
      /numbered 1, not above 1/,
    );
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    db.close();
  });

  it('runs a migration that arrives in a reserved gap after the higher ones already ran', () => {
    const db = new BetterSqlite3(path.join(tempDir(), 'shop.sqlite'));
    expect(migrate(db, [creating(1), creating(3)], fixedNow).applied).toEqual([1, 3]);
    expect(migrate(db, [creating(1), creating(2), creating(3)], fixedNow)).toEqual({
      from: 3,
      to: 3,
      applied: [2],
    });
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual([1, 2, 3]);
    db.close();
  });

  it('refuses a database with a migration this version does not know, writing nothing', () => {
    const db = new BetterSqlite3(path.join(tempDir(), 'shop.sqlite'));
    migrate(db, [creating(1), creating(2), creating(3)], fixedNow);
    expect(() => migrate(db, [creating(1), creating(3), creating(4)], fixedNow)).toThrow(
      DatabaseTooNewError,
    );
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 't4'").pluck().get()).toBe(
      0,
    );
    db.close();
  });
});
