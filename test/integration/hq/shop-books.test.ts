import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAuditTrail } from '../../../electron/audit/trail';
import { createShiftBook } from '../../../electron/day/shifts';
import { recordBooksCheck } from '../../../electron/head-office/books-check';
import { createClosureBook } from '../../../electron/periods/book';
import { createJournal } from '../../../electron/sales/journal';
import { createReceiptBook, type ReceiptDraft } from '../../../electron/sales/receipts';
import { openDatabase } from '../../../electron/store/database';
import { createDealerFloatStore } from '../../../electron/store/dealer-floats';
import { createUserStore, deviceId } from '../../../electron/store/users';
import { type Fact, factSchema } from '../../../shared/head-office';
import type { Actor } from '../../../shared/user';
import {
  createShop,
  enrolAsShop,
  sendFacts,
  signInStaff,
  startHeadOfficeInProcess,
} from '../../support/head-office';
import { withTempDirs } from '../../support/temp';
import { saleContent } from '../../unit/printing/sale';

/**
 * A shop's real books (its journal, receipts, Z reports, closures, audit trail and books check,
 * each writing its facts to the outbox) sent to a real head office: what the shop's own chain
 * functions hashed, the head office checks without a false finding, and a receipt changed in
 * the shop's file afterwards is found.
 */

const tempDir = withTempDirs();
const hub = 'hub-device-0001';
let headOffice: Awaited<ReturnType<typeof startHeadOfficeInProcess>>;

beforeAll(async () => {
  headOffice = await startHeadOfficeInProcess({ postgresUrl: inject('postgresUrl') });
  await signInStaff(headOffice);
});
afterAll(() => headOffice.stop());

/** The unsent outbox in id order, as the sync worker sends it, marked sent. */
function unsent(db: Database): Fact[] {
  const rows = db
    .prepare('SELECT id, kind, payload FROM outbox WHERE sent_at IS NULL ORDER BY id')
    .all() as { id: string; kind: string; payload: string }[];
  db.prepare('UPDATE outbox SET sent_at = ? WHERE sent_at IS NULL').run(new Date().toISOString());
  return rows.map((row) => factSchema.parse({ ...row, payload: JSON.parse(row.payload) }) as Fact);
}

