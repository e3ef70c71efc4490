import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createModemBank } from '../../../electron/bank/modem-bank';
import { createSmsInboxes } from '../../../electron/bank/sms-inboxes';
import { createMemoryLinkPair } from '../../../electron/gsm/link/memory-link';
import { createSimulatedModem, type SimulatedModem } from '../../../electron/gsm/simulator';
import type { InboxMessage } from '../../../electron/gsm/sms';
import { createTopUpConfirmations } from '../../../electron/sales/confirmations';
import { createJournal, type Journal } from '../../../electron/sales/journal';
import { createRenewals } from '../../../electron/sales/renewal';
import { openDatabase } from '../../../electron/store/database';
import { createReceivedSmsStore } from '../../../electron/store/received-sms';
import { createUserStore } from '../../../electron/store/users';
import { carrierProfileSchema } from '../../../shared/carrier';
import type { Sale } from '../../../shared/sale';
import type { Actor } from '../../../shared/user';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';
import { sameCardSaleFromBefore } from '../../support/tills';
import { demoProfileInput } from '../../unit/carriers/demo-profile';

const byClerk: Actor = { kind: 'user', role: 'clerk', userId: 1 };
const byModem: Actor = { kind: 'modem', modemId: 'modem-1' };

const tempDir = withTempDirs();
/** Undone last first: the modems before the database they write to. */
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const quiet = { error: () => {}, warn: () => {}, info: () => {} };

/** The demo carrier, which also confirms each top-up by SMS from 4000. */
const carrier = carrierProfileSchema.parse({
  ...demoProfileInput(),
  topUp: { ...demoProfileInput().topUp, timeoutMs: 1500 },
  topUpConfirmation: {
    smsFrom: '4000',
    pattern: '^Recharge \\S+ effectuée pour (?<msisdn>\\d+)\\. Réf (?<reference>[A-Z0-9-]+)',
  },
});

function shopBooks() {
  const { db } = openDatabase(path.join(tempDir(), 'shop.sqlite'));
  cleanups.push(() => db.close());
  const clerk = createUserStore(db, () => new Date()).add('clerk', 'clerk', '1111');
  return { db, clerk, journal: createJournal(db, () => new Date()) };
}

let keys = 0;

/** A sale sent to the carrier without a definite answer. */
function unknownSale(journal: Journal, clerkId: number, msisdn = '+687999999'): Sale {
  const { sale } = journal.openPaidSale(
    {
      idempotencyKey: `confirm-key-${++keys}`,
      msisdn,
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
  return journal.settle(sale.id, { status: 'unknown', reason: 'timeout', transcript: '' }, byModem);
}

function sms(text: string, overrides: Partial<InboxMessage> = {}): InboxMessage {
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
    ...overrides,
  };
}

describe('a top-up the carrier confirms by SMS', () => {
  it('moves the unknown sale to succeeded, with the reference and the SMS as transcript', async () => {
    const { db, clerk, journal } = shopBooks();
    const inboxes = createSmsInboxes({
      storeFor: createReceivedSmsStore(db).forModem,
      sweepEveryMs: 0,
      log: quiet,
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
    const confirmed: Sale[] = [];
    const confirmations = createTopUpConfirmations({
      journal,
      carrierOf: (id) => (id === carrier.id ? carrier : null),
      carrierOfModem: () => carrier.id,
      receiptWithOutcome: () => {},
      onConfirmed: (sale) => confirmed.push(sale),
    });
    inboxes.onSms(confirmations.consider);
    await bank.start();
    const renewals = createRenewals({
      journal,
      bank,
      carrierOf: () => carrier,
      dealerPin: () => '1234',
      modemWaitMs: 500,
    });

    // The network takes this line's top-up but never answers the USSD (ussd.silentTopUps).
    const sale = await renewals.renew(
      {
        msisdn: '687999999',
        planId: '1go',
        payment: { method: 'cash', tendered: 2000 },
        idempotencyKey: 'confirmed-later',
      },
      clerk,
    );
    expect(sale.status).toBe('unknown');
    const reference = network?.state.carrier.topUps[0]?.reference ?? '';
    network?.receiveSms('4000', `Recharge 1Go effectuée pour 687999999. Réf ${reference}. Merci.`);
    for (let tries = 0; confirmed.length === 0; tries++) {
      if (tries > 200) throw new Error('the confirmation was never read');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    expect(journal.get(sale.id)).toMatchObject({
      status: 'succeeded',
      carrierReference: reference,
    });
    expect(confirmed).toEqual([journal.get(sale.id)]);
    expect(journal.events(sale.id).at(-1)).toMatchObject({
      from: 'unknown',
      to: 'succeeded',
      actor: { kind: 'carrier-sms', modemId: 'modem-1' },
      reason: 'confirmed by the carrier’s SMS',
      transcript: expect.stringContaining(`Réf ${reference}`),
    });
  });

  describe('is not taken when it could be for another sale', () => {
    function books() {
      const { db, clerk, journal } = shopBooks();
      const confirmations = createTopUpConfirmations({
        journal,
        carrierOf: (id) => (id === carrier.id ? carrier : null),
        carrierOfModem: (modemId) => (modemId === 'modem-1' ? carrier.id : 'other-carrier'),
        receiptWithOutcome: () => {},
        onConfirmed: () => {},
      });
      return { db, journal, clerkId: clerk.id, consider: confirmations.consider };
    }
    const confirmation = 'Recharge 1Go effectuée pour 687999999. Réf TX7.';

    it.each([
      ['from another sender', sms(confirmation, { sender: '+687751234' }), 'modem-1'],
      ['on a modem of another carrier', sms(confirmation), 'modem-2'],
      ['about another card', sms(confirmation.replace('687999999', '687123456')), 'modem-1'],
      [
        'received before the sale',
        sms(confirmation, { receivedAt: '2020-01-01T00:00:00Z' }),
        'modem-1',
      ],
      ['incomplete', sms(confirmation, { complete: false }), 'modem-1'],
      // A part cut short may have lost the end of the reference: TX7 could have been TX71.
      ['cut short (a part read truncated)', sms(confirmation, { truncated: true }), 'modem-1'],
      ['not a confirmation', sms('Recharge 1Go OK. Réf TX7.'), 'modem-1'],
    ])('%s', (_label, message, modemId) => {
      const { journal, clerkId, consider } = books();
      const sale = unknownSale(journal, clerkId);
      expect(consider(modemId, message)).toBeNull();
      expect(journal.get(sale.id).status).toBe('unknown');
    });

    it('when two sales of the card wait for it', () => {
      const { db, journal, clerkId, consider } = books();
      const first = unknownSale(journal, clerkId);
      const sales = [first, journal.get(sameCardSaleFromBefore(db, first.id))];
      expect(consider('modem-1', sms(confirmation))).toBeNull();
      expect(sales.map((sale) => journal.get(sale.id).status)).toEqual(['unknown', 'unknown']);
    });

    it('when its reference is already another sale’s', () => {
      const { journal, clerkId, consider } = books();
      const done = unknownSale(journal, clerkId);
      journal.confirmByCarrier(done.id, 'TX7', 'SMS', { kind: 'carrier-sms', modemId: 'modem-1' });
      const waiting = unknownSale(journal, clerkId);
      expect(consider('modem-1', sms(confirmation))).toBeNull();
      expect(journal.get(waiting.id).status).toBe('unknown');
    });
  });
});
