import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createModemBank, type ModemBank } from '../../../electron/bank/modem-bank';
import { createSmsInboxes, type SmsInboxes } from '../../../electron/bank/sms-inboxes';
import type { ModemLink } from '../../../electron/gsm/link/link';
import { createMemoryLinkPair } from '../../../electron/gsm/link/memory-link';
import { createSimulatedModem, type SimulatedModem } from '../../../electron/gsm/simulator';
import { openDatabase } from '../../../electron/store/database';
import { createReceivedSmsStore } from '../../../electron/store/received-sms';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { receivedOn } from '../../support/received-sms';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const running: Array<{ bank: ModemBank; inboxes: SmsInboxes; close(): void }> = [];
afterEach(async () => {
  for (const shop of running.splice(0)) {
    await shop.bank.close();
    await shop.inboxes.close();
    shop.close();
  }
});

const quiet = { error: () => {}, warn: () => {}, info: () => {} };

/** One simulated modem whose network the test drives, with its inbox kept on a real file. */
async function shop(beforeOpening: (modem: SimulatedModem) => void = () => {}) {
  const { db } = openDatabase(path.join(tempDir(), 'shop.sqlite'));
  const store = createReceivedSmsStore(db);
  const inboxes = createSmsInboxes({ storeFor: store.forModem, sweepEveryMs: 0, log: quiet });
  const modems: SimulatedModem[] = [];
  const links: ModemLink[] = [];
  const bank = createModemBank({
    profileDirs: [SHIPPED_MODEMS],
    modems: [
      { id: 'modem-1', carrierId: 'nc-demo', port: { kind: 'simulated', profile: 'generic' } },
    ],
    openLink: async () => {
      const [client, modemEnd] = createMemoryLinkPair();
      const modem = createSimulatedModem(modemEnd);
      beforeOpening(modem);
      modems.push(modem);
      links.push(client);
      return client;
    },
    onOpened: inboxes.open,
    reconnectMs: 50,
  });
  running.push({ bank, inboxes, close: () => db.close() });
  await bank.start();
  return { bank, db, modems, links };
}

async function until<T>(read: () => T, done: (value: T) => boolean): Promise<T> {
  for (let tries = 0; tries < 200; tries++) {
    const value = read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('timed out waiting');
}

describe('the SMS inbox of each modem of the bank', () => {
  it('keeps each message once, reassembled, and frees the SIM only once it is kept', async () => {
    const { db, modems } = await shop();
    const long = `Votre forfait 20Go est actif. 您的流量包已激活。${'Bon séjour ! '.repeat(8)}`;
    const indexes = modems[0]?.receiveSms('+6874012', long) ?? [];
    expect(indexes.length).toBeGreaterThan(1);
    const kept = await until(
      () => receivedOn(db, 'modem-1'),
      (messages) => messages.length > 0,
    );
    expect(kept).toEqual([
      expect.objectContaining({ sender: '+6874012', text: long, complete: true, error: null }),
    ]);
    await until(
      () => modems[0]?.state.messages ?? [],
      (left) => left.length === 0,
    );
    expect(receivedOn(db, 'modem-1')).toHaveLength(1);
  });

  it('keeps what reached the SIM while the app was off', async () => {
    const { db } = await shop((modem) => {
      modem.receiveSms('+687751234', 'Tu passes ce soir ?');
    });
    const kept = await until(
      () => receivedOn(db, 'modem-1'),
      (messages) => messages.length > 0,
    );
    expect(kept.map((message) => message.text)).toEqual(['Tu passes ce soir ?']);
  });

  it('listens again once an unplugged modem is back', async () => {
    const { bank, db, modems, links } = await shop();
    await links[0]?.close();
    const back = await bank.acquire('nc-demo', 3000);
    back?.release();
    expect(modems).toHaveLength(2);
    modems[1]?.receiveSms('+6874012', 'De retour');
    const kept = await until(
      () => receivedOn(db, 'modem-1'),
      (messages) => messages.length > 0,
    );
    expect(kept.map((message) => message.text)).toEqual(['De retour']);
  });
});
