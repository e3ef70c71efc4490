/**
 * A top-up the carrier answers late, on simulated modems on real pseudo-terminals: the sale ends
 * `unknown`, its modem waits for the answer while the next customer is sold through the other
 * modem of the carrier, and the late answer, when it comes, settles the unknown sale with its
 * corrected receipt; an answer that comes after the modem's wait settles nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openModemLink } from '../../../electron/bank/links';
import { createModemBank, type ModemBank } from '../../../electron/bank/modem-bank';
import { demoShopProfile } from '../../../electron/demo';
import { DEMO_CARRIER } from '../../../electron/gsm/simulator';
import { type PtySimulator, startSimulatorOnPty } from '../../../electron/gsm/simulator/pty';
import { createJournal } from '../../../electron/sales/journal';
import { createLateAnswers } from '../../../electron/sales/late-answers';
import { createReceipting } from '../../../electron/sales/receipting';
import { createReceiptBook } from '../../../electron/sales/receipts';
import { createRenewals } from '../../../electron/sales/renewal';
import { openDatabase } from '../../../electron/store/database';
import { createUserStore } from '../../../electron/store/users';
import { createClient } from '../../../shared/api/client';
import { httpTransport } from '../../../shared/api/http-transport';
import type { Sale, SaleView } from '../../../shared/sale';
import { withTestHosts } from '../../support/host';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';
import { until } from '../../support/until';
import { demoProfile, demoProfileInput } from '../../unit/carriers/demo-profile';

const startTestHost = withTestHosts();
const tempDir = withTempDirs();
const stops: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** How long the carrier's top-up may take before the sale is `unknown`. */
const TOP_UP_TIMEOUT_MS = 1500;
/** The line whose top-ups the network answers late, and how late. */
const LATE_LINE = '687654321';
const LATE_BY_MS = 4000;

/** Two modems of the demo carrier on pseudo-terminals, on a network that answers LATE_LINE late. */
async function twoModems() {
  const dir = tempDir();
  const carrier = {
    ...DEMO_CARRIER,
    ussd: { ...DEMO_CARRIER.ussd, lateTopUps: { customers: [LATE_LINE], afterMs: LATE_BY_MS } },
  };
  const simulators: PtySimulator[] = [];
  for (const name of ['ttyUSB0', 'ttyUSB1']) {
    const simulator = await startSimulatorOnPty({ linkPath: path.join(dir, name), carrier });
    stops.push(() => simulator.stop());
    simulators.push(simulator);
  }
  return simulators;
}

/** The demo carrier's profile with a short top-up timeout, as a shop's carrier folder. */
function impatientCarrierDir(): string {
  const dir = tempDir();
  const input = demoProfileInput();
  fs.writeFileSync(
    path.join(dir, 'nc-demo.json'),
    JSON.stringify({ ...input, topUp: { ...input.topUp, timeoutMs: TOP_UP_TIMEOUT_MS } }),
  );
  return dir;
}

