import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createModemBank } from '../../../electron/bank/modem-bank';
import { demoShopProfile } from '../../../electron/demo';
import { createMemoryLinkPair } from '../../../electron/gsm/link/memory-link';
import { createSimulatedModem, type SimulatedModem } from '../../../electron/gsm/simulator';
import { createReceiptSms } from '../../../electron/printers/receipt-sms';
import { receiptTranslations } from '../../../electron/printing/translations';
import { createJournal } from '../../../electron/sales/journal';
import { receiptDraftFor } from '../../../electron/sales/receipt-draft';
import { createReceiptBook } from '../../../electron/sales/receipts';
import { openDatabase } from '../../../electron/store/database';
import { createUserStore } from '../../../electron/store/users';
import type { ApiError } from '../../../shared/api/errors';
import type { Language } from '../../../shared/languages';
import type { Actor } from '../../../shared/user';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const closing: Array<() => unknown> = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

const byClerk: Actor = { kind: 'user', role: 'clerk', userId: 1 };

/**
 * One succeeded sale of the demo carrier with its receipt, and a bank of one simulated modem
 * (the sale's own) on a memory link: the simulator records each SMS its dealer SIM sends.
 */
async function shopWithASale() {
  const { db } = openDatabase(path.join(tempDir(), 'shop.sqlite'));
  const now = () => new Date();
  const clerk = createUserStore(db, now).add('clerk', 'clerk', '1111');
  const journal = createJournal(db, now);
  const receipts = createReceiptBook(db, 'till-0001', now);
  const { sale: paid } = journal.openPaidSale(
    {
      idempotencyKey: 'sms-sale-0001',
      msisdn: '+687123456',
      carrierId: 'nc-demo',
      plan: {
        id: '1go',
        name: '1 Go',
        dataMb: 1024,
        validityDays: 7,
        price: 1500,
        dealerCost: 1000,
        taxRate: 0,
      },
      currency: 'XPF',
      payment: { method: 'card' },
      clerkId: clerk.id,
      receiptLanguage: 'en',
    },
    byClerk,
  );
  journal.markSending(paid.id, 'sim-1', byClerk);
  const sale = journal.settle(
    paid.id,
    { status: 'succeeded', reference: 'TX1001', dealerBalance: null, transcript: '' },
    { kind: 'modem', modemId: 'sim-1' },
    (settled) => {
      receipts.issue(
        settled.id,
        receiptDraftFor(settled, {
          shop: demoShopProfile,
          tillName: demoShopProfile.tillName,
          clerk: 'clerk',
          carrier: null,
          language: journal.receiptLanguage(settled.id) ?? 'fr',
        }),
      );
    },
  );
  const simulated: SimulatedModem[] = [];
  const bank = createModemBank({
    modems: [
      { id: 'sim-1', carrierId: 'nc-demo', port: { kind: 'simulated', profile: 'generic' } },
    ],
    openLink: async () => {
      const [client, modemEnd] = createMemoryLinkPair();
      simulated.push(createSimulatedModem(modemEnd));
      return client;
    },
    profileDirs: [SHIPPED_MODEMS],
  });
  closing.push(() => db.close());
  closing.push(() => bank.close());
  await bank.start();
  const sendSms = createReceiptSms({
    db,
    now,
    bank,
    saleOf: journal.get,
    t: receiptTranslations(),
    modemWaitMs: 200,
  });
  const send = (number: number, language: Language | undefined, actor: Actor) =>
    sendSms(receipts, number, language, actor);
  const logged = () =>
    db.prepare('SELECT modem_id, outcome, error, language, text FROM receipt_sms').all();
  const number = receipts.numberOfSale(sale.id) as number;
  return { bank, send, number, logged, smsSent: () => simulated[0]?.state.carrier.smsSent };
}

describe('a receipt sent by SMS through the modem bank', () => {
  it('goes out over the AT line of the sale’s modem, to the sale’s number, and is logged', async () => {
    const { send, number, logged, smsSent } = await shopWithASale();
    const sent = await send(number, undefined, byClerk);
    expect(sent.text).toBe(`Receipt ${number}: 1 Go topped up, valid 7 days. Ref. TX1001`);
    expect(smsSent()).toEqual([{ to: '+687123456', text: sent.text }]);
    expect(logged()).toEqual([
      { modem_id: 'sim-1', outcome: 'sent', error: null, language: 'en', text: sent.text },
    ]);
  });

  it('says no modem was free, and logs the attempt, when the bank has none in time', async () => {
    const { bank, send, number, logged, smsSent } = await shopWithASale();
    const busy = bank.acquireModem('sim-1');
    closing.push(() => busy?.release());
    const error = (await send(number, 'fr', byClerk).catch(
      (thrown: unknown) => thrown,
    )) as ApiError;
    expect(error.code).toBe('no_modem');
    expect(smsSent()).toEqual([]);
    expect(logged()).toEqual([
      {
        modem_id: null,
        outcome: 'failed',
        error: 'No modem of nc-demo was free to send the SMS',
        language: 'fr',
        text: expect.stringMatching(
          /^.*Ticket \d+ : 1 Go rechargé, valable 7 jours\. Réf\. TX1001$/,
        ),
      },
    ]);
  });
});
