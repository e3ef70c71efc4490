import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createModemBank } from '../../../electron/bank/modem-bank';
import { createSmsInboxes } from '../../../electron/bank/sms-inboxes';
import { demoShopProfile } from '../../../electron/demo';
import { createMemoryLinkPair } from '../../../electron/gsm/link/memory-link';
import { createSimulatedModem, type SimulatedModem } from '../../../electron/gsm/simulator';
import type { InboxMessage } from '../../../electron/gsm/sms';
import { createTopUpConfirmations } from '../../../electron/sales/confirmations';
import { createJournal } from '../../../electron/sales/journal';
import { createReceipting } from '../../../electron/sales/receipting';
import { createReceiptBook } from '../../../electron/sales/receipts';
import { recoverInterruptedSales } from '../../../electron/sales/recovery';
import { openDatabase } from '../../../electron/store/database';
import { createReceivedSmsStore } from '../../../electron/store/received-sms';
import { createUserStore } from '../../../electron/store/users';
import { carrierProfileSchema } from '../../../shared/carrier';
import type { Sale } from '../../../shared/sale';
import type { Actor } from '../../../shared/user';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';
import { demoProfileInput } from '../../unit/carriers/demo-profile';

const byClerk: Actor = { kind: 'user', role: 'clerk', userId: 1 };
const byModem: Actor = { kind: 'modem', modemId: 'modem-1' };
const byManager: Actor = { kind: 'user', role: 'manager', userId: 2 };

const tempDir = withTempDirs();
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The demo carrier, which also confirms each top-up by SMS from 4000. */
const carrier = carrierProfileSchema.parse({
  ...demoProfileInput(),
  topUpConfirmation: {
    smsFrom: '4000',
    pattern: '^Recharge \\S+ effectuée pour (?<msisdn>\\d+)\\. Réf (?<reference>[A-Z0-9-]+)',
  },
});

/** The shop's books on a real file, reopened as a start does; errors logged are kept. */
function openBooks(file: string) {
  const { db } = openDatabase(file);
  cleanups.push(() => db.open && db.close());
  const now = () => new Date();
  const users = createUserStore(db, now);
  const journal = createJournal(db, now);
  const receipts = createReceiptBook(db, 'till-0001', now);
  const errors: unknown[][] = [];
  const log = { error: (...args: unknown[]) => errors.push(args), warn: () => {}, info: () => {} };
  const receipting = createReceipting({
    tillOf: () => ({ receipts }),
    shop: () => demoShopProfile,
    nameOf: users.nameOf,
    carrierOf: (id) => (id === carrier.id ? carrier : null),
    receiptLanguageOf: () => null,
    log,
  });
  return { db, users, journal, receipts, receipting, errors, log };
}

let keys = 0;

/** A sale sent without a definite answer, its receipt saying pending verification. */
function unknownSale(books: ReturnType<typeof openBooks>, clerkId: number): Sale {
  const { journal, receipting } = books;
  const { sale } = journal.openPaidSale(
    {
      idempotencyKey: `pending-key-${++keys}`,
      msisdn: '+687999999',
      carrierId: carrier.id,
      plan: {
        id: '1go',
        name: '1 Go',
        dataMb: 1024,
        validityDays: 30,
        price: 1500,
        dealerCost: 1000,
        taxRate: 0,
      },
      currency: 'XPF',
      payment: { method: 'card', reference: 'slip-1' },
      clerkId,
    },
    byClerk,
  );
  journal.markSending(sale.id, 'modem-1', byClerk);
  return journal.settle(
    sale.id,
    { status: 'unknown', reason: 'timeout', transcript: '' },
    byModem,
    receipting.withOutcome,
  );
}

const latestReceiptOf = (books: ReturnType<typeof openBooks>, saleId: number) => {
  const number = books.receipts.numberOfSale(saleId);
  return number === null ? null : books.receipts.get(number)?.receipt;
};

function sms(text: string): InboxMessage {
  return {
    key: `sms-${++keys}`,
    supersedes: null,
    indexes: [1],
    sender: '4000',
    timestamp: null,
    text,
    encoding: 'gsm7',
    complete: true,
    parts: 1,
    total: 1,
    missing: [],
    smsc: null,
    receivedAt: new Date(Date.now() + 1000).toISOString(),
    via: 'cmti',
    error: null,
    pdu: null,
    warnings: [],
    truncated: false,
  };
}