describe('a shop’s own books at the head office', () => {
  it('arrive without a false finding, count to the franc, and show a receipt changed afterwards', async () => {
    let clock = Date.parse('2026-11-30T21:00:00Z');
    const now = () => {
      clock += 1000;
      return new Date(clock);
    };
    const { db } = openDatabase(path.join(tempDir(), 'shop.sqlite'), now);
    deviceId(db, () => hub);
    const users = createUserStore(db, now);
    const clerk = users.add('Léa', 'clerk', '1111');
    const manager = users.add('Marie', 'manager', '9999');
    const byClerk: Actor = { kind: 'user', role: 'clerk', userId: clerk.id };
    const byModem: Actor = { kind: 'modem', modemId: 'modem-1' };
    const journal = createJournal(db, now);
    const receipts = createReceiptBook(db, hub, now);
    const shifts = createShiftBook(db, { deviceId: hub, now, nameOf: () => 'Léa' });
    const trail = createAuditTrail({
      db,
      now,
      deviceId: hub,
      tillName: () => 'Hub',
      writable: () => true,
    });
    const { deviceId: _device, number: _number, issuedAt: _issuedAt, ...draft } = saleContent;

    shifts.open(clerk.id, 5_000, 'XPF');
    for (const key of ['1', '2', '3']) {
      const { sale } = journal.openPaidSale(
        {
          idempotencyKey: `chain-sale-${key}`,
          msisdn: `+68727120${key}`,
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
          clerkId: clerk.id,
          tillId: null,
        },
        byClerk,
      );
      journal.markSending(sale.id, 'modem-1', byModem);
      journal.settle(
        sale.id,
        { status: 'succeeded', reference: `R-${key}`, dealerBalance: 120_000, transcript: 'OK' },
        byModem,
      );
      receipts.issue(sale.id, draft as ReceiptDraft);
    }
    trail.record({ kind: 'auth.signed_in', actor: `manager:${manager.id}`, actorName: 'Marie' });
    shifts.close({
      userId: manager.id,
      counted: [{ denomination: 1000, count: 14 }],
      allowedDenominations: [1000],
      reason: null,
      closingReadings: [
        { modemId: 'modem-1', carrierId: 'nc-demo', amount: 111_900, source: 'ussd', text: null },
      ],
      timeZone: 'Pacific/Noumea',
    });
    clock = Date.parse('2026-12-01T13:00:00Z');
    createClosureBook(db, { deviceId: hub, now }).close(
      { kind: 'month', period: '2026-11' },
      { timeZone: 'Pacific/Noumea', currency: 'XPF', tillName: 'Hub' },
      'Marie',
    );
    recordBooksCheck(db, now());

    const { shopId, code } = await createShop(headOffice, { name: 'La Foa' });
    const { body: enrolment } = await enrolAsShop(headOffice, code);
    const facts = unsent(db);
    expect(new Set(facts.map((fact) => fact.kind))).toEqual(
      new Set([
        'sale',
        'receipt',
        'audit',
        'zReport',
        'dealerBalance',
        'periodClosure',
        'booksCheck',
      ]),
    );
    const ack = await sendFacts(headOffice, enrolment.credential, facts);
    expect(ack.body).toEqual({ highWater: facts.at(-1)?.id, stored: facts.length });
    expect((await headOffice.client.call('checks.list', { shopId, open: false })).flags).toEqual(
      [],
    );
    // Sold after 8 pm UTC on the 30th: the 1st of December in Nouméa.
    const day = await headOffice.pool.query(
      `SELECT local_day::text AS day, sales, amount::int AS amount FROM day_totals
       WHERE shop_id = $1`,
      [shopId],
    );
    expect(day.rows).toEqual([{ day: '2026-12-01', sales: 3, amount: 9000 }]);

    // Someone with the shop's file changes receipt 2's amount; the next books check shows it.
    db.exec('DROP TRIGGER receipts_are_append_only_update');
    db.prepare(
      `UPDATE receipts SET content = replace(content, '"amount":5500', '"amount":9500')
       WHERE device_id = ? AND number = 2`,
    ).run(hub);
    recordBooksCheck(db, now());
    await sendFacts(headOffice, enrolment.credential, unsent(db));
    const flags = (await headOffice.client.call('checks.list', { shopId, open: true })).flags;
    expect(
      flags.map(({ chain, tillId, kind, number, lastNumber }) => ({
        chain,
        tillId,
        kind,
        number,
        lastNumber,
      })),
    ).toEqual([{ chain: 'receipts', tillId: '', kind: 'changed', number: 2, lastNumber: 2 }]);
    db.close();
  });

  it('show a dealer SIM’s new alert threshold as soon as the manager sets it', async () => {
    const now = () => new Date('2026-12-01T02:00:00Z');
    const { db } = openDatabase(path.join(tempDir(), 'shop.sqlite'), now);
    const floats = createDealerFloatStore(db, now);
    const watch = { carrierId: 'nc-demo', currency: 'XPF', dailyCap: null } as const;
    floats.setWatch('modem-1', { ...watch, lowThreshold: 20_000 });
    floats.record('modem-1', {
      ...watch,
      balance: 35_000,
      source: 'check',
      at: new Date('2026-12-01T01:00:00Z'),
    });
    const { shopId, code } = await createShop(headOffice, { name: 'Pouébo' });
    const { body } = await enrolAsShop(headOffice, code);
    const shown = async () =>
      (
        await headOffice.pool.query(
          `SELECT amount::int AS amount, alert_below::int AS "alertBelow", at
           FROM dealer_floats WHERE shop_id = $1`,
          [shopId],
        )
      ).rows;
    expect((await sendFacts(headOffice, body.credential, unsent(db))).status).toBe(200);
    const balanceAt = new Date('2026-12-01T01:00:00Z');
    expect(await shown()).toEqual([{ amount: 35_000, alertBelow: 20_000, at: balanceAt }]);
    // No new balance: the same one, learnt at the same time, now with its new threshold.
    floats.setWatch('modem-1', { ...watch, lowThreshold: 40_000 });
    const changed = unsent(db);
    expect(changed.map((fact) => fact.kind)).toEqual(['dealerBalance']);
    expect((await sendFacts(headOffice, body.credential, changed)).status).toBe(200);
    expect(await shown()).toEqual([{ amount: 35_000, alertBelow: 40_000, at: balanceAt }]);
    db.close();
  });
});
