import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createAuditTrail } from '../../../electron/audit/trail';
import { createShiftBook } from '../../../electron/day/shifts';
import { receiptsPerCheck, recordBooksCheck } from '../../../electron/head-office/books-check';
import { closureChainName, createClosureBook } from '../../../electron/periods/book';
import { createJournal, type NewSale } from '../../../electron/sales/journal';
import { receiptHash } from '../../../electron/sales/receipt-chain';
import { createReceiptBook, type ReceiptDraft } from '../../../electron/sales/receipts';
import { openDatabase } from '../../../electron/store/database';
import { createDealerFloatStore } from '../../../electron/store/dealer-floats';
import { chainHash } from '../../../electron/store/hash-chain';
import { createUserStore, deviceId } from '../../../electron/store/users';
import { type Fact, type FactKind, factSchema } from '../../../shared/head-office';
import type { ReceiptContent } from '../../../shared/receipt';
import type { Actor } from '../../../shared/user';
import { withTempDirs } from '../../support/temp';
import { saleContent } from '../../unit/printing/sale';

const tempDir = withTempDirs();
const hub = 'hub-device-0001';
const byModem: Actor = { kind: 'modem', modemId: 'modem-1' };

function shop() {
  let clock = Date.parse('2026-11-20T22:00:00Z');
  const now = () => {
    clock += 1000;
    return new Date(clock);
  };
  const { db } = openDatabase(path.join(tempDir(), 'shop.sqlite'), now);
  deviceId(db, () => hub);
  const users = createUserStore(db, now);
  const clerk = users.add('Léa', 'clerk', '1111');
  const manager = users.add('Marie', 'manager', '9999');
  return {
    db,
    now,
    setClock: (at: string) => {
      clock = Date.parse(at);
    },
    journal: createJournal(db, now),
    clerk,
    manager,
    byClerk: { kind: 'user', role: 'clerk', userId: clerk.id } as Actor,
    byManager: { kind: 'user', role: 'manager', userId: manager.id } as Actor,
  };
}

function newSale(clerkId: number, key: string, tillId: string | null = null): NewSale {
  return {
    idempotencyKey: `facts-sale-${key}`,
    msisdn: `+6872712${key.padStart(2, '0')}`,
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
    tillId,
  };
}

/** The outbox as the sync worker reads it: in id order, each row a fact of the wire. */
function outbox(db: Database): Fact[] {
  const rows = db.prepare('SELECT id, kind, payload FROM outbox ORDER BY id').all() as {
    id: string;
    kind: string;
    payload: string;
  }[];
  return rows.map((row) => factSchema.parse({ ...row, payload: JSON.parse(row.payload) }) as Fact);
}

function factsOf<K extends FactKind>(db: Database, kind: K): Extract<Fact, { kind: K }>[] {
  return outbox(db).filter((fact): fact is Extract<Fact, { kind: K }> => fact.kind === kind);
}

const count = (db: Database, sql: string) => db.prepare(sql).pluck().get() as number;

/**
 * The write and its fact commit together or not at all: a stop after the write rolls its fact
 * back with it, and an outbox that refuses the fact leaves the write unrecorded.
 */
function commitsTogether(db: Database, write: () => unknown, written: string) {
  const before = { rows: count(db, written), facts: count(db, 'SELECT count(*) FROM outbox') };
  const unchanged = () => {
    expect(count(db, written)).toBe(before.rows);
    expect(count(db, 'SELECT count(*) FROM outbox')).toBe(before.facts);
  };
  expect(() =>
    db.transaction(() => {
      write();
      expect(count(db, 'SELECT count(*) FROM outbox')).toBeGreaterThan(before.facts);
      throw new Error('the power went off');
    })(),
  ).toThrow('the power went off');
  unchanged();
  db.exec(`CREATE TEMP TRIGGER outbox_refuses BEFORE INSERT ON outbox
    BEGIN SELECT RAISE(ABORT, 'the outbox refused the fact'); END`);
  try {
    expect(write).toThrow('the outbox refused the fact');
  } finally {
    db.exec('DROP TRIGGER temp.outbox_refuses');
  }
  unchanged();
}

