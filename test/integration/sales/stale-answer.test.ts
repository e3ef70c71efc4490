/**
 * A top-up answered after its modem stopped waiting for it, while the next top-up on that modem
 * waits for its own answer, on a simulated modem on a real pseudo-terminal: the answer names its
 * card, so the next sale does not take it (it gets its own), and it settles its own unknown sale.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openModemLink } from '../../../electron/bank/links';
import { createModemBank, type ModemBank } from '../../../electron/bank/modem-bank';
import { dealerBalancesOfBank } from '../../../electron/day/dealer-balances';
import { demoShopProfile } from '../../../electron/demo';
import { DEMO_CARRIER } from '../../../electron/gsm/simulator';
import { startSimulatorOnPty } from '../../../electron/gsm/simulator/pty';
import { createJournal } from '../../../electron/sales/journal';
import { createLateAnswers } from '../../../electron/sales/late-answers';
import { createReceipting } from '../../../electron/sales/receipting';
import { createReceiptBook } from '../../../electron/sales/receipts';
import { createRenewals } from '../../../electron/sales/renewal';
import { openDatabase } from '../../../electron/store/database';
import { createUserStore } from '../../../electron/store/users';
import type { Sale } from '../../../shared/sale';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';
import { until } from '../../support/until';
import { demoProfile } from '../../unit/carriers/demo-profile';

const tempDir = withTempDirs();
const stops: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** Each USSD answer takes this long on the simulated network. */
const LATENCY_MS = 1000;
/** A step's wait for its answer: the sale is `unknown` after it. */
const TOP_UP_TIMEOUT_MS = 2000;
/** How long the modem then waits for the late answer before it takes the next top-up. */
const WAIT_MS = 1000;
/**
 * The late answer reaches the line LATENCY_MS + LATE_BY_MS after the top-up was sent: 7.5 s.
 * The next top-up gets the modem 3 s after it (timeout and wait) and sends its last step 4 s
 * later (four steps of 1 s), at 7 s, and its own answer comes at 8 s: the late one comes
 * in the middle of that wait.
 */
const LATE_BY_MS = 6500;
const NEXT_LINE = '687123456';

/** One modem of the demo carrier on a pseudo-terminal, the shop's books, and the renewals. */
async function shopWithOneModem(lateLine: string, lateByMs = LATE_BY_MS) {
  const carrierBehaviour = {
    ...DEMO_CARRIER,
    ussd: { ...DEMO_CARRIER.ussd, lateTopUps: { customers: [lateLine], afterMs: lateByMs } },
  };
  const simulator = await startSimulatorOnPty({
    linkPath: path.join(tempDir(), 'ttyUSB0'),
    carrier: carrierBehaviour,
    profile: ['generic', { networkLatencyMs: LATENCY_MS }],
  });
  stops.push(() => simulator.stop());
  const carrier = {
    ...demoProfile(),
    topUp: { ...demoProfile().topUp, timeoutMs: TOP_UP_TIMEOUT_MS },
  };
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
      { id: 'modem-1', carrierId: carrier.id, port: { kind: 'serial', path: simulator.modemPath } },
    ],
    openLink: (port) => openModemLink(port),
    profileDirs: [SHIPPED_MODEMS],
    lateAnswerMs: WAIT_MS,
  });
  stops.push(() => bank.close());
  const dropped: string[] = [];
  const lateAnswers = createLateAnswers({
    journal,
    carrierOf: () => carrier,
    receiptWithOutcome: receipting.withOutcome,
    onSettled: () => {},
    now,
    log: { warn: (message) => dropped.push(message) },
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
  const sell = (msisdn: string, key: string) =>
    renewals.renew(
      { msisdn, planId: '1go', payment: { method: 'card', reference: key }, idempotencyKey: key },
      clerk,
    );
  return { simulator, journal, sell, dropped, bank, carrier };
}

describe('a top-up answered after its wait, while the next top-up on its modem waits', () => {
  it.each([
    {
      case: 'a success',
      lateLine: '687654321',
      late: { status: 'succeeded', carrierReference: 'TX48213' },
      next: 'TX48214',
    },
    {
      case: 'a refusal',
      lateLine: '687000000',
      late: { status: 'failed', carrierReference: null },
      next: 'TX48213',
    },
  ])(
    'is not taken by the next sale, which gets its own answer, and settles its own sale: $case',
    async ({ lateLine, late, next }) => {
      const shop = await shopWithOneModem(lateLine);
      const first = await shop.sell(lateLine, 'stale-answer-sale-0001');
      expect(first.status).toBe('unknown');

      // The modem is lent again once its wait is over; the late answer comes during this sale.
      const second: Sale = await shop.sell(NEXT_LINE, 'stale-answer-sale-0002');
      expect(second).toMatchObject({ status: 'succeeded', carrierReference: next });

      const settled = await until(
        () => shop.journal.get(first.id),
        (sale) => sale.status !== 'unknown',
        'the late answer to settle its own sale',
      );
      expect(settled).toMatchObject({ ...late, modemId: 'modem-1' });
      expect(shop.dropped).toEqual([]);
      // Each customer's top-up reached the network once.
      const topUps = shop.simulator.modem.state.carrier.topUps.map((topUp) => topUp.customer);
      expect(topUps.sort()).toEqual(lateLine === '687000000' ? [NEXT_LINE] : [NEXT_LINE, lateLine]);
    },
  );

  it('is not read as the dealer balance asked meanwhile on that modem, and settles its own sale', async () => {
    // The answer comes 3.6 s after the top-up was sent; the modem is free again at 3 s, and the
    // balance asked then is answered at 4 s.
    const shop = await shopWithOneModem('687654321', 2600);
    const first = await shop.sell('687654321', 'stale-answer-sale-0003');
    expect(first.status).toBe('unknown');
    await until(
      () => shop.bank.statuses()[0]?.state,
      (state) => state === 'ready',
      'the end of the wait',
    );

    const [balance] = await dealerBalancesOfBank(shop.bank, () => shop.carrier);

    expect(balance).toMatchObject({ reading: { amount: 249_000, source: 'ussd' }, problem: null });
    const settled = await until(
      () => shop.journal.get(first.id),
      (sale) => sale.status !== 'unknown',
      'the late answer to settle its own sale',
    );
    expect(settled).toMatchObject({ status: 'succeeded', carrierReference: 'TX48213' });
  });
});
