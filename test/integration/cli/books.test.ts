import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReceiptBook, type ReceiptDraft } from '../../../electron/sales/receipts';
import { openDatabase } from '../../../electron/store/database';
import { deviceId } from '../../../electron/store/users';
import { finished, spawnCli } from '../../support/cli';
import { withTempDirs } from '../../support/temp';
import { saleContent } from '../../unit/printing/sale';

const tempDir = withTempDirs();
const { deviceId: _device, number: _number, issuedAt: _issuedAt, ...draft } = saleContent;
const fixed: ReceiptDraft = draft;

/** A till's database on a real file with three receipts issued by the receipt book. */
function tillWithReceipts() {
  const file = path.join(tempDir(), 'comptoir.sqlite');
  const { db } = openDatabase(file);
  db.prepare(
    "INSERT INTO users (id, name, role, pin_hash, created_at) VALUES (1, 'clerk', 'clerk', 'x', 'now')",
  ).run();
  const book = createReceiptBook(
    db,
    deviceId(db, () => 'till-0001'),
    () => new Date(),
  );
  for (let i = 1; i <= 3; i++) {
    db.prepare(`INSERT INTO sales (idempotency_key, status, msisdn, carrier_id, plan_id, plan_name,
      data_mb, validity_days, price, dealer_cost, currency, payment_method, clerk_id, created_at,
      updated_at) VALUES (?, 'draft', '+687123456', 'nc-demo', '5go', '5 Go', 5120, 30, 6000, 5000,
      'XPF', 'card', 1, 'now', 'now')`).run(`books-sale-${i}`);
    book.issue(i, fixed);
  }
  return { file, db };
}

async function verify(file: string) {
  const run = await finished(spawnCli(['books', 'verify', '--db', file, '--json']));
  return { ...run, document: run.stdout ? JSON.parse(run.stdout) : null };
}

describe('comptoir books verify', () => {
  it('finds an intact chain of receipts and of Z reports, and changes nothing', async () => {
    const { file, db } = tillWithReceipts();
    db.close();
    const before = fs.readFileSync(file);
    const run = await verify(file);
    expect(run.code).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(run.document).toMatchObject({
      deviceId: 'till-0001',
      receipts: { ok: true, count: 3 },
      zReports: { ok: true, count: 0 },
    });
  });

  it('names the first receipt altered behind the app, and exits 1', async () => {
    const { file, db } = tillWithReceipts();
    // Only someone bypassing the app could do this: the table refuses updates.
    db.exec('DROP TRIGGER receipts_are_append_only_update');
    db.prepare(
      "UPDATE receipts SET content = replace(content, '5500', '550') WHERE number = 2",
    ).run();
    db.close();
    const run = await verify(file);
    expect(run.code).toBe(1);
    expect(run.document).toMatchObject({
      receipts: { ok: false, count: 3, brokenAt: 2, reason: 'hash_mismatch' },
      zReports: { ok: true },
    });
    expect(run.stderr).toContain('do not verify');
  });

  it('says so when there is no database, creating none', async () => {
    const file = path.join(tempDir(), 'missing.sqlite');
    const run = await finished(spawnCli(['books', 'verify', '--db', file]));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`No database at ${file}`);
  });
});
