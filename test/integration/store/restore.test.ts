import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createShiftBook } from '../../../electron/day/shifts';
import { verifyBooks } from '../../../electron/sales/books-verification';
import { createJournal, type NewSale } from '../../../electron/sales/journal';
import { backUp, restoreBackup } from '../../../electron/store/backups';
import { openDatabase } from '../../../electron/store/database';
import { findDeviceId } from '../../../electron/store/users';
import { booksHold } from '../../../shared/books';
import { damagePageOf } from '../../support/damaged-pages';
import { demoShopOnFile, rowsOf } from '../../support/demo-shop-file';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const at = () => new Date('2026-12-06T10:00:00.000Z');

/**
 * A shop whose last backup is older than its last sales: a day closed and another begun before
 * the backup; after it, more sales, that day closed (Z 2) and a third begun with a few sales.
 */
async function shopWithSalesAfterItsBackup() {
  const dir = tempDir();
  const databaseFile = path.join(dir, 'comptoir.sqlite');
  const shop = await demoShopOnFile(databaseFile);
  await shop.openShift();
  await shop.sell(10);
  await shop.closeDay();
  await shop.openShift();
  await shop.sell(20);
  const backup = await backUp(shop.core.db, path.join(dir, 'backups'), { now: at, keep: 5 });
  await shop.sell(60);
  await shop.closeDay();
  await shop.openShift();
  await shop.sell(5);
  await shop.core.close();
  return { dir, databaseFile, backup: backup.file };
}

/** Whether the books of a database file hold, checked as `comptoir verify` does. */
function booksHoldIn(file: string) {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return booksHold(verifyBooks(db, { deviceId: findDeviceId(db), timeZone: 'UTC' }));
  } finally {
    db.close();
  }
}

const booksTables = ['sales', 'sale_events', 'receipts', 'refunds', 'shifts', 'z_reports'];

const clerk = { kind: 'user', role: 'clerk', userId: 1 } as const;
const manager = { kind: 'user', role: 'manager', userId: 2 } as const;

const saleOf = (key: string, msisdn = '+687123456'): NewSale => ({
  idempotencyKey: key,
  msisdn,
  carrierId: 'nc-demo',
  plan: {
    id: '1go',
    name: '1 Go',
    dataMb: 1024,
    validityDays: 7,
    price: 1500,
    dealerCost: 1200,
    taxRate: 0,
  },
  currency: 'XPF',
  payment: { method: 'card', reference: key },
  clerkId: 1,
});

