import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoShopProfile } from '../../../electron/demo';
import { openDatabase } from '../../../electron/store/database';
import { shopProfileStore } from '../../../electron/store/shop-profile';
import { finished, spawnCli } from '../../support/cli';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();

function saveShopName(file: string, name: string) {
  const { db } = openDatabase(file);
  shopProfileStore(db, () => new Date()).save({ ...demoShopProfile, name });
  db.close();
}

async function cli(args: string[]) {
  const { code, stdout, stderr } = await finished(spawnCli([...args, '--json']));
  return { code, json: stdout ? JSON.parse(stdout) : null, stderr };
}

describe('comptoir backup', () => {
  it('backs up, lists and restores the shop database', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'comptoir.sqlite');
    saveShopName(db, 'Before');
    const now = await cli(['backup', 'now', '--db', db]);
    expect(now.code).toBe(0);
    expect(now.json.file).toMatch(/backups\/comptoir-\d{8}T\d{9}Z\.sqlite$/);
    const listed = await cli(['backup', 'list', '--db', db]);
    expect(listed.json).toEqual({ folder: path.join(dir, 'backups'), backups: [now.json] });

    saveShopName(db, 'After');
    const restored = await cli(['backup', 'restore', now.json.file, '--db', db]);
    expect(restored.code).toBe(0);
    expect(restored.json.setAside).toMatch(/comptoir\.sqlite\.before-restore-/);
    const { db: reopened } = openDatabase(db);
    expect(shopProfileStore(reopened, () => new Date()).get()?.name).toBe('Before');
    reopened.close();
  });

  it('refuses a bad backup file and a bad --keep, changing nothing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'comptoir.sqlite');
    saveShopName(db, 'Kept');
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'junk');
    const refused = await cli(['backup', 'restore', junk, '--db', db]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr).error.message).toMatch(/junk\.sqlite/);
    const keep = await cli(['backup', 'now', '--db', db, '--keep', '0']);
    expect(keep.code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
    const { db: reopened } = openDatabase(db);
    expect(shopProfileStore(reopened, () => new Date()).get()?.name).toBe('Kept');
    reopened.close();
  });

  it('says a damaged database is damaged, not in use, and changes nothing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'comptoir.sqlite');
    saveShopName(db, 'Damaged');
    const now = await cli(['backup', 'now', '--db', db]);
    const fd = fs.openSync(db, 'r+');
    fs.writeSync(fd, Buffer.alloc(16, 0x41), 0, 16, 0);
    fs.closeSync(fd);
    const damaged = fs.readFileSync(db);
    const backup = fs.readFileSync(now.json.file);

    const refused = await cli(['backup', 'restore', now.json.file, '--db', db]);
    expect(refused.code).toBe(1);
    const { message } = JSON.parse(refused.stderr).error;
    expect(message).toMatch(/comptoir\.sqlite is damaged or not a database/);
    expect(message).not.toMatch(/in use/);
    expect(fs.readFileSync(db).equals(damaged)).toBe(true);
    expect(fs.readFileSync(now.json.file).equals(backup)).toBe(true);
    expect(fs.readdirSync(dir).filter((name) => name.includes('before-restore'))).toEqual([]);
  });
});
