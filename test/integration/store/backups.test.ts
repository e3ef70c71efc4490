import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { demoShopProfile } from '../../../electron/demo';
import { scheduleBackups } from '../../../electron/store/backup-schedule';
import {
  BackupError,
  backUp,
  checkBackup,
  listBackups,
  restoreBackup,
} from '../../../electron/store/backups';
import { openDatabase } from '../../../electron/store/database';
import { takeInstanceLock } from '../../../electron/store/instance-lock';
import { shopProfileStore } from '../../../electron/store/shop-profile';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const quiet = { error: () => {}, warn: () => {}, info: () => {} };

/** A real shop database with its profile named `name`. */
function shopDatabase(file: string, name: string) {
  const { db } = openDatabase(file);
  shopProfileStore(db, () => new Date()).save({ ...demoShopProfile, name });
  return db;
}

const shopName = (file: string) => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare('SELECT name FROM shop_profile').pluck().get();
  } finally {
    db.close();
  }
};

/** Overwrites the first bytes of a file ("SQLite format 3"), as a bad sector or a stray write does. */
function damageHeader(file: string) {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(16, 0x41), 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
}

function clock(start: string) {
  let at = Date.parse(start);
  return { now: () => new Date(at), advance: (ms: number) => (at += ms) };
}