describe('the facts the books send up to the head office', () => {
  it('a sale reaching succeeded goes up with its clerk, plan, price and dealer SIM, in its commit', () => {
    const { db, journal, clerk, byClerk } = shop();
    const { sale } = journal.openPaidSale(newSale(clerk.id, '1'), byClerk);
    journal.markSending(sale.id, 'modem-1', byModem);
    expect(outbox(db)).toEqual([]);
    const settle = () =>
      journal.settle(
        sale.id,
        { status: 'succeeded', reference: 'R-1', dealerBalance: 120_000, transcript: 'OK' },
        byModem,
      );
    commitsTogether(db, settle, "SELECT count(*) FROM sales WHERE status = 'succeeded'");
    const settled = settle();
    expect(factsOf(db, 'sale').map((fact) => fact.payload)).toEqual([
      {
        saleId: sale.id,
        status: 'succeeded',
        tillId: null,
        clerkId: clerk.id,
        clerkName: 'Léa',
        carrierId: 'nc-demo',
        planId: '5go',
        planName: '5 Go',
        price: 3000,
        dealerCost: 2700,
        taxRate: 0,
        currency: 'XPF',
        paymentMethod: 'cash',
        modemId: 'modem-1',
        dealerBalanceAfter: 120_000,
        soldAt: sale.createdAt,
        at: settled.updatedAt,
        resolvedBy: null,
      },
    ]);
  });

  it('a pending sale goes up as unknown, then again with its final status and who resolved it', () => {
    const { db, journal, clerk, byClerk, byManager } = shop();
    const till = 'till-0a1b2c3d';
    const { sale } = journal.openPaidSale(newSale(clerk.id, '2', till), byClerk);
    journal.markSending(sale.id, 'modem-1', byModem);
    journal.settle(sale.id, { status: 'unknown', reason: 'no answer', transcript: '' }, byModem);
    const resolve = () =>
      journal.resolve(sale.id, 'succeeded', 'the customer has the data', byManager);
    commitsTogether(db, resolve, "SELECT count(*) FROM sales WHERE status = 'succeeded'");
    resolve();
    expect(
      factsOf(db, 'sale').map(({ payload }) => [
        payload.status,
        payload.tillId,
        payload.resolvedBy,
      ]),
    ).toEqual([
      ['unknown', till, null],
      ['succeeded', till, 'Marie'],
    ]);
  });

  it('a pending sale the carrier settled goes up without a resolver', () => {
    const { db, journal, clerk, byClerk } = shop();
    const { sale } = journal.openPaidSale(newSale(clerk.id, '3'), byClerk);
    journal.markSending(sale.id, 'modem-1', byModem);
    journal.settle(sale.id, { status: 'unknown', reason: 'no answer', transcript: '' }, byModem);
    journal.confirmByCarrier(sale.id, 'R-3', 'SMS', { kind: 'carrier-sms', modemId: 'modem-1' });
    expect(factsOf(db, 'sale').map(({ payload }) => [payload.status, payload.resolvedBy])).toEqual([
      ['unknown', null],
      ['succeeded', null],
    ]);
  });

  it('a failed sale goes up with its refund, both in the commit that refunds it', () => {
    const { db, journal, clerk, byClerk } = shop();
    const { sale } = journal.openPaidSale(newSale(clerk.id, '4'), byClerk);
    const abandon = () => journal.abandonBeforeSending(sale.id, 'no modem for nc-demo', byClerk);
    commitsTogether(db, abandon, 'SELECT count(*) FROM refunds');
    const failed = abandon();
    expect(outbox(db).map((fact) => fact.kind)).toEqual(['sale', 'refund']);
    expect(factsOf(db, 'refund')[0]?.payload).toEqual({
      saleId: sale.id,
      tillId: null,
      amount: 3000,
      currency: 'XPF',
      method: 'cash',
      reason: 'no modem for nc-demo',
      at: failed.updatedAt,
    });
  });

  it('a carrier’s reason too long for the wire is cut, never refused with the refund', () => {
    const { db, journal, clerk, byClerk } = shop();
    const { sale } = journal.openPaidSale(newSale(clerk.id, '5'), byClerk);
    journal.abandonBeforeSending(sale.id, 'x'.repeat(1000), byClerk);
    expect(factsOf(db, 'refund')[0]?.payload.reason).toBe('x'.repeat(400));
  });

  it('a carrier’s reason with a NUL goes up without it: the head office’s jsonb refuses it', () => {
    const { db, journal, clerk, byClerk } = shop();
    const { sale } = journal.openPaidSale(newSale(clerk.id, '6'), byClerk);
    journal.abandonBeforeSending(sale.id, 'modem\u0000 error 😀'.padEnd(402, 'x'), byClerk);
    const reason = factsOf(db, 'refund')[0]?.payload.reason;
    expect(reason).toBe('modem error 😀'.padEnd(400, 'x'));
  });

  it('a receipt goes up with its stored content, and rebuilds its hash with receiptHash', () => {
    const { db, journal, clerk, byClerk, now } = shop();
    const { deviceId: _device, number: _number, issuedAt: _issuedAt, ...draft } = saleContent;
    const { sale } = journal.openPaidSale(newSale(clerk.id, '6'), byClerk);
    const book = createReceiptBook(db, hub, now);
    const issue = () => book.issue(sale.id, draft as ReceiptDraft);
    commitsTogether(db, issue, 'SELECT count(*) FROM receipts');
    const first = issue();
    const second = issue();
    const receipts = factsOf(db, 'receipt').map((fact) => fact.payload);
    expect(receipts.map(({ number, tillId, saleId }) => [number, tillId, saleId])).toEqual([
      [1, null, sale.id],
      [2, null, sale.id],
    ]);
    expect(receipts.map((receipt) => receipt.hash)).toEqual([first.hash, second.hash]);
    for (const receipt of receipts) {
      expect(receiptHash(receipt.content as unknown as ReceiptContent, receipt.prevHash)).toBe(
        receipt.hash,
      );
    }
    expect(receipts[1]?.prevHash).toBe(receipts[0]?.hash);
    // A counter's receipts are its own till's chain.
    createReceiptBook(db, 'till-0a1b2c3d', now).issue(sale.id, draft as ReceiptDraft);
    expect(factsOf(db, 'receipt').at(-1)?.payload).toMatchObject({
      tillId: 'till-0a1b2c3d',
      number: 1,
    });
  });

  it('a cash movement goes up with its shift and till', () => {
    const { db, now, clerk } = shop();
    const shifts = createShiftBook(db, { deviceId: hub, now, nameOf: () => 'Léa' });
    const shift = shifts.open(clerk.id, 10_000, 'XPF');
    const pay = () => shifts.cashMovement(clerk.id, 'out', 2_500, 'Paid the cleaner');
    commitsTogether(db, pay, 'SELECT count(*) FROM cash_movements');
    pay();
    expect(factsOf(db, 'cashMovement').map((fact) => fact.payload)).toEqual([
      {
        shiftId: shift.id,
        tillId: null,
        kind: 'out',
        amount: 2_500,
        currency: 'XPF',
        reason: 'Paid the cleaner',
        actorId: clerk.id,
        at: expect.any(String),
      },
    ]);
  });

  it('a dealer SIM’s balance read at opening goes up once, with its float’s alert threshold', () => {
    const { db, now, clerk } = shop();
    createDealerFloatStore(db, now).setWatch('modem-1', {
      carrierId: 'nc-demo',
      currency: 'XPF',
      lowThreshold: 50_000,
      dailyCap: null,
    });
    const shifts = createShiftBook(db, { deviceId: hub, now, nameOf: () => 'Léa' });
    const shift = shifts.open(clerk.id, 0, 'XPF');
    const reading = {
      modemId: 'modem-1',
      carrierId: 'nc-demo',
      moment: 'opening' as const,
      amount: 80_000,
      source: 'ussd' as const,
      text: 'Solde 80000 F',
      actorId: clerk.id,
    };
    const read = () => shifts.recordReading(shift.id, reading, 'XPF');
    commitsTogether(db, read, 'SELECT count(*) FROM dealer_balance_readings');
    read();
    // The first reading of the moment stands: a second one writes nothing and sends nothing.
    shifts.recordReading(shift.id, { ...reading, amount: 1 }, 'XPF');
    expect(factsOf(db, 'dealerBalance').map((fact) => fact.payload)).toEqual([
      {
        modemId: 'modem-1',
        carrierId: 'nc-demo',
        amount: 80_000,
        currency: 'XPF',
        alertBelow: 50_000,
        at: expect.any(String),
      },
    ]);
  });

  const learnt = {
    modemId: 'modem-2',
    carrierId: 'nc-demo',
    amount: 42_000,
    currency: 'XPF',
    at: '2026-11-21T01:00:00.000Z',
  };

  it('a dealer SIM’s float learnt from a top-up or a check goes up with the float', () => {
    const { db, now } = shop();
    const floats = createDealerFloatStore(db, now);
    const learn = () =>
      floats.record('modem-2', {
        carrierId: 'nc-demo',
        currency: 'XPF',
        balance: 42_000,
        source: 'check',
        at: new Date('2026-11-21T01:00:00Z'),
      });
    commitsTogether(db, learn, 'SELECT count(*) FROM dealer_floats');
    learn();
    expect(factsOf(db, 'dealerBalance').map((fact) => fact.payload)).toEqual([
      {
        modemId: 'modem-2',
        carrierId: 'nc-demo',
        amount: 42_000,
        currency: 'XPF',
        alertBelow: null,
        at: '2026-11-21T01:00:00.000Z',
      },
    ]);
  });

  it('a float’s alert threshold changed goes up at once with the last balance, in its commit', () => {
    const { db, now } = shop();
    const floats = createDealerFloatStore(db, now);
    const watch =
      (lowThreshold: number, dailyCap = 90_000) =>
      () =>
        floats.setWatch('modem-2', {
          carrierId: 'nc-demo',
          currency: 'XPF',
          lowThreshold,
          dailyCap,
        });
    // No balance known yet: the threshold is kept, nothing goes up (the first reading takes it).
    watch(10_000)();
    expect(factsOf(db, 'dealerBalance')).toEqual([]);
    floats.record('modem-2', {
      carrierId: 'nc-demo',
      currency: 'XPF',
      balance: 42_000,
      source: 'check',
      at: new Date('2026-11-21T01:00:00Z'),
    });
    commitsTogether(
      db,
      watch(50_000),
      "SELECT low_threshold FROM dealer_floats WHERE modem_id = 'modem-2'",
    );
    watch(50_000)();
    // The daily cap alone is not the head office's: nothing more goes up.
    watch(50_000, 120_000)();
    expect(factsOf(db, 'dealerBalance').map((fact) => fact.payload)).toEqual([
      { ...learnt, alertBelow: 10_000 },
      { ...learnt, alertBelow: 50_000 },
    ]);
  });

  it('a Z report goes up with its closing readings, and rebuilds its hash with chainHash', () => {
    const { db, now, clerk, manager } = shop();
    const shifts = createShiftBook(db, { deviceId: hub, now, nameOf: () => 'Léa' });
    const close = () =>
      shifts.close({
        userId: manager.id,
        counted: [{ denomination: 1000, count: 5 }],
        allowedDenominations: [1000],
        reason: null,
        closingReadings: [
          { modemId: 'modem-1', carrierId: 'nc-demo', amount: 75_000, source: 'ussd', text: null },
        ],
        timeZone: 'Pacific/Noumea',
      });
    shifts.open(clerk.id, 5_000, 'XPF');
    commitsTogether(db, close, 'SELECT count(*) FROM z_reports');
    const z = close();
    expect(outbox(db).map((fact) => fact.kind)).toEqual(['dealerBalance', 'zReport']);
    const [fact] = factsOf(db, 'zReport');
    expect(fact?.payload).toMatchObject({ tillId: null, number: 1, hash: z.hash, shiftId: 1 });
    const payload = fact?.payload;
    if (!payload) throw new Error('no Z went up');
    expect(chainHash(payload.prevHash, payload.content, 'z')).toBe(payload.hash);
    expect(payload.issuedAt).toBe(z.issuedAt);
  });

  it('a period closure goes up with its content, and rebuilds its hash with chainHash', () => {
    const { db, now, setClock } = shop();
    setClock('2026-12-02T00:00:00Z');
    const book = createClosureBook(db, { deviceId: hub, now });
    const november = { kind: 'month' as const, period: '2026-11' };
    const shopNow = { timeZone: 'Pacific/Noumea', currency: 'XPF' as const, tillName: 'Hub' };
    const close = () => book.close(november, shopNow, 'Marie');
    commitsTogether(db, close, 'SELECT count(*) FROM period_closures');
    const closure = close();
    const [fact] = factsOf(db, 'periodClosure');
    const payload = fact?.payload;
    if (!payload) throw new Error('no closure went up');
    expect(payload).toMatchObject({
      tillId: null,
      number: 1,
      kind: 'month',
      period: '2026-11',
      hash: closure.hash,
      closedAt: closure.closedAt,
    });
    expect(chainHash(payload.prevHash, payload.content, closureChainName)).toBe(payload.hash);
  });

  it('an audit event goes up with its actor, and rebuilds its hash with chainHash', () => {
    const { db, now } = shop();
    const trail = createAuditTrail({
      db,
      now,
      deviceId: hub,
      tillName: () => 'Hub',
      writable: () => true,
    });
    const act = () =>
      trail.record({ kind: 'auth.signed_in', actor: 'manager:2', actorName: 'Marie' });
    commitsTogether(db, act, 'SELECT count(*) FROM audit_events');
    act();
    act();
    const events = factsOf(db, 'audit').map((fact) => fact.payload);
    expect(events.map(({ number, kind, actor, tillId }) => [number, kind, actor, tillId])).toEqual([
      [1, 'auth.signed_in', 'manager:2', null],
      [2, 'auth.signed_in', 'manager:2', null],
    ]);
    for (const event of events) {
      expect(chainHash(event.prevHash, event.content, 'audit_events')).toBe(event.hash);
    }
  });

  it('the books check lists each till’s receipts with the hash they give now, a changed one included', () => {
    const { db, journal, clerk, byClerk, now } = shop();
    const { deviceId: _device, number: _number, issuedAt: _issuedAt, ...draft } = saleContent;
    const { sale } = journal.openPaidSale(newSale(clerk.id, '7'), byClerk);
    const hubBook = createReceiptBook(db, hub, now);
    const issued = [hubBook.issue(sale.id, draft as ReceiptDraft)];
    issued.push(hubBook.issue(sale.id, draft as ReceiptDraft));
    const counter = createReceiptBook(db, 'till-0a1b2c3d', now).issue(
      sale.id,
      draft as ReceiptDraft,
    );
    const check = () => recordBooksCheck(db, now());
    commitsTogether(db, check, 'SELECT 0');
    const ids = check();
    expect(factsOf(db, 'booksCheck').map((fact) => fact.id)).toEqual(ids);
    expect(factsOf(db, 'booksCheck').map((fact) => fact.payload.tills)).toEqual([
      [{ tillId: null, receipts: issued.map(({ number, hash }) => ({ number, hash })) }],
      [{ tillId: 'till-0a1b2c3d', receipts: [{ number: 1, hash: counter.hash }] }],
    ]);
    // Someone with the file changes receipt 1's amount and leaves its hash: the check says so.
    db.exec('DROP TRIGGER receipts_are_append_only_update');
    db.prepare(
      'UPDATE receipts SET content = replace(content, \'"amount":5500\', \'"amount":9500\') WHERE device_id = ? AND number = 1',
    ).run(hub);
    check();
    const [changed] = factsOf(db, 'booksCheck').slice(-2);
    const hashes = changed?.payload.tills[0]?.receipts.map((receipt) => receipt.hash);
    expect(hashes?.[0]).not.toBe(issued[0]?.hash);
    expect(hashes?.[1]).toBe(issued[1]?.hash);
  });

  it('the books check of a long till holds its newest receipts only', () => {
    const { db, journal, clerk, byClerk, now } = shop();
    const { deviceId: _device, number: _number, issuedAt: _issuedAt, ...draft } = saleContent;
    const { sale } = journal.openPaidSale(newSale(clerk.id, '8'), byClerk);
    const book = createReceiptBook(db, hub, now);
    db.transaction(() => {
      for (let i = 0; i < receiptsPerCheck + 2; i++) book.issue(sale.id, draft as ReceiptDraft);
    })();
    recordBooksCheck(db, now());
    const checks = factsOf(db, 'booksCheck').map((fact) => fact.payload.tills[0]?.receipts ?? []);
    expect(checks).toHaveLength(1);
    const numbers = checks[0]?.map((receipt) => receipt.number);
    expect(numbers).toHaveLength(receiptsPerCheck);
    expect([numbers?.[0], numbers?.at(-1)]).toEqual([3, receiptsPerCheck + 2]);
  });
});