describe('a restore loses nothing it can read', () => {
  it('carries the sales, receipts and Z reports made after the backup into the restored file', async () => {
    const { databaseFile, backup } = await shopWithSalesAfterItsBackup();
    const before = Object.fromEntries(booksTables.map((t) => [t, rowsOf(databaseFile, t)]));
    expect(rowsOf(backup, 'sales')).toHaveLength(30);

    const refundsSince = rowsOf(databaseFile, 'refunds').length - rowsOf(backup, 'refunds').length;
    expect(refundsSince).toBeGreaterThan(0);

    const report = restoreBackup(backup, databaseFile, at);

    expect(report.carriedOver.refunds).toBe(refundsSince);
    expect(report).toMatchObject({
      setAside: `${databaseFile}.before-restore-20261206T100000000Z`,
      carriedOver: { sales: 65, receipts: 65, zReports: 1, shifts: 1, shiftsClosed: 1 },
      unreadable: [],
      unreadableCsv: null,
    });
    // As they were: the same ids, numbers, hashes and times, the second shift closed as it was.
    for (const table of booksTables) expect(rowsOf(databaseFile, table)).toEqual(before[table]);
    expect(booksHoldIn(databaseFile)).toBe(true);
    expect(fs.statSync(databaseFile).mode & 0o777).toBe(0o600);
    // The shop opens on it, and sells on from where it was.
    const reopened = await demoShopOnFile(databaseFile);
    await reopened.sell(1);
    await reopened.core.close();
    expect(rowsOf(databaseFile, 'receipts').at(-1)).toMatchObject({ number: 96, sale_id: 96 });
  });

  it('brings the sales the backup caught mid-way to where they ended, with their refunds and the cash moved since', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'comptoir.sqlite');
    const { db } = openDatabase(file);
    db.exec(`INSERT INTO users (id, name, role, pin_hash, created_at) VALUES
      (1, 'clerk', 'clerk', 'x', 'then'), (2, 'manager', 'manager', 'x', 'then')`);
    const journal = createJournal(db, at);
    const shifts = createShiftBook(db, { deviceId: 'till-0001', now: at, nameOf: () => null });
    shifts.open(1, 0, 'XPF');
    const unknown = journal.openPaidSale(saleOf('caught-unknown'), clerk).sale.id;
    journal.markSending(unknown, 'sim-1', clerk);
    journal.settle(unknown, { status: 'unknown', reason: 'timeout', transcript: 'AT+CUSD' }, clerk);
    // Another card: one with an unknown sale is held until it is settled.
    const sending = journal.openPaidSale(saleOf('caught-sending', '+687654321'), clerk).sale.id;
    journal.markSending(sending, 'sim-2', clerk);
    const backup = await backUp(db, path.join(dir, 'backups'), { now: at, keep: 5 });
    journal.resolve(unknown, 'succeeded', 'carrier SMS read by the manager', manager);
    journal.settle(sending, { status: 'failed', reason: 'refused', transcript: 'AT+CUSD' }, clerk);
    shifts.cashMovement(1, 'out', 500, 'Change for the bakery');
    db.close();
    const before = Object.fromEntries(
      [...booksTables, 'cash_movements'].map((t) => [t, rowsOf(file, t)]),
    );

    const report = restoreBackup(backup.file, file, at);

    expect(report.carriedOver).toMatchObject({
      sales: 0,
      saleEvents: 2,
      salesMovedOn: 2,
      refunds: 1,
      cashMovements: 1,
    });
    expect(report.unreadable).toEqual([]);
    for (const [table, rows] of Object.entries(before)) expect(rowsOf(file, table)).toEqual(rows);
  });

  it('carries the sales of a shop stopped by a crash, still in its -wal, and keeps that -wal aside', async () => {
    const dir = tempDir();
    const running = path.join(dir, 'running.sqlite');
    const shop = await demoShopOnFile(running);
    shop.core.db.pragma('wal_autocheckpoint = 0');
    await shop.sell(10);
    const backup = await backUp(shop.core.db, path.join(dir, 'backups'), { now: at, keep: 5 });
    await shop.sell(20);
    // What a power cut leaves: the file and its -wal as they are on disk, nothing folded in.
    const crashed = path.join(tempDir(), 'comptoir.sqlite');
    fs.copyFileSync(running, crashed);
    fs.copyFileSync(`${running}-wal`, `${crashed}-wal`);
    await shop.core.close();
    const sales = rowsOf(running, 'sales');
    expect(sales).toHaveLength(30);

    const report = restoreBackup(backup.file, crashed, at);

    expect(report.carriedOver).toMatchObject({ sales: 20, receipts: 20 });
    expect(rowsOf(crashed, 'sales')).toEqual(sales);
    expect(fs.existsSync(`${crashed}-wal`)).toBe(false);
    expect(fs.existsSync(`${report.setAside}-wal`)).toBe(true);
    expect(booksHoldIn(crashed)).toBe(true);
  });

  it('reads around a damaged page: every readable sale comes with its receipt, the lost ones are listed and in a CSV', async () => {
    const { databaseFile, backup } = await shopWithSalesAfterItsBackup();
    const sales = rowsOf(databaseFile, 'sales');
    const receipts = rowsOf(databaseFile, 'receipts');
    const { before: page } = damagePageOf(databaseFile, 'sales', 'demo-shop-file-sale-00060');
    // The sales whose row was on that page: the damage took them, and only them.
    const onPage = sales.filter((sale) => page.includes(String(sale.idempotency_key)));
    const lost = onPage.map((sale) => sale.id as number);
    expect(lost).toContain(60);
    expect(Math.min(...lost)).toBeGreaterThan(30);
    const damaged = fs.readFileSync(databaseFile);

    const report = restoreBackup(backup, databaseFile, at);

    expect(report.unreadable.map((row) => [row.table, row.number])).toEqual(
      lost.map((id) => ['sales', id]),
    );
    // What the sales' indexes still tell: which card, when, under which key.
    for (const sale of onPage) {
      expect(report.unreadable.find((row) => row.number === sale.id)?.known).toMatchObject({
        msisdn: sale.msisdn,
        created_at: sale.created_at,
        idempotency_key: sale.idempotency_key,
      });
    }
    expect(report.carriedOver).toMatchObject({
      sales: 65 - lost.length,
      receipts: 65,
      zReports: 1,
    });
    const restoredSales = rowsOf(databaseFile, 'sales');
    expect(restoredSales).toEqual(sales.filter((sale) => !lost.includes(sale.id as number)));
    expect(rowsOf(databaseFile, 'receipts')).toEqual(receipts);
    expect(booksHoldIn(databaseFile)).toBe(true);

    expect(report.unreadableCsv).toBe(`${databaseFile}.unreadable-20261206T100000000Z.csv`);
    const csv = fs.readFileSync(report.unreadableCsv ?? '', 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('table,number,reason,known');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 2).join(','))).toEqual(
      lost.map((id) => `sales,${id}`),
    );
    expect(csv).toContain(String(onPage[0]?.msisdn));
    expect(fs.statSync(report.unreadableCsv ?? '').mode & 0o777).toBe(0o600);
    // The damaged file is kept as it was, for the record.
    expect(fs.readFileSync(report.setAside ?? '').equals(damaged)).toBe(true);
    openDatabase(databaseFile).db.close();
  });

  it('lists the newest sales when their page is the one damaged, from what their indexes tell', async () => {
    const { databaseFile, backup } = await shopWithSalesAfterItsBackup();
    const sales = rowsOf(databaseFile, 'sales');
    const { before: page } = damagePageOf(databaseFile, 'sales', 'demo-shop-file-sale-00095');
    const lost = sales.filter((sale) => page.includes(String(sale.idempotency_key)));
    expect(lost.at(-1)?.id).toBe(95);

    const report = restoreBackup(backup, databaseFile, at);

    expect(report.unreadable.map((row) => [row.table, row.number])).toEqual([
      ...lost.map((sale) => ['sales', sale.id]),
      // Past the last one its indexes know, nothing can tell whether more were sold.
      ['sales', null],
    ]);
    expect(report.unreadable[0]?.known).toMatchObject({ msisdn: lost[0]?.msisdn });
    expect(rowsOf(databaseFile, 'sales')).toEqual(sales.filter((sale) => !lost.includes(sale)));
    expect(report.carriedOver.receipts).toBe(65);
    expect(booksHoldIn(databaseFile)).toBe(true);
  });

  it('lists a row the backup refuses (its history went another way) instead of dropping it unsaid', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'comptoir.sqlite');
    const { db } = openDatabase(file);
    const addUser = (into: BetterSqlite3.Database, id: number, name: string) =>
      into
        .prepare(
          "INSERT INTO users (id, name, role, pin_hash, created_at) VALUES (?, ?, 'clerk', 'x', 'then')",
        )
        .run(id, name);
    addUser(db, 1, 'Marie');
    const backup = await backUp(db, path.join(dir, 'backups'), { now: at, keep: 5 });
    addUser(db, 2, 'Bob');
    addUser(db, 3, 'Anna');
    db.close();
    const diverged = new BetterSqlite3(backup.file);
    addUser(diverged, 2, 'Anna');
    diverged.close();

    const report = restoreBackup(backup.file, file, at);

    expect(report.carriedOver.users).toBe(0);
    expect(report.unreadable).toEqual([
      {
        table: 'users',
        number: 3,
        reason: expect.stringMatching(/^the restored database refuses it: UNIQUE constraint/),
        known: expect.objectContaining({ id: 3, name: 'Anna' }),
      },
    ]);
    expect(report.unreadable[0]?.known).not.toHaveProperty('pin_hash');
    expect(fs.readFileSync(report.unreadableCsv ?? '', 'utf8')).toContain('users,3,');
  });

  it('reads a file whose first bytes were overwritten, instead of calling it in use', async () => {
    const { databaseFile, backup } = await shopWithSalesAfterItsBackup();
    const sales = rowsOf(databaseFile, 'sales');
    const fd = fs.openSync(databaseFile, 'r+');
    fs.writeSync(fd, Buffer.alloc(16, 0x41), 0, 16, 0);
    fs.closeSync(fd);

    const report = restoreBackup(backup, databaseFile, at);

    expect(report).toMatchObject({ carriedOver: { sales: 65 }, unreadable: [] });
    expect(rowsOf(databaseFile, 'sales')).toEqual(sales);
    expect(booksHoldIn(databaseFile)).toBe(true);
  });

  it('says what it could not read at all, and restores the backup', async () => {
    const { databaseFile, backup } = await shopWithSalesAfterItsBackup();
    fs.writeFileSync(databaseFile, Buffer.alloc(8192, 0x41));

    const report = restoreBackup(backup, databaseFile, at);

    expect(report.carriedOver.sales).toBe(0);
    expect(report.unreadable).toEqual([
      expect.objectContaining({
        table: null,
        number: null,
        reason: expect.stringMatching(/cannot be read at all/),
      }),
    ]);
    expect(rowsOf(databaseFile, 'sales')).toEqual(rowsOf(backup, 'sales'));
    expect(fs.readFileSync(report.unreadableCsv ?? '', 'utf8')).toContain('cannot be read at all');
  });
});

