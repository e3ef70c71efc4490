import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReceiptBook, type ReceiptDraft } from '../../../electron/sales/receipts';
import { openDatabase } from '../../../electron/store/database';
import type { Actor } from '../../../shared/user';
import { withTempDirs } from '../../support/temp';
import { saleContent } from '../../unit/printing/sale';

const byClerk: Actor = { kind: 'user', role: 'clerk', userId: 1 };
const byManager: Actor = { kind: 'user', role: 'manager', userId: 2 };

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
    const first = createReceiptBook(db, 'till-0001', () => new Date('2026-11-22T01:00:00Z'));
    const one = first.issue(1, fixed);
    const two = first.issue(2, fixed);
    db.close();
    const reopened = createReceiptBook(openDatabase(file).db, 'till-0001', () => new Date());
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
    const book = createReceiptBook(db, 'till-0001', () => new Date());
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
    const book = createReceiptBook(db, 'till-0001', () => new Date());
    const original = book.issue(1, fixed);
    expect(book.reprint(1, byClerk, 'pdf')?.copy).toBe(1);
    const second = book.reprint(1, byManager, null);
    expect(second).toMatchObject({ copy: 2, hash: original.hash });
    expect(book.get(1)).toMatchObject({
      saleId: 1,
      printed: true,
      copies: 2,
      receipt: { hash: original.hash },
    });
    expect(book.reprint(9, byClerk, null)).toBeNull();
  });

  it('logs the original’s print once, and says a receipt was printed from then on', () => {
    const db = shopWithSales(path.join(tempDir(), 'shop.sqlite'), 1);
    const book = createReceiptBook(db, 'till-0001', () => new Date());
    book.issue(1, fixed);
    expect(book.get(1)).toMatchObject({ printed: false, copies: 0 });
    book.logOriginalPrint(1, byClerk, 'counter');
    expect(book.get(1)).toMatchObject({ printed: true, copies: 0 });
    expect(() => book.logOriginalPrint(1, byClerk, 'counter')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => book.logOriginalPrint(2, byClerk, 'counter')).toThrow(/FOREIGN KEY/);
  });

  it('refuses a receipt whose content is not a receipt', () => {
    const db = shopWithSales(path.join(tempDir(), 'shop.sqlite'), 1);
    const book = createReceiptBook(db, 'till-0001', () => new Date());
    expect(() => book.issue(1, { ...fixed, refundAmount: 10 })).toThrow();
    expect(db.prepare('SELECT count(*) FROM receipts').pluck().get()).toBe(0);
  });

  describe("checking one day's receipts", () => {
    // Three days in Nouméa (UTC+11): a shop day runs from 13:00 UTC the day before.
    const day = (date: string) => {
      const from = new Date(`${date}T00:00:00+11:00`);
      return { from, to: new Date(from.getTime() + 86_400_000) };
    };
    const issuedAt = [
      '2026-11-20T08:00:00+11:00',
      '2026-11-20T19:30:00+11:00',
      '2026-11-21T00:00:00+11:00',
      '2026-11-21T12:00:00+11:00',
      '2026-11-21T23:59:59+11:00',
      '2026-11-22T09:00:00+11:00',
    ];

    function bookOverThreeDays() {
      const db = shopWithSales(path.join(tempDir(), 'shop.sqlite'), issuedAt.length);
      let clock = 0;
      const book = createReceiptBook(db, 'till-0001', () => new Date(issuedAt[clock] ?? ''));
      for (const [index] of issuedAt.entries()) {
        clock = index;
        book.issue(index + 1, fixed);
      }
      // Only someone bypassing the app could change or remove a receipt.
      db.exec('DROP TRIGGER receipts_are_append_only_update');
      db.exec('DROP TRIGGER receipts_are_append_only_delete');
      return { db, book };
    }

    it('verifies the day from its first receipt to its last, linked to the days around it', () => {
      const { book } = bookOverThreeDays();
      expect(book.verify(day('2026-11-21'))).toEqual({ ok: true });
      expect(book.verify(day('2026-11-20'))).toEqual({ ok: true });
      expect(book.verify(day('2026-11-22'))).toEqual({ ok: true });
      expect(book.verify(day('2026-11-23'))).toEqual({ ok: true });
    });

    it("finds a receipt of that day altered, and only in that day's check", () => {
      const { db, book } = bookOverThreeDays();
      db.prepare(
        "UPDATE receipts SET content = replace(content, '5500', '550') WHERE number = 4",
      ).run();
      expect(book.verify(day('2026-11-21'))).toEqual({
        ok: false,
        brokenAt: 1,
        reason: 'hash_mismatch',
      });
      expect(book.verify(day('2026-11-20'))).toEqual({ ok: true });
      expect(book.verify()).toMatchObject({ ok: false, brokenAt: 3 });
    });

    it('finds the first or the last receipt of the day removed', () => {
      const first = bookOverThreeDays();
      first.db.prepare('DELETE FROM receipts WHERE number = 3').run();
      expect(first.book.verify(day('2026-11-21'))).toEqual({
        ok: false,
        brokenAt: 0,
        reason: 'gap',
      });
      const last = bookOverThreeDays();
      last.db.prepare('DELETE FROM receipts WHERE number = 5').run();
      expect(last.book.verify(day('2026-11-21'))).toEqual({
        ok: false,
        brokenAt: 2,
        reason: 'gap',
      });
    });

    it('finds a whole day removed when checking that day', () => {
      const { db, book } = bookOverThreeDays();
      db.prepare('DELETE FROM receipts WHERE number IN (3, 4, 5)').run();
      expect(book.verify(day('2026-11-21'))).toEqual({ ok: false, brokenAt: 0, reason: 'gap' });
    });
  });
});