describe('a top-up answered late', () => {
  it('is unknown, the next sale goes through the other modem, then the late answer settles it with its receipt', async () => {
    const simulators = await twoModems();
    const { host, core } = await startTestHost({ carrierDirs: [impatientCarrierDir()] });
    const api = createClient(
      httpTransport({ baseUrl: host.url, WebSocket: WebSocket as never, reconnectMs: 50 }),
    );
    api.setToken((await api.call('auth.setup', { name: 'owner', pin: '2468' })).token);
    await api.call('shop.update', demoShopProfile);
    for (const [index, simulator] of simulators.entries()) {
      await api.call('modems.save', {
        id: `modem-${index + 1}`,
        carrierId: 'nc-demo',
        path: simulator.modemPath,
        dealerPin: '1234',
      });
    }
    await until(
      () => api.call('modems.list', {}),
      ({ modems }) => modems.length === 2 && modems.every((modem) => modem.state === 'ready'),
      'both modems',
    );
    const told: SaleView[] = [];
    const stopListening = api.on('sales.progress', ({ sale }) => told.push(sale));
    stops.push(stopListening);

    const { sale: late } = await api.call('sales.renew', {
      msisdn: LATE_LINE,
      planId: '1go',
      payment: { method: 'card', reference: 'slip-1' },
      idempotencyKey: 'late-answer-sale-0001',
    });
    expect(late).toMatchObject({ status: 'unknown', receiptNumber: 1 });
    const { modems } = await api.call('modems.list', {});
    expect(modems.find((modem) => modem.id === late.modemId)?.state).toBe('waiting');

    const { sale: next } = await api.call('sales.renew', {
      msisdn: '687123456',
      planId: '5go',
      payment: { method: 'card', reference: 'slip-2' },
      idempotencyKey: 'late-answer-sale-0002',
    });
    expect(next.status).toBe('succeeded');
    expect(next.modemId).not.toBe(late.modemId);
    expect((await api.call('sales.get', { id: late.id })).sale.status).toBe('unknown');

    const { sale: settled } = await until(
      () => api.call('sales.get', { id: late.id }),
      ({ sale }) => sale.status !== 'unknown',
      'the late answer',
    );
    expect(settled).toMatchObject({
      status: 'succeeded',
      carrierReference: 'TX48213',
      modemId: late.modemId,
      receiptNumber: 3,
    });
    const receipts = core.db
      .prepare<[number], { number: number; status: string }>(
        "SELECT number, json_extract(content, '$.status') AS status FROM receipts WHERE sale_id = ? ORDER BY number",
      )
      .all(late.id);
    expect(receipts).toEqual([
      { number: 1, status: 'pending-verification' },
      { number: 3, status: 'succeeded' },
    ]);
    await until(
      () => told,
      (heard) => heard.some((sale) => sale.id === late.id && sale.status === 'succeeded'),
      'the screens to hear of it',
    );
    await until(
      () => api.call('modems.list', {}),
      ({ modems }) => modems.every((modem) => modem.state === 'ready'),
      'the waiting modem back in service',
    );
    // Each customer's top-up reached the network once, on one modem.
    const topUps = simulators.flatMap((simulator) => simulator.modem.state.carrier.topUps);
    expect(topUps.map((topUp) => topUp.customer).sort()).toEqual(['687123456', LATE_LINE]);
  });

  it('settles nothing when the answer comes after the modem stopped waiting for it', async () => {
    const [simulator] = await twoModems();
    if (!simulator) throw new Error('no modem');
    // The sale is unknown after 1 s, its modem waits 1 s more, and the answer comes 2 s later.
    const carrier = { ...demoProfile(), topUp: { ...demoProfile().topUp, timeoutMs: 1000 } };
    const WAIT_MS = 1000;
    const { db } = openDatabase(path.join(tempDir(), 'shop.sqlite'));
    stops.push(() => {
      db.close();
    });
    const now = () => new Date();
    const users = createUserStore(db, now);
    const clerk = users.add('clerk', 'clerk', '1111');
    const journal = createJournal(db, now);
    const receipting = createReceipting({
      tillOf: () => ({ receipts: createReceiptBook(db, 'till-0001', now) }),
      shop: () => demoShopProfile,
      nameOf: users.nameOf,
      carrierOf: () => carrier,
      receiptLanguageOf: () => null,
      log: { error: () => {}, warn: () => {}, info: () => {} },
    });
    const bank: ModemBank = createModemBank({
      modems: [
        {
          id: 'modem-1',
          carrierId: carrier.id,
          port: { kind: 'serial', path: simulator.modemPath },
        },
      ],
      openLink: (port) => openModemLink(port),
      profileDirs: [SHIPPED_MODEMS],
      lateAnswerMs: WAIT_MS,
    });
    stops.push(() => bank.close());
    const told: Sale[] = [];
    const lateAnswers = createLateAnswers({
      journal,
      carrierOf: () => carrier,
      receiptWithOutcome: receipting.withOutcome,
      onSettled: (sale) => told.push(sale),
      now,
    });
    bank.onLateAnswer(lateAnswers.consider);
    const renewals = createRenewals({
      journal,
      bank,
      carrierOf: () => carrier,
      dealerPin: () => '1234',
      onOutcome: receipting.withOutcome,
      awaitLateAnswer: lateAnswers.awaitAnswer,
    });
    await bank.start();

    const late = await renewals.renew(
      {
        msisdn: LATE_LINE,
        planId: '1go',
        payment: { method: 'card', reference: 'slip-1' },
        idempotencyKey: 'late-answer-sale-0003',
      },
      clerk,
    );
    expect(late.status).toBe('unknown');
    await until(
      () => bank.statuses()[0]?.state,
      (state) => state === 'ready',
      'the end of the wait',
    );
    // The answer comes, 4 s after the top-up was sent, on a modem no longer waiting for it.
    const waited = carrier.topUp.timeoutMs + WAIT_MS;
    await new Promise((resolve) => setTimeout(resolve, LATE_BY_MS - waited + 500));

    expect(journal.get(late.id).status).toBe('unknown');
    expect(journal.events(late.id).map((event) => event.to)).toEqual([
      'draft',
      'paid',
      'sending',
      'unknown',
    ]);
    expect(told).toEqual([]);
    expect(bank.statuses()[0]?.state).toBe('ready');
    const next = await renewals.renew(
      {
        msisdn: '687123456',
        planId: '5go',
        payment: { method: 'card', reference: 'slip-2' },
        idempotencyKey: 'late-answer-sale-0004',
      },
      clerk,
    );
    expect(next).toMatchObject({ status: 'succeeded', carrierReference: 'TX48214' });
  });
});
