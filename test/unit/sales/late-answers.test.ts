/**
 * Which unknown sale a late USSD answer settles, and how: the modem's last timed-out top-up,
 * within its wait, read with the carrier profile, the corrected receipt in the same commit.
 * The journal and receipts are the real ones, on a real file.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoShopProfile } from '../../../electron/demo';
import type { UssdAnswer } from '../../../electron/gsm/ussd';
import { createJournal } from '../../../electron/sales/journal';
import { createLateAnswers } from '../../../electron/sales/late-answers';
import { createReceipting } from '../../../electron/sales/receipting';
import { createReceiptBook } from '../../../electron/sales/receipts';
import { openDatabase } from '../../../electron/store/database';
import { createUserStore } from '../../../electron/store/users';
import type { Sale } from '../../../shared/sale';
import type { Actor } from '../../../shared/user';
import { withTempDirs } from '../../support/temp';
import { sameCardSaleFromBefore } from '../../support/tills';
import { demoProfile } from '../carriers/demo-profile';

const tempDir = withTempDirs();
const closes: Array<() => void> = [];
afterEach(() => {
  for (const close of closes.splice(0)) close();
});

const carrier = demoProfile();
/** The same carrier as a profile whose patterns capture no card: answers name none. */
const cardless = {
  ...carrier,
  id: 'nc-cardless',
  topUp: {
    ...carrier.topUp,
    success: { pattern: carrier.topUp.success.pattern.replace('(?<msisdn>\\d+)', '\\d+') },
  },
};
const byClerk: Actor = { kind: 'user', role: 'clerk', userId: 1 };
const byManager: Actor = { kind: 'user', role: 'manager', userId: 2 };

const succeeded = (customer: string, reference: string): UssdAnswer => ({
  status: 'done',
  m: 0,
  dcs: 15,
  text: `Recharge 5Go OK pour ${customer}. Réf ${reference}. Nouveau solde 245 000 XPF`,
});
const wrongPin: UssdAnswer = {
  status: 'done',
  m: 0,
  dcs: 15,
  text: 'Code PIN revendeur incorrect. Recharge annulée.',
};

/** A shop's books on a file, a clock the test moves, and the late answers over them. */
function shop(profile = carrier) {
  const { db } = openDatabase(path.join(tempDir(), 'shop.sqlite'));
  closes.push(() => db.close());
  let time = Date.parse('2026-12-06T08:00:00.000Z');
  const now = () => new Date(time);
  const clerk = createUserStore(db, now).add('clerk', 'clerk', '1111');
  const journal = createJournal(db, now);
  const receipts = createReceiptBook(db, 'till-0001', now);
  const receipting = createReceipting({
    tillOf: () => ({ receipts }),
    shop: () => demoShopProfile,
    nameOf: () => 'clerk',
    carrierOf: (id) => (id === profile.id ? profile : null),
    receiptLanguageOf: () => null,
    log: { error: () => {}, warn: () => {}, info: () => {} },
  });
  const receiptsIssued: { status: string; inTransaction: boolean }[] = [];
  const told: Sale[] = [];
  const warnings: string[] = [];
  const late = createLateAnswers({
    journal,
    carrierOf: (id) => (id === profile.id ? profile : null),
    receiptWithOutcome: (sale) => {
      receiptsIssued.push({ status: sale.status, inTransaction: db.inTransaction });
      receipting.withOutcome(sale);
    },
    onSettled: (sale) => told.push(sale),
    now,
    log: { warn: (message) => warnings.push(message) },
  });
  let keys = 0;
  /** A top-up sent on `modemId` whose answer did not come in time; returns it and when it was sent. */
  function timedOut(modemId: string, msisdn = '+687123456') {
    const sending = sent(modemId, msisdn);
    return { sale: unknownNow(sending.id, modemId), sentAt: sending.updatedAt };
  }
  /** A top-up just sent on `modemId`, its answer still awaited. */
  function sent(modemId: string, msisdn = '+687123456') {
    const { sale } = journal.openPaidSale(
      {
        idempotencyKey: `late-answer-${++keys}`,
        msisdn,
        carrierId: profile.id,
        plan: {
          id: '5go',
          name: '5Go',
          dataMb: 5120,
          validityDays: 30,
          price: 6000,
          dealerCost: 5000,
          taxRate: 0,
        },
        currency: 'XPF',
        payment: { method: 'card', reference: 'slip-1' },
        clerkId: clerk.id,
      },
      byClerk,
    );
    return journal.markSending(sale.id, modemId, byClerk);
  }
  /** Its answer did not come in time. */
  function unknownNow(saleId: number, modemId: string) {
    time += 30_000;
    return journal.settle(
      saleId,
      { status: 'unknown', reason: 'no definite answer (timeout)', transcript: '' },
      { kind: 'modem', modemId },
      receipting.withOutcome,
    );
  }
  const latestReceipt = (saleId: number) => {
    const number = receipts.numberOfSale(saleId);
    return number === null ? null : receipts.get(number)?.receipt;
  };
  const refundsOf = (saleId: number) =>
    db.prepare('SELECT amount, reason FROM refunds WHERE sale_id = ?').all(saleId);
  return {
    db,
    journal,
    late,
    told,
    warnings,
    receiptsIssued,
    timedOut,
    sent,
    unknownNow,
    latestReceipt,
    refundsOf,
    pass: (ms: number) => {
      time += ms;
    },
  };
}