describe('backups', () => {
  it('takes a checked copy while the database is open, and keeps only the newest', async () => {
    const dir = tempDir();
    const db = shopDatabase(path.join(dir, 'comptoir.sqlite'), 'Boutique du Port');
    const folder = path.join(dir, 'backups');
    const time = clock('2026-11-22T09:00:00.000Z');
    const taken = [];
    for (let n = 0; n < 4; n++) {
      taken.push(await backUp(db, folder, { now: time.now, keep: 3 }));
      time.advance(60_000);
    }
    db.close();
    expect(taken[0]?.file).toBe(path.join(folder, 'comptoir-20261122T090000000Z.sqlite'));
    const kept = listBackups(folder);
    expect(kept.map((backup) => backup.takenAt)).toEqual([
      '2026-11-22T09:03:00.000Z',
      '2026-11-22T09:02:00.000Z',
      '2026-11-22T09:01:00.000Z',
    ]);
    // Nothing but the backups: no partial copy and none of its side files (-wal, -shm).
    expect(fs.readdirSync(folder).sort()).toEqual(kept.map((b) => path.basename(b.file)).sort());
    expect(checkBackup(kept[0]?.file ?? '')).toEqual({ schemaVersion: expect.any(Number) });
    expect(shopName(kept[0]?.file ?? '')).toBe('Boutique du Port');
  });

  it('clears the side files earlier backups left behind, and nothing else', async () => {
    const dir = tempDir();
    const db = shopDatabase(path.join(dir, 'comptoir.sqlite'), 'Boutique');
    const folder = path.join(dir, 'backups');
    fs.mkdirSync(folder);
    const leftovers = [
      'comptoir-20261101T090000000Z.sqlite.partial-wal',
      'comptoir-20261101T090000000Z.sqlite.partial-shm',
      'comptoir-20261102T090000000Z.sqlite-wal',
      'comptoir-20261102T090000000Z.sqlite-shm',
    ];
    for (const name of [...leftovers, 'notes.txt']) fs.writeFileSync(path.join(folder, name), '');
    const taken = await backUp(db, folder, { now: () => new Date(), keep: 5 });
    db.close();
    expect(fs.readdirSync(folder).sort()).toEqual([path.basename(taken.file), 'notes.txt']);
  });

  it('refuses a damaged or foreign file as a backup', () => {
    const dir = tempDir();
    const truncated = path.join(dir, 'truncated.sqlite');
    const db = shopDatabase(path.join(dir, 'good.sqlite'), 'Boutique');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(path.join(dir, 'good.sqlite'));
    fs.writeFileSync(truncated, bytes.subarray(0, 1000));
    expect(() => checkBackup(truncated)).toThrow(BackupError);
    const text = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(text, 'not a database at all, just some notes');
    expect(() => checkBackup(text)).toThrow(/not a database|cannot be opened/);
    const empty = path.join(dir, 'empty.sqlite');
    new BetterSqlite3(empty).close();
    expect(() => checkBackup(empty)).toThrow(/schema version 0/);
    const newer = path.join(dir, 'newer.sqlite');
    const future = new BetterSqlite3(newer);
    future.pragma('user_version = 999');
    future.close();
    expect(() => checkBackup(newer)).toThrow(/schema version 999/);
  });

  it('restores a backup, keeping the replaced database beside it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'comptoir.sqlite');
    const db = shopDatabase(file, 'Before');
    const backup = await backUp(db, path.join(dir, 'backups'), { now: () => new Date(), keep: 5 });
    shopProfileStore(db, () => new Date()).save({ ...demoShopProfile, name: 'After' });
    db.close();

    const { setAside } = restoreBackup(backup.file, file, () => new Date('2026-11-22T10:00:00Z'));
    expect(setAside).toBe(`${file}.before-restore-20261122T100000000Z`);
    // The replaced file's -wal went with it: none is left to replay over the restored one.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(shopName(file)).toBe('Before');
    expect(shopName(setAside ?? '')).toBe('After');
    // It opens and migrates as the shop's database again.
    openDatabase(file).db.close();
  });

  it('refuses to restore over a database Comptoir runs on, naming it, or from a bad file, changing nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'comptoir.sqlite');
    const db = shopDatabase(file, 'Open');
    const backup = await backUp(db, path.join(dir, 'backups'), { now: () => new Date(), keep: 5 });
    db.close();
    const running = takeInstanceLock(file);
    expect(() => restoreBackup(backup.file, file, () => new Date())).toThrow(
      `comptoir.sqlite is in use by Comptoir (process ${process.pid})`,
    );
    running.release();
    const bad = path.join(dir, 'bad.sqlite');
    fs.writeFileSync(bad, 'garbage');
    expect(() => restoreBackup(bad, file, () => new Date())).toThrow(BackupError);
    expect(shopName(file)).toBe('Open');
    // No set-aside file, no half-built one, no lock left behind.
    expect(
      fs.readdirSync(dir).filter((name) => /before-restore|restoring|lock/.test(name)),
    ).toEqual([]);
  });

  it('restores for the holder of the lock (a running Comptoir restoring in place), keeping the lock', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'comptoir.sqlite');
    const db = shopDatabase(file, 'Before');
    const backup = await backUp(db, path.join(dir, 'backups'), { now: () => new Date(), keep: 5 });
    shopProfileStore(db, () => new Date()).save({ ...demoShopProfile, name: 'After' });
    db.close();
    const lock = takeInstanceLock(file);
    restoreBackup(backup.file, file, () => new Date(), { lock });
    expect(shopName(file)).toBe('Before');
    expect(() => takeInstanceLock(file)).toThrow(/in use/);
    const other = path.join(dir, 'other.sqlite');
    expect(() => restoreBackup(backup.file, other, () => new Date(), { lock })).toThrow(
      /The lock held is for .*comptoir\.sqlite, not .*other\.sqlite/,
    );
    lock.release();
  });

  it('refuses a damaged backup, changing nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'comptoir.sqlite');
    const db = shopDatabase(file, 'Current');
    const backup = await backUp(db, path.join(dir, 'backups'), { now: () => new Date(), keep: 5 });
    db.close();
    const damagedBackup = path.join(dir, 'damaged-backup.sqlite');
    fs.copyFileSync(backup.file, damagedBackup);
    damageHeader(damagedBackup);
    const before = fs.readFileSync(file);
    expect(() => restoreBackup(damagedBackup, file, () => new Date())).toThrow(
      /damaged-backup\.sqlite is damaged or not a database/,
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((name) => name.includes('before-restore'))).toEqual([]);
  });

  it('backs up when one is due: at start, then a day after the last one', async () => {
    const dir = tempDir();
    const db = shopDatabase(path.join(dir, 'comptoir.sqlite'), 'Scheduled');
    const folder = path.join(dir, 'backups');
    const time = clock('2026-11-22T09:00:00.000Z');
    const schedule = scheduleBackups(
      db,
      { folder },
      { now: time.now, log: quiet, checkEveryMs: 20 },
    );
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await wait(200);
    expect(schedule.list()).toHaveLength(1);
    time.advance(23 * 60 * 60 * 1000);
    await wait(100);
    expect(schedule.list()).toHaveLength(1);
    time.advance(60 * 60 * 1000);
    await wait(200);
    expect(schedule.list().map((backup) => backup.takenAt)).toEqual([
      '2026-11-23T09:00:00.000Z',
      '2026-11-22T09:00:00.000Z',
    ]);
    await schedule.stop();
    db.close();
  });
});