describe('the receipt of a sale the carrier confirms by SMS', () => {
  it('is corrected in the commit that settles the sale', () => {
    const books = openBooks(path.join(tempDir(), 'shop.sqlite'));
    const clerk = books.users.add('clerk', 'clerk', '1111');
    const sale = unknownSale(books, clerk.id);
    const pending = latestReceiptOf(books, sale.id);
    expect(pending?.status).toBe('pending-verification');
    const seen: { inTransaction: boolean; status: string | undefined }[] = [];
    const confirmations = createTopUpConfirmations({
      journal: books.journal,
      carrierOf: (id) => (id === carrier.id ? carrier : null),
      carrierOfModem: () => carrier.id,
      receiptWithOutcome: (settled) => {
        seen.push({
          inTransaction: books.db.inTransaction,
          status: books.journal.get(settled.id).status,
        });
        books.receipting.withOutcome(settled);
      },
      onConfirmed: () => {},
    });

    const confirmed = confirmations.consider(
      'modem-1',
      sms('Recharge 1Go effectuée pour 687999999. Réf TX9. Merci.'),
    );

    expect(confirmed?.status).toBe('succeeded');
    expect(seen).toEqual([{ inTransaction: true, status: 'succeeded' }]);
    // A new receipt referring to the pending one, confirming it without changing the amounts.
    expect(latestReceiptOf(books, sale.id)).toMatchObject({
      status: 'succeeded',
      carrierReference: 'TX9',
      corrects: { number: pending?.number },
      quantity: 0,
    });
  });

  it('is issued at the next start when it could not be with the settlement', () => {
    const file = path.join(tempDir(), 'shop.sqlite');
    const books = openBooks(file);
    const clerk = books.users.add('clerk', 'clerk', '1111');
    const sale = unknownSale(books, clerk.id);
    // This connection's receipt book refuses to write, as a full disk would.
    books.db.exec(`CREATE TEMP TRIGGER no_receipts BEFORE INSERT ON main.receipts
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    books.journal.resolve(
      sale.id,
      'succeeded',
      'seen on the carrier portal',
      byManager,
      books.receipting.withOutcome,
    );
    expect(books.journal.get(sale.id).status).toBe('succeeded');
    expect(latestReceiptOf(books, sale.id)?.status).toBe('pending-verification');
    expect(books.errors).toHaveLength(1);
    books.db.close();

    const restarted = openBooks(file);
    recoverInterruptedSales({
      journal: restarted.journal,
      receipting: restarted.receipting,
      log: restarted.log,
    });
    expect(latestReceiptOf(restarted, sale.id)).toMatchObject({
      status: 'succeeded',
      corrects: { number: 1 },
    });
    expect(restarted.receipts.verify()).toMatchObject({ ok: true });
    // Corrected once: a later start finds nothing more to issue.
    recoverInterruptedSales({
      journal: restarted.journal,
      receipting: restarted.receipting,
      log: restarted.log,
    });
    expect(restarted.receipts.numberOfSale(sale.id)).toBe(2);
  });
});

describe('an SMS whose listener fails', () => {
  it('is logged with the modem, and the other listeners still hear it', async () => {
    const { db } = openDatabase(path.join(tempDir(), 'shop.sqlite'));
    cleanups.push(() => db.close());
    const errors: unknown[][] = [];
    const inboxes = createSmsInboxes({
      storeFor: createReceivedSmsStore(db).forModem,
      sweepEveryMs: 0,
      log: { error: (...args: unknown[]) => errors.push(args), warn: () => {}, info: () => {} },
    });
    let network: SimulatedModem | undefined;
    const bank = createModemBank({
      profileDirs: [SHIPPED_MODEMS],
      modems: [
        { id: 'modem-1', carrierId: carrier.id, port: { kind: 'simulated', profile: 'generic' } },
      ],
      openLink: async () => {
        const [client, modemEnd] = createMemoryLinkPair();
        network = createSimulatedModem(modemEnd);
        return client;
      },
      onOpened: inboxes.open,
    });
    cleanups.push(
      () => bank.close(),
      () => inboxes.close(),
    );
    const heard: string[] = [];
    inboxes.onSms(() => {
      throw new Error('the journal is locked');
    });
    inboxes.onSms((_modemId, message) => heard.push(message.text));
    await bank.start();

    network?.receiveSms('4000', 'Recharge 1Go effectuée pour 687999999. Réf TX1.');
    for (let tries = 0; heard.length === 0; tries++) {
      if (tries > 200) throw new Error('the SMS was never read');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(errors).toEqual([
      [
        expect.stringContaining('modem-1'),
        expect.objectContaining({ message: 'the journal is locked' }),
      ],
    ]);
  });
});
