import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJournal, JournalError, type NewSale } from '../../../electron/sales/journal';
import { createReceiptBook } from '../../../electron/sales/receipts';
import { openDatabase } from '../../../electron/store/database';
import { createUserStore } from '../../../electron/store/users';
import { type Actor, systemActor } from '../../../shared/user';
import { withTempDirs } from '../../support/temp';
import { saleContent } from '../../unit/printing/sale';

const byClerk: Actor = { kind: 'user', role: 'clerk', userId: 1 };
const byManager: Actor = { kind: 'user', role: 'manager', userId: 2 };
const byModem: Actor = { kind: 'modem', modemId: 'modem-1' };

const tempDir = withTempDirs();

function journalOnFile() {
  let clock = Date.parse('2026-11-22T01:00:00Z');
  const now = () => {
    clock += 1000;
    return new Date(clock);
  };
  const file = path.join(tempDir(), 'shop.sqlite');
  const { db } = openDatabase(file, now);
  const clerk = createUserStore(db, now).add('clerk', 'clerk', '1111');
  return { db, file, journal: createJournal(db, now), clerk, now };
}

function newSale(clerkId: number, overrides: Partial<NewSale> = {}): NewSale {
  return {
    idempotencyKey: 'a3f1c2d4-0001',
    msisdn: '+687271234',
    carrierId: 'nc-demo',
    plan: {
      id: '5go',
      name: '5 Go',
      dataMb: 5120,
      validityDays: 30,
      price: 3000,
      dealerCost: 2700,
      taxRate: 0,
    },
    currency: 'XPF',
    payment: { method: 'cash', tendered: 5000 },
    clerkId,
    ...overrides,
  };
}