describe('a late answer to a timed-out top-up', () => {
  it('settles that sale as succeeded, with its reference and its corrected receipt in the same commit', () => {
    const books = shop();
    const { sale, sentAt } = books.timedOut('modem-1');
    expect(books.latestReceipt(sale.id)?.status).toBe('pending-verification');
    expect(books.late.awaitAnswer(sale, 'modem-1', sentAt, 60_000)).toBeNull();
    books.pass(20_000);

    const settled = books.late.consider('modem-1', succeeded('687123456', 'TX48213'));

    expect(settled).toMatchObject({
      id: sale.id,
      status: 'succeeded',
      carrierReference: 'TX48213',
      dealerBalanceAfter: 245_000,
    });
    expect(books.receiptsIssued).toEqual([{ status: 'succeeded', inTransaction: true }]);
    expect(books.latestReceipt(sale.id)).toMatchObject({
      status: 'succeeded',
      carrierReference: 'TX48213',
    });
    expect(books.journal.events(sale.id).at(-1)).toMatchObject({
      from: 'unknown',
      to: 'succeeded',
      actor: { kind: 'modem', modemId: 'modem-1' },
      reason: 'confirmed by the carrier’s late answer',
      transcript: expect.stringContaining('Réf TX48213'),
    });
    expect(books.told.map((told) => told.status)).toEqual(['succeeded']);
  });

  it('settles a refusal as failed and refunded, with a corrected receipt saying so', () => {
    const books = shop();
    const { sale, sentAt } = books.timedOut('modem-1');
    books.late.awaitAnswer(sale, 'modem-1', sentAt, 60_000);

    expect(books.late.consider('modem-1', wrongPin)?.status).toBe('failed');

    expect(books.refundsOf(sale.id)).toEqual([
      { amount: 6000, reason: 'wrong_dealer_pin: Code PIN revendeur incorrect. Recharge annulée.' },
    ]);
    expect(books.latestReceipt(sale.id)).toMatchObject({
      status: 'failed-refunded',
      refundAmount: 6000,
    });
    expect(books.receiptsIssued).toEqual([{ status: 'failed', inTransaction: true }]);
  });

  it('settles the sale of the modem it came on, never another modem’s', () => {
    const books = shop();
    const first = books.timedOut('modem-1', '+687123456');
    const second = books.timedOut('modem-2', '+687654321');
    books.late.awaitAnswer(first.sale, 'modem-1', first.sentAt, 60_000);
    books.late.awaitAnswer(second.sale, 'modem-2', second.sentAt, 60_000);

    books.late.consider('modem-2', succeeded('687654321', 'TX2'));

    expect(books.journal.get(first.sale.id).status).toBe('unknown');
    expect(books.journal.get(second.sale.id)).toMatchObject({
      status: 'succeeded',
      carrierReference: 'TX2',
    });
  });

  it('settles nothing once the modem’s wait is over, when it names no card', () => {
    const books = shop(cardless);
    const { sale, sentAt } = books.timedOut('modem-1');
    books.late.awaitAnswer(sale, 'modem-1', sentAt, 60_000);
    books.pass(60_001);

    expect(books.late.consider('modem-1', succeeded('687123456', 'TX48213'))).toBeNull();

    expect(books.journal.get(sale.id).status).toBe('unknown');
    expect(books.journal.events(sale.id).at(-1)?.to).toBe('unknown');
    expect(books.told).toEqual([]);
  });

  it('is heard once: a second answer on the modem settles nothing more', () => {
    const books = shop();
    const { sale, sentAt } = books.timedOut('modem-1');
    books.late.awaitAnswer(sale, 'modem-1', sentAt, 60_000);
    books.late.consider('modem-1', wrongPin);

    const other = books.timedOut('modem-2');
    expect(books.late.consider('modem-1', succeeded('687123456', 'TX9'))).toBeNull();

    expect(books.journal.get(sale.id).status).toBe('failed');
    expect(books.journal.get(other.sale.id).status).toBe('unknown');
  });

  it('that came while the top-up was being cancelled settles the sale as soon as it is unknown', () => {
    const books = shop(cardless);
    const { sale, sentAt } = books.timedOut('modem-1');
    expect(books.late.consider('modem-1', succeeded('687123456', 'TX7'))).toBeNull();

    const settled = books.late.awaitAnswer(sale, 'modem-1', sentAt, 0);

    expect(settled).toMatchObject({ status: 'succeeded', carrierReference: 'TX7' });
  });

  it('that came on the modem before the top-up was sent is not its answer', () => {
    const books = shop();
    books.late.consider('modem-1', succeeded('687123456', 'TX1'));
    books.pass(1000);
    const { sale, sentAt } = books.timedOut('modem-1');

    expect(books.late.awaitAnswer(sale, 'modem-1', sentAt, 60_000)).toBeNull();

    expect(books.journal.get(sale.id).status).toBe('unknown');
  });

  it('leaves the sale to verification when it is a menu, or a text the profile does not read', () => {
    const books = shop();
    const { sale, sentAt } = books.timedOut('modem-1');
    books.late.awaitAnswer(sale, 'modem-1', sentAt, 60_000);
    const menu: UssdAnswer = { status: 'menu', m: 1, dcs: 15, text: 'Code PIN revendeur ?' };
    expect(books.late.consider('modem-1', menu)).toBeNull();

    const again = books.timedOut('modem-1', '+687654321');
    books.late.awaitAnswer(again.sale, 'modem-1', again.sentAt, 60_000);
    const garbled: UssdAnswer = { status: 'done', m: 0, dcs: 15, text: 'Service indisponible' };
    expect(books.late.consider('modem-1', garbled)).toBeNull();

    expect(books.journal.get(sale.id).status).toBe('unknown');
    expect(books.journal.get(again.sale.id).status).toBe('unknown');
    expect(books.told).toEqual([]);
  });

  it('leaves a sale a manager resolved meanwhile as the manager said', () => {
    const books = shop();
    const { sale, sentAt } = books.timedOut('modem-1');
    books.late.awaitAnswer(sale, 'modem-1', sentAt, 60_000);
    books.journal.resolve(sale.id, 'failed', 'customer left', byManager);

    expect(books.late.consider('modem-1', succeeded('687123456', 'TX48213'))).toBeNull();

    expect(books.journal.get(sale.id).status).toBe('failed');
  });
});

