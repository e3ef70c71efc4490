import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReceiptBook, type ReceiptDraft } from '../../../electron/sales/receipts';
import { openDatabase } from '../../../electron/store/database';
import { withTempDirs } from '../../support/temp';
import { saleContent } from '../../unit/printing/sale';

const tempDir = withTempDirs();

// The printing tests' fixed sale, as the book receives it: without device, number and time.
const { deviceId: _device, number: _number, issuedAt: _issuedAt, ...draft } = saleContent;
const fixed: ReceiptDraft = draft;

function shopWithSales(file: string, sales: number) {
  const { db } = openDatabase(file);
  db.prepare(
    "INSERT OR IGNORE INTO users (id, name, role, pin_hash, created_at) VALUES (1, 'clerk', 'clerk', 'x', 'now')",
  ).run();
  for (let i = 0; i < sales; i++) {
    db.prepare(`INSERT INTO sales (idempotency_key, status, msisdn, carrier_id, plan_id, plan_name,
      data_mb, validity_days, price, dealer_cost, currency, payment_method, clerk_id, created_at,
      updated_at) VALUES (?, 'draft', '+687123456', 'nc-demo', '5go', '5 Go', 5120, 30, 6000, 5000,
      'XPF', 'card', 1, 'now', 'now')`).run(`receipt-sale-${Date.now()}-${i}-${Math.random()}`);
  }
  return db;
}

describe('the receipt book', () => {
  it('numbers receipts without gaps, across restarts, each chained to the one before', () => {
    const file = path.join(tempDir(), 'shop.sqlite');
    const db = shopWithSales(file, 3);
    const first = createReceiptBook(db, 'till-1', () => new Date('2026-11-22T01:00:00Z'));
    const one = first.issue(1, fixed);
    const two = first.issue(2, fixed);
    db.close();
    const reopened = createReceiptBook(openDatabase(file).db, 'till-1', () => new Date());
    const three = reopened.issue(3, {
      ...fixed,
      status: 'failed-refunded',
      refundAmount: 5500,
      carrierReference: null,
    });
    expect([one.number, two.number, three.number]).toEqual([1, 2, 3]);
    expect(two.prevHash).toBe(one.hash);
    expect(three.prevHash).toBe(two.hash);
    expect(reopened.verify()).toEqual({ ok: true });
    expect(reopened.numberOfSale(3)).toBe(3);
  });

  it('detects a stored receipt altered behind its back', () => {
    const db = shopWithSales(path.join(tempDir(), 'shop.sqlite'), 2);
    const book = createReceiptBook(db, 'till-1', () => new Date());
    book.issue(1, fixed);
    book.issue(2, fixed);
    // Only someone bypassing the app could do this: the table refuses updates.
    expect(() => db.prepare("UPDATE receipts SET content = '{}'").run()).toThrow(/append-only/);
    db.exec('DROP TRIGGER receipts_are_append_only_update');
    const stored = db
      .prepare('SELECT content FROM receipts WHERE number = 1')
      .pluck()
      .get() as string;
    db.prepare('UPDATE receipts SET content = ? WHERE number = 1').run(
      stored.replace('5500', '550'),
    );
    expect(book.verify()).toEqual({ ok: false, brokenAt: 0, reason: 'hash_mismatch' });
  });

  it('logs each reprint as COPY n without changing the receipt', () => {
    const db = shopWithSales(path.join(tempDir(), 'shop.sqlite'), 1);
    const book = createReceiptBook(db, 'till-1', () => new Date());
    const original = book.issue(1, fixed);
    expect(book.reprint(1, 'clerk:1', 'pdf')?.copy).toBe(1);
    const second = book.reprint(1, 'manager:2', null);
    expect(second).toMatchObject({ copy: 2, hash: original.hash });
    expect(book.get(1)).toMatchObject({
      saleId: 1,
      printed: true,
      copies: 2,
      receipt: { hash: original.hash },
    });
    expect(book.reprint(9, 'clerk:1', null)).toBeNull();
  });

  it('logs the original’s print once, and says a receipt was printed from then on', () => {
    const db = shopWithSales(path.join(tempDir(), 'shop.sqlite'), 1);
    const book = createReceiptBook(db, 'till-1', () => new Date());
    book.issue(1, fixed);
    expect(book.get(1)).toMatchObject({ printed: false, copies: 0 });
    book.logOriginalPrint(1, 'clerk:1', 'counter');
    expect(book.get(1)).toMatchObject({ printed: true, copies: 0 });
    expect(() => book.logOriginalPrint(1, 'clerk:1', 'counter')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => book.logOriginalPrint(2, 'clerk:1', 'counter')).toThrow(/FOREIGN KEY/);
  });

  it('refuses a receipt whose content is not a receipt', () => {
    const db = shopWithSales(path.join(tempDir(), 'shop.sqlite'), 1);
    const book = createReceiptBook(db, 'till-1', () => new Date());
    expect(() => book.issue(1, { ...fixed, refundAmount: 10 })).toThrow();
    expect(db.prepare('SELECT count(*) FROM receipts').pluck().get()).toBe(0);
  });
});