describe('the renewal journal', () => {
  it('writes the sale as paid, with its change, before anything is sent', () => {
    const { journal, clerk } = journalOnFile();
    const { sale, created } = journal.openPaidSale(newSale(clerk.id), byClerk);
    expect(created).toBe(true);
    expect(sale).toMatchObject({
      status: 'paid',
      price: 3000,
      payment: { tendered: 5000, change: 2000 },
    });
    expect(journal.events(sale.id).map((e) => `${e.from}→${e.to}`)).toEqual([
      'null→draft',
      'draft→paid',
    ]);
  });

  it('returns the first sale for the same idempotency key and writes nothing more', () => {
    const { journal, clerk, db } = journalOnFile();
    const first = journal.openPaidSale(newSale(clerk.id), byClerk);
    const again = journal.openPaidSale(newSale(clerk.id, { msisdn: '+687999999' }), byClerk);
    expect(again).toEqual({ sale: first.sale, created: false });
    expect(db.prepare('SELECT count(*) FROM sales').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM sale_events').pluck().get()).toBe(2);
  });

  it.each([
    ['no cash amount', { method: 'cash' as const }, 'tendered_required'],
    ['cash below the price', { method: 'cash' as const, tendered: 2999 }, 'tendered_too_low'],
  ])('refuses %s and writes nothing', (_label, payment, code) => {
    const { journal, clerk, db } = journalOnFile();
    expect(() => journal.openPaidSale(newSale(clerk.id, { payment }), byClerk)).toThrow(
      expect.objectContaining({ code }),
    );
    expect(db.prepare('SELECT count(*) FROM sales').pluck().get()).toBe(0);
  });

  it('records a success with the carrier reference, the dealer balance and the transcript', () => {
    const { journal, clerk } = journalOnFile();
    const { sale } = journal.openPaidSale(newSale(clerk.id), byClerk);
    journal.markSending(sale.id, 'modem-1', byClerk);
    const done = journal.settle(
      sale.id,
      {
        status: 'succeeded',
        reference: 'TX48213',
        dealerBalance: 245_000,
        transcript: 'AT+CUSD=1,"*123#",15\n…',
      },
      byModem,
    );
    expect(done).toMatchObject({
      status: 'succeeded',
      modemId: 'modem-1',
      carrierReference: 'TX48213',
      dealerBalanceAfter: 245_000,
    });
    expect(journal.events(sale.id).at(-1)).toMatchObject({
      from: 'sending',
      to: 'succeeded',
      actor: byModem,
    });
  });

  it('writes who moved a sale as the day report reads it, and reads a modem named bare before', () => {
    const { journal, clerk, db } = journalOnFile();
    const { sale } = journal.openPaidSale(newSale(clerk.id), byClerk);
    journal.markSending(sale.id, 'modem-1', byClerk);
    journal.settle(sale.id, { status: 'unknown', reason: 'timeout', transcript: '…' }, byModem);
    journal.resolve(sale.id, 'succeeded', 'carrier confirmed by phone', byManager);
    expect(
      db
        .prepare('SELECT actor FROM sale_events WHERE sale_id = ? ORDER BY id')
        .pluck()
        .all(sale.id),
    ).toEqual(['clerk:1', 'clerk:1', 'clerk:1', 'modem:modem-1', 'manager:2']);
    // As versions before `modem:` wrote it: the event log is append-only, so such rows stay.
    db.prepare(
      `INSERT INTO sale_events (sale_id, from_status, to_status, at, actor)
        VALUES (?, 'succeeded', 'succeeded', '2026-11-22T02:00:00Z', 'modem-1')`,
    ).run(sale.id);
    expect(journal.events(sale.id).at(-1)?.actor).toEqual(byModem);
  });

  it('refunds a paid sale that failed, in the same commit', () => {
    const { journal, clerk, db } = journalOnFile();
    const { sale } = journal.openPaidSale(newSale(clerk.id), byClerk);
    journal.markSending(sale.id, 'modem-1', byClerk);
    journal.settle(
      sale.id,
      { status: 'failed', reason: 'insufficient_dealer_balance', transcript: '…' },
      byModem,
    );
    expect(
      db.prepare('SELECT sale_id, amount, currency, method, reason FROM refunds').all(),
    ).toEqual([
      {
        sale_id: sale.id,
        amount: 3000,
        currency: 'XPF',
        method: 'cash',
        reason: 'insufficient_dealer_balance',
      },
    ]);
  });

  it('refunds a sale abandoned before any modem was used', () => {
    const { journal, clerk, db } = journalOnFile();
    const { sale } = journal.openPaidSale(newSale(clerk.id), byClerk);
    expect(journal.abandonBeforeSending(sale.id, 'no_modem_available', systemActor).status).toBe(
      'failed',
    );
    expect(db.prepare('SELECT count(*) FROM refunds').pluck().get()).toBe(1);
  });

  it('commits the work given with an outcome in the same transaction, or neither', () => {
    const { journal, clerk, db } = journalOnFile();
    const { sale } = journal.openPaidSale(newSale(clerk.id), byClerk);
    journal.markSending(sale.id, 'modem-1', byClerk);
    const outcome = { status: 'failed', reason: 'unknown_number', transcript: '…' } as const;
    expect(() =>
      journal.settle(sale.id, outcome, byModem, () => {
        throw new Error('the receipt printer ran out of numbers');
      }),
    ).toThrow(/ran out of numbers/);
    expect(journal.get(sale.id).status).toBe('sending');
    expect(db.prepare('SELECT count(*) FROM refunds').pluck().get()).toBe(0);
    const seen: string[] = [];
    journal.settle(sale.id, outcome, byModem, (settled) => {
      seen.push(`${settled.status} in a transaction: ${db.inTransaction}`);
    });
    expect(seen).toEqual(['failed in a transaction: true']);
  });

  it('lists sales newest first by any set of filters', () => {
    const { journal, clerk } = journalOnFile();
    const sold = ['+687271234', '+687271234', '+687999999', '+687271234'].map((msisdn, index) => {
      const { sale } = journal.openPaidSale(
        newSale(clerk.id, { idempotencyKey: `list-key-${index}`, msisdn }),
        byClerk,
      );
      // A number is held while its sale is open: the first two end before the next is sold.
      if (index < 2) journal.abandonBeforeSending(sale.id, 'no_modem_available', systemActor);
      return sale;
    });
    const [a, b, c, d] = sold.map((sale) => sale.id);
    const ids = (filter: Parameters<typeof journal.list>[0]) =>
      journal.list(filter).map((sale) => sale.id);
    const from = sold[1]?.createdAt;
    const to = sold[3]?.createdAt;
    expect(ids({})).toEqual([d, c, b, a]);
    expect(ids({ msisdn: '+687271234' })).toEqual([d, b, a]);
    expect(ids({ msisdn: '+687271234', status: 'paid' })).toEqual([d]);
    expect(ids({ msisdn: '+687271234', status: 'failed' })).toEqual([b, a]);
    expect(ids({ msisdn: '+687271234', from, to })).toEqual([b]);
    expect(ids({ status: 'failed', from })).toEqual([b]);
    expect(ids({ from, to })).toEqual([c, b]);
    expect(ids({ to, status: 'paid', msisdn: '+687999999' })).toEqual([c]);
    journal.markSending(d ?? 0, 'modem-1', byClerk);
    journal.settle(d ?? 0, { status: 'unknown', reason: 'timeout', transcript: '…' }, byModem);
    expect(ids({ status: 'unknown' })).toEqual([d]);
    expect(ids({ status: 'unknown', msisdn: '+687271234', from })).toEqual([d]);
    expect(ids({ status: 'sending' })).toEqual([]);
    expect(journal.list({}, 2).map((sale) => sale.id)).toEqual([d, c]);
  });

  it('never lets a sale move out of order', () => {
    const { journal, clerk } = journalOnFile();
    const { sale } = journal.openPaidSale(newSale(clerk.id), byClerk);
    expect(() => journal.resolve(sale.id, 'succeeded', 'looks fine', byManager)).toThrow(
      JournalError,
    );
    journal.markSending(sale.id, 'modem-1', byClerk);
    expect(() => journal.markSending(sale.id, 'modem-2', byClerk)).toThrow(/is sending, not paid/);
    journal.settle(sale.id, { status: 'unknown', reason: 'timeout', transcript: '…' }, byModem);
    expect(() =>
      journal.settle(sale.id, { status: 'failed', reason: 'x', transcript: '' }, byModem),
    ).toThrow(/is unknown, not sending/);
  });

  it('moves a sending sale on to another modem, with the modem left, why and its line, and nothing else', () => {
    const { journal, clerk, db, file, now } = journalOnFile();
    const { sale } = journal.openPaidSale(newSale(clerk.id), byClerk);
    const left = { reason: 'not sent through modem-1 (no_answer)', transcript: 'AT+CUSD=1,"1",15' };
    expect(() => journal.sendThroughAnother(sale.id, 'modem-2', left, byModem)).toThrow(
      /is paid, not sending/,
    );
    journal.markSending(sale.id, 'modem-1', byClerk);
    const moved = journal.sendThroughAnother(sale.id, 'modem-2', left, byModem);
    expect(moved).toMatchObject({ status: 'sending', modemId: 'modem-2' });
    expect(journal.events(sale.id).at(-1)).toMatchObject({
      from: 'sending',
      to: 'sending',
      actor: byModem,
      ...left,
    });
    expect(db.prepare('SELECT count(*) FROM refunds').pluck().get()).toBe(0);
    // Stopped while on the second modem: unknown, as any sale left sending, on that modem.
    db.close();
    const reopened = createJournal(openDatabase(file, now).db, now);
    expect(reopened.recoverInterrupted(systemActor)).toMatchObject([
      { id: sale.id, status: 'unknown', modemId: 'modem-2' },
    ]);
    expect(() => reopened.sendThroughAnother(sale.id, 'modem-3', left, byModem)).toThrow(
      /is unknown, not sending/,
    );
  });

  it('resolves an unknown sale only by verification, and a failed resolution is refunded', () => {
    const { journal, clerk, db } = journalOnFile();
    const { sale } = journal.openPaidSale(newSale(clerk.id), byClerk);
    journal.markSending(sale.id, 'modem-1', byClerk);
    journal.settle(sale.id, { status: 'unknown', reason: 'timeout', transcript: '…' }, byModem);
    const resolved = journal.resolve(
      sale.id,
      'failed',
      'carrier confirms nothing was credited',
      byManager,
    );
    expect(resolved.status).toBe('failed');
    expect(db.prepare('SELECT count(*) FROM refunds').pluck().get()).toBe(1);
    expect(journal.events(sale.id).at(-1)).toMatchObject({
      from: 'unknown',
      to: 'failed',
      actor: byManager,
      reason: 'settled_by_hand: carrier confirms nothing was credited',
    });
  });

  it('has something to recover at a start only while a sale is open or owed its receipt', () => {
    const { journal, clerk, db } = journalOnFile();
    const book = createReceiptBook(db, 'till-0001', () => new Date());
    const { deviceId: _device, number: _number, issuedAt: _issuedAt, ...draft } = saleContent;
    expect(journal.needsRecovery()).toBe(false);
    const { sale } = journal.openPaidSale(newSale(clerk.id), byClerk);
    expect(journal.needsRecovery()).toBe(true);
    journal.markSending(sale.id, 'modem-1', byClerk);
    const outcome = { status: 'unknown', reason: 'timeout', transcript: '…' } as const;
    journal.settle(sale.id, outcome, byModem, (settled) => book.issue(settled.id, draft));
    expect(journal.needsRecovery()).toBe(false);
  });

  it('reads a sale left sending by a crash back as unknown, after reopening the file', () => {
    const { journal, clerk, db, file, now } = journalOnFile();
    const { sale } = journal.openPaidSale(newSale(clerk.id), byClerk);
    journal.markSending(sale.id, 'modem-1', byClerk);
    db.close();
    const reopened = createJournal(openDatabase(file, now).db, now);
    const recovered = reopened.recoverInterrupted(systemActor);
    expect(recovered.map((s) => [s.id, s.status])).toEqual([[sale.id, 'unknown']]);
    expect(reopened.events(sale.id).at(-1)?.reason).toMatch(/interrupted while sending/);
    expect(reopened.recoverInterrupted(systemActor)).toEqual([]);
  });

  it('fails and refunds a sale left paid by a crash: no modem ever took it', () => {
    const { journal, clerk, db } = journalOnFile();
    const { sale } = journal.openPaidSale(newSale(clerk.id), byClerk);
    expect(journal.recoverInterrupted(systemActor).map((s) => s.status)).toEqual(['failed']);
    expect(journal.events(sale.id).at(-1)?.reason).toMatch(/before a modem took/);
    expect(db.prepare('SELECT count(*) FROM refunds').pluck().get()).toBe(1);
  });
});
