import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { demoShopProfile } from '../../../electron/demo';
import { openDatabase } from '../../../electron/store/database';
import { shopProfileStore } from '../../../electron/store/shop-profile';
import { finished, firstLine, spawnCli } from '../../support/cli';
import { damagePageOf } from '../../support/damaged-pages';
import { demoShopOnFile, rowsOf } from '../../support/demo-shop-file';
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

  it('restores over a damaged page, carrying every readable sale with its receipt, and the books verify', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'comptoir.sqlite');
    const shop = await demoShopOnFile(db);
    await shop.sell(10);
    await shop.core.close();
    const now = await cli(['backup', 'now', '--db', db]);
    const more = await demoShopOnFile(db);
    await more.sell(60);
    await more.core.close();
    const receipts = rowsOf(db, 'receipts');
    // Rebuilt first, so that the page holds its own rows only, not the stale copies a row
    // rewritten by its sale's moves leaves in free space: the sales read on it are the lost ones.
    const rebuilt = new BetterSqlite3(db);
    rebuilt.exec('VACUUM');
    rebuilt.close();
    const { before: page } = damagePageOf(db, 'sales', 'demo-shop-file-sale-00030');
    expect(rowsOf(now.json.file, 'sales')).toHaveLength(10);

    const restored = await cli(['backup', 'restore', now.json.file, '--db', db]);
    expect(restored.code).toBe(0);
    const onPage = receipts.filter((receipt) =>
      page.includes(`demo-shop-file-sale-${String(receipt.sale_id).padStart(5, '0')}`),
    );
    // A page of sales made after the backup, in the middle of the table.
    expect(Math.min(...onPage.map((receipt) => receipt.sale_id as number))).toBeGreaterThan(10);
    expect(Math.max(...onPage.map((receipt) => receipt.sale_id as number))).toBeLessThan(70);
    expect(restored.json).toMatchObject({
      restored: now.json.file,
      database: db,
      setAside: expect.stringMatching(/comptoir\.sqlite\.before-restore-/),
      carriedOver: { sales: 60 - onPage.length, receipts: 60 },
      unreadableCsv: expect.stringMatching(/comptoir\.sqlite\.unreadable-\d{8}T\d{9}Z\.csv$/),
    });
    expect(restored.json.unreadable.map((row: { number: number }) => row.number)).toEqual(
      onPage.map((receipt) => receipt.sale_id),
    );
    expect(rowsOf(db, 'receipts')).toEqual(receipts);
    const verified = await finished(spawnCli(['verify', '--db', db, '--json']));
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ receipts: { ok: true, count: 70 } });

    const text = await finished(spawnCli(['backup', 'restore', now.json.file, '--db', db]));
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Carried over from it: ');
  });

  it('refuses while Comptoir runs on the database, naming its process, and changes nothing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'comptoir.sqlite');
    saveShopName(db, 'Running');
    const now = await cli(['backup', 'now', '--db', db]);
    const server = spawnCli(['serve', '--db', db, '--port', '0', '--json']);
    const stopped = finished(server);
    await firstLine(server);

    const refused = await cli(['backup', 'restore', now.json.file, '--db', db]);
    server.kill('SIGTERM');
    expect((await stopped).code).toBe(0);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr).error.message).toContain(
      `comptoir.sqlite is in use by Comptoir (process ${server.pid})`,
    );
    expect(fs.readdirSync(dir).filter((name) => /before-restore|restoring/.test(name))).toEqual([]);
    const { db: reopened } = openDatabase(db);
    expect(shopProfileStore(reopened, () => new Date()).get()?.name).toBe('Running');
    reopened.close();
    // Stopped, it gave the lock up: the restore goes.
    expect((await cli(['backup', 'restore', now.json.file, '--db', db])).code).toBe(0);
  });

  it('restores over a file whose header is damaged, instead of calling it in use', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'comptoir.sqlite');
    saveShopName(db, 'Damaged');
    const now = await cli(['backup', 'now', '--db', db]);
    const fd = fs.openSync(db, 'r+');
    fs.writeSync(fd, Buffer.alloc(16, 0x41), 0, 16, 0);
    fs.closeSync(fd);
    const damaged = fs.readFileSync(db);

    const restored = await cli(['backup', 'restore', now.json.file, '--db', db]);
    expect(restored.code).toBe(0);
    expect(restored.json.unreadable).toEqual([]);
    expect(fs.readFileSync(restored.json.setAside).equals(damaged)).toBe(true);
    const { db: reopened } = openDatabase(db);
    expect(shopProfileStore(reopened, () => new Date()).get()?.name).toBe('Damaged');
    reopened.close();
  });
});