describe('a restore keeps the shop in its chain', () => {
  it('carries the facts not yet at the head office, the enrolment and the catalog received since the backup', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'comptoir.sqlite');
    const { db } = openDatabase(file);
    const fact = db.prepare(
      `INSERT INTO outbox (id, kind, payload, created_at, sent_at) VALUES (?, 'booksCheck', '{}', ?, ?)`,
    );
    fact.run('0193a1b2-c3d4-7000-8000-000000000001', '2026-12-06T09:00:00Z', null);
    const backup = await backUp(db, path.join(dir, 'backups'), { now: at, keep: 5 });
    fact.run('0193a1b2-c3d4-7000-8000-000000000002', '2026-12-06T09:30:00Z', null);
    db.exec(`INSERT INTO head_office (id, url, shop_id, shop_name, credential_sealed, managed,
      enrolled_at, enrolled_by) VALUES (1, 'https://hq.example', '0193a1b2-c3d4-7000-8000-0000000000aa',
      'Nouméa centre', 'sealed', 1, '2026-12-06T09:10:00Z', 'manager')`);
    db.exec(`INSERT INTO catalog_changes (version, kind, change, effective_from, received_at)
      VALUES (7, 'shopSettings', '{"managed":true}', NULL, '2026-12-06T09:20:00Z')`);
    db.close();
    const before = Object.fromEntries(
      ['outbox', 'head_office', 'catalog_changes'].map((t) => [t, rowsOf(file, t)]),
    );

    const report = restoreBackup(backup.file, file, at);

    expect(report.carriedOver).toMatchObject({ outbox: 1, headOffice: 1, catalogChanges: 1 });
    for (const table of ['outbox', 'head_office', 'catalog_changes']) {
      expect(rowsOf(file, table)).toEqual(before[table]);
    }
  });
});