describe('a late answer that names its card', () => {
  it('after the modem’s wait (a later top-up refused it) settles the one unknown sale of that card on the modem', () => {
    const books = shop();
    const { sale, sentAt } = books.timedOut('modem-1', '+687654321');
    books.late.awaitAnswer(sale, 'modem-1', sentAt, 60_000);
    books.pass(60_001);

    const settled = books.late.consider('modem-1', succeeded('687654321', 'TX48213'));

    expect(settled).toMatchObject({
      id: sale.id,
      status: 'succeeded',
      carrierReference: 'TX48213',
    });
    expect(books.warnings).toEqual([]);
  });

  it('within the wait, naming another card, leaves the awaited sale unknown and settles its own card’s', () => {
    const books = shop();
    const other = books.timedOut('modem-1', '+687654321');
    const awaited = books.timedOut('modem-1', '+687123456');
    books.late.awaitAnswer(awaited.sale, 'modem-1', awaited.sentAt, 60_000);

    const settled = books.late.consider('modem-1', succeeded('687654321', 'TX5'));

    expect(settled).toMatchObject({ id: other.sale.id, status: 'succeeded' });
    expect(books.journal.get(awaited.sale.id).status).toBe('unknown');
  });

  it('is logged and dropped when that card has several unknown sales on the modem, or none', () => {
    const books = shop();
    const first = books.timedOut('modem-1', '+687654321');
    const second = { sale: books.journal.get(sameCardSaleFromBefore(books.db, first.sale.id)) };
    books.late.awaitAnswer(second.sale, 'modem-1', first.sentAt, 60_000);
    books.pass(60_001);
    expect(books.late.consider('modem-1', succeeded('687654321', 'TX6'))).toBeNull();
    const third = books.timedOut('modem-1', '+687123456');
    books.late.awaitAnswer(third.sale, 'modem-1', third.sentAt, 60_000);
    expect(books.late.consider('modem-1', succeeded('687777888', 'TX7'))).toBeNull();

    for (const { sale } of [first, second, third]) {
      expect(books.journal.get(sale.id).status).toBe('unknown');
    }
    expect(books.warnings).toEqual([
      expect.stringContaining('the card of 2 unknown sales'),
      expect.stringContaining('no card of an unknown sale'),
    ]);
  });

  it('that came during the cancel is kept for its sale, though the modem has other unknown sales', () => {
    const books = shop();
    const older = books.timedOut('modem-1', '+687654321');
    const sending = books.sent('modem-1', '+687123456');
    expect(books.late.consider('modem-1', succeeded('687123456', 'TX9'))).toBeNull();
    const unknown = books.unknownNow(sending.id, 'modem-1');

    const settled = books.late.awaitAnswer(unknown, 'modem-1', sending.updatedAt, 0);

    expect(settled).toMatchObject({ id: sending.id, status: 'succeeded', carrierReference: 'TX9' });
    expect(books.journal.get(older.sale.id).status).toBe('unknown');
  });

  it('that came during the cancel is not the sale’s when it names another card', () => {
    const books = shop();
    const { sale, sentAt } = books.timedOut('modem-1', '+687123456');
    books.journal.resolve(sale.id, 'failed', 'customer left', byManager);
    const next = books.timedOut('modem-1', '+687777888');
    books.late.consider('modem-1', succeeded('687123456', 'TX8'));

    expect(books.late.awaitAnswer(next.sale, 'modem-1', sentAt, 0)).toBeNull();

    expect(books.journal.get(next.sale.id).status).toBe('unknown');
    expect(books.journal.get(sale.id).status).toBe('failed');
  });
});
