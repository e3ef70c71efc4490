import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoShopProfile } from '../../../electron/demo';
import { createReceiptBook, type ReceiptDraft } from '../../../electron/sales/receipts';
import { openDatabase } from '../../../electron/store/database';
import { shopProfileStore } from '../../../electron/store/shop-profile';
import { deviceId } from '../../../electron/store/users';
import { finished, spawnCli } from '../../support/cli';
import { pairTill } from '../../support/drawers';
import { withTempDirs } from '../../support/temp';
import { saleContent } from '../../unit/printing/sale';

const tempDir = withTempDirs();
const { deviceId: _device, number: _number, issuedAt: _issuedAt, ...draft } = saleContent;
const fixed: ReceiptDraft = draft;

/**
 * A till's database on a real file, its shop in Nouméa (UTC+11), with receipts issued by the
 * receipt book at the given instants (the first two on 20 November, the next two on the 21st,
 * the last on the 22nd with the default ones).
 */
function tillWithReceipts(
  issuedAt = [
    '2026-11-20T08:00:00+11:00',
    '2026-11-20T23:30:00+11:00',
    '2026-11-21T00:10:00+11:00',
    '2026-11-21T18:00:00+11:00',
    '2026-11-22T09:00:00+11:00',
  ],
) {
  const file = path.join(tempDir(), 'comptoir.sqlite');
  const { db } = openDatabase(file);
  shopProfileStore(db, () => new Date()).save(demoShopProfile);
  db.prepare(
    "INSERT INTO users (id, name, role, pin_hash, created_at) VALUES (1, 'clerk', 'clerk', 'x', 'now')",
  ).run();
  let clock = 0;
  const book = createReceiptBook(
    db,
    deviceId(db, () => 'till-0001'),
    () => new Date(issuedAt[clock] ?? ''),
  );
  for (const [index] of issuedAt.entries()) {
    clock = index;
    db.prepare(`INSERT INTO sales (idempotency_key, status, msisdn, carrier_id, plan_id, plan_name,
      data_mb, validity_days, price, dealer_cost, currency, payment_method, clerk_id, created_at,
      updated_at) VALUES (?, 'draft', '+687123456', 'nc-demo', '5go', '5 Go', 5120, 30, 6000, 5000,
      'XPF', 'card', 1, 'now', 'now')`).run(`verify-sale-${index}`);
    book.issue(index + 1, fixed);
  }
  return { file, db };
}

/** Changes a receipt's content the way only someone bypassing the app could. */
function alterReceipt(db: ReturnType<typeof tillWithReceipts>['db'], number: number) {
  db.exec('DROP TRIGGER IF EXISTS receipts_are_append_only_update');
  db.prepare("UPDATE receipts SET content = replace(content, '5500', '550') WHERE number = ?").run(
    number,
  );
}

async function verify(file: string, ...args: string[]) {
  const run = await finished(spawnCli(['verify', '--db', file, ...args, '--json']));
  return { ...run, document: run.stdout ? JSON.parse(run.stdout) : null };
}

describe('comptoir verify', () => {
  it('finds an intact chain of receipts and of Z reports, and changes nothing', async () => {
    const { file, db } = tillWithReceipts();
    db.close();
    const before = fs.readFileSync(file);
    const run = await verify(file);
    expect(run.code).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(run.document).toMatchObject({
      deviceId: 'till-0001',
      day: null,
      receipts: { ok: true, count: 5 },
      zReports: { ok: true, count: 0 },
    });
  });

  it('names the first receipt altered behind the app, and exits 1', async () => {
    const { file, db } = tillWithReceipts();
    alterReceipt(db, 2);
    db.close();
    const run = await verify(file);
    expect(run.code).toBe(1);
    expect(run.document).toMatchObject({
      receipts: { ok: false, count: 5, brokenAt: 2, reason: 'hash_mismatch' },
      zReports: { ok: true },
    });
    expect(run.stderr).toContain('do not verify');
  });

  it("checks every till's receipts and names the counter whose receipt was altered", async () => {
    const { file, db } = tillWithReceipts();
    const counter = pairTill(db, 'Counter 2');
    const book = createReceiptBook(db, counter, () => new Date('2026-11-22T10:00:00+11:00'));
    book.issue(1, fixed);
    book.issue(2, fixed);
    db.exec('DROP TRIGGER IF EXISTS receipts_are_append_only_update');
    db.prepare(
      "UPDATE receipts SET content = replace(content, '5500', '550') WHERE device_id = ? AND number = 2",
    ).run(counter);
    db.close();
    const run = await verify(file);
    expect(run.code).toBe(1);
    expect(run.document).toMatchObject({
      receipts: { ok: true, count: 5 },
      tills: [
        { tillId: 'till-0001', receipts: { ok: true, count: 5 } },
        {
          tillId: counter,
          tillName: 'Counter 2',
          receipts: { ok: false, count: 2, brokenAt: 2, reason: 'hash_mismatch' },
        },
      ],
    });
    expect(run.stderr).toContain('Counter 2');
    const human = await finished(spawnCli(['verify', '--db', file]));
    expect(human.stdout).toContain(
      'Receipts at Counter 2: 2, chain BROKEN at number 2 (hash_mismatch)',
    );
  });

  it("checks one shop's day, in the shop's time zone, and finds a break only in its day", async () => {
    const { file, db } = tillWithReceipts();
    alterReceipt(db, 4);
    db.close();
    // 20 November in Nouméa: receipts 1 and 2 (the second at 12:30 UTC, still the 20th there).
    const before = await verify(file, '--day', '2026-11-20');
    expect(before.code).toBe(0);
    expect(before.document).toMatchObject({
      timeZone: 'Pacific/Noumea',
      day: '2026-11-20',
      receipts: { ok: true, count: 2 },
    });
    const broken = await verify(file, '--day', '2026-11-21');
    expect(broken.code).toBe(1);
    expect(broken.document).toMatchObject({
      day: '2026-11-21',
      receipts: { ok: false, count: 2, brokenAt: 4, reason: 'hash_mismatch' },
    });
  });

  it('finds a receipt removed at the end of a day when checking that day', async () => {
    const { file, db } = tillWithReceipts();
    db.exec('DROP TRIGGER receipts_are_append_only_delete');
    db.prepare('DELETE FROM receipts WHERE number = 4').run();
    db.close();
    const run = await verify(file, '--day', '2026-11-21');
    expect(run.code).toBe(1);
    expect(run.document).toMatchObject({
      receipts: { ok: false, count: 1, brokenAt: 4, reason: 'gap' },
    });
  });

  it('refuses a day that is not a date, before opening anything', async () => {
    const { file, db } = tillWithReceipts();
    db.close();
    const run = await finished(spawnCli(['verify', '--db', file, '--day', '2026-02-30']));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--day is a date written YYYY-MM-DD, not "2026-02-30"');
  });

  it('is the one command: books verify is gone', async () => {
    const { file, db } = tillWithReceipts();
    db.close();
    const run = await finished(spawnCli(['books', 'verify', '--db', file]));
    expect(run.code).toBe(2);
  });

  it('says so when there is no database, creating none', async () => {
    const file = path.join(tempDir(), 'missing.sqlite');
    const run = await finished(spawnCli(['verify', '--db', file]));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`No database at ${file}`);
  });
});
