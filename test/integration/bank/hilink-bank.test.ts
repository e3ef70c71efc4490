/**
 * A HiLink stick in the modem bank, end to end: the simulated stick serves its web API over
 * real HTTP on 127.0.0.1, the shop's journal and inbox are real SQLite files. A renewal is sold
 * through the stick, a silent top-up leaves it waiting and is never sent twice, a balance check
 * goes out by SMS and its reply is kept, and a stick that goes away comes back.
 */
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findCard } from '../../../electron/balance/card-carrier';
import { createBalanceCheckStore } from '../../../electron/balance/check-store';
import { createBalanceChecks } from '../../../electron/balance/checks';
import { createReplyDesk } from '../../../electron/balance/reply-desk';
import { openModemLink } from '../../../electron/bank/links';
import { createModemBank, type ModemBank } from '../../../electron/bank/modem-bank';
import { createSmsInboxes, type SmsInboxes } from '../../../electron/bank/sms-inboxes';
import { dealerBalancesOfBank } from '../../../electron/day/dealer-balances';
import { type HilinkSimulator, startHilinkSimulator } from '../../../electron/gsm/hilink/simulator';
import { createJournal } from '../../../electron/sales/journal';
import { createRenewals } from '../../../electron/sales/renewal';
import { openDatabase } from '../../../electron/store/database';
import { createReceivedSmsStore } from '../../../electron/store/received-sms';
import { createUserStore } from '../../../electron/store/users';
import { carrierProfileSchema } from '../../../shared/carrier';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { receivedOn } from '../../support/received-sms';
import { withTempDirs } from '../../support/temp';
import { until } from '../../support/until';
import { demoProfile, demoProfileInput } from '../../unit/carriers/demo-profile';

const tempDir = withTempDirs();
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const demo = demoProfile();
const carrier = { ...demo, topUp: { ...demo.topUp, timeoutMs: 1500 } };
const oneRound = {
  ...carrier,
  topUp: { ...carrier.topUp, steps: ['*123*{msisdn}*{planChoice}*{pin}#'] },
};

/** A shop whose only modem is a HiLink stick (simulated, on 127.0.0.1), with real SQLite. */
async function shop(options: { lateAnswerMs?: number; sold?: typeof carrier } = {}) {
  const sold = options.sold ?? carrier;
  const simulator = await startHilinkSimulator({ networkLatencyMs: 100 });
  let current: HilinkSimulator = simulator;
  cleanups.push(() => current.close());
  const { db } = openDatabase(path.join(tempDir(), 'shop.sqlite'));
  cleanups.push(() => {
    db.close();
  });
  const now = () => new Date();
  const clerk = createUserStore(db, now).add('clerk', 'clerk', '1111');
  const warnings: string[] = [];
  const inboxes: SmsInboxes = createSmsInboxes({
    storeFor: createReceivedSmsStore(db).forModem,
    hilinkPollMs: 50,
    now,
    log: { error: () => {}, warn: (message) => warnings.push(message), info: () => {} },
  });
  const timeline: string[] = [];
  const bank: ModemBank = createModemBank({
    profileDirs: [SHIPPED_MODEMS],
    modems: [{ id: 'stick-1', carrierId: sold.id, port: { kind: 'hilink', url: simulator.url } }],
    openLink: (port) => openModemLink(port),
    onOpened: inboxes.open,
    onTimeline: (_id, event, detail) => timeline.push(`${event} ${detail ?? ''}`.trim()),
    hilinkPollMs: 30,
    reconnectMs: 50,
    ...(options.lateAnswerMs === undefined ? {} : { lateAnswerMs: options.lateAnswerMs }),
  });
  cleanups.push(async () => {
    await bank.close();
    await inboxes.close();
  });
  await bank.start();
  const journal = createJournal(db, now);
  const renewals = createRenewals({
    journal,
    bank,
    carrierOf: (planId) => (sold.plans.some((plan) => plan.id === planId) ? sold : null),
    dealerPin: () => '1234',
    modemWaitMs: 3000,
  });
  return {
    db,
    bank,
    inboxes,
    journal,
    renewals,
    clerk,
    timeline,
    simulator,
    warnings,
    /** The stick unplugged and plugged back on the same address. */
    async replug() {
      const { port } = new URL(current.url);
      await current.close();
      await new Promise((resolve) => setTimeout(resolve, 200));
      current = await startHilinkSimulator({ port: Number(port) });
      return current;
    },
  };
}

let keys = 0;
const request = (msisdn: string, planId = '5go') => ({
  msisdn,
  planId,
  payment: { method: 'cash' as const, tendered: 10_000 },
  idempotencyKey: `hilink-key-${++keys}`,
});

describe('a HiLink stick in the modem bank', () => {
  it('opens as a modem of the bank, with its link, identity and signal', async () => {
    const { bank, timeline, simulator } = await shop();
    expect(bank.statuses()).toEqual([
      expect.objectContaining({
        id: 'stick-1',
        state: 'ready',
        link: 'hilink',
        simulated: false,
        manufacturer: 'huawei',
        model: 'E3372h-320',
        imei: '867000000000017',
        iccid: '8968700000000000017',
        registration: 'registered-home',
        operator: 'NC Mobile Demo',
        signalBars: 4,
      }),
    ]);
    expect(timeline).toEqual([`opened hilink ${simulator.url}`]);
  });

  it('sells a renewal through the stick: the carrier menu over HTTP, PIN-free transcript', async () => {
    const { renewals, clerk, journal, simulator } = await shop();
    const sale = await renewals.renew(request('687123456'), clerk);
    expect(sale).toMatchObject({
      status: 'succeeded',
      modemId: 'stick-1',
      dealerBalanceAfter: 245_000,
    });
    expect(sale.carrierReference).toMatch(/^TX\d+/);
    const transcript = journal.events(sale.id).at(-1)?.transcript ?? '';
    expect(transcript).toMatch(/> POST \/api\/ussd\/send \*123#/);
    expect(transcript).toMatch(/< GET \/api\/ussd\/get: Recharge 5Go OK pour 687123456/);
    expect(transcript).toMatch(/> POST \/api\/ussd\/send ••••\n?/);
    expect(transcript).not.toMatch(/send 1234/);
    expect(simulator.stick.network.snapshot().topUps).toHaveLength(1);
  });

  it('a top-up the network never answers ends unknown, the stick waits, then sells again', async () => {
    const { renewals, clerk, journal, bank, simulator } = await shop({
      lateAnswerMs: 800,
      sold: oneRound,
    });
    const silent = await renewals.renew(request('687999999', '1go'), clerk);
    expect(silent.status).toBe('unknown');
    expect(journal.events(silent.id).at(-1)?.reason).toMatch(/no definite answer/);
    expect(bank.statuses()[0]).toMatchObject({
      state: 'waiting',
      waitingUntil: expect.any(String),
    });
    const next = await renewals.renew(request('687123456'), clerk);
    expect(next.status).toBe('succeeded');
    // The silent one went out once, and only once; the next one after the wait.
    const sends = simulator.requests.filter((line) => line === 'POST /api/ussd/send');
    expect(sends).toHaveLength(2);
    expect(journal.events(silent.id).filter((event) => event.to === 'sending')).toHaveLength(1);
  });

  it("reads the dealer SIM's balance for the day's close through the stick", async () => {
    const { bank, renewals, clerk } = await shop();
    await renewals.renew(request('687123456'), clerk);
    expect(await dealerBalancesOfBank(bank, () => carrier)).toEqual([
      {
        modemId: 'stick-1',
        carrierId: carrier.id,
        reading: {
          amount: 245_000,
          source: 'ussd',
          text: expect.stringMatching(/^Solde revendeur/),
        },
        problem: null,
      },
    ]);
  });

  it('a stick that refuses the top-up as busy sent nothing: the sale fails and is refunded', async () => {
    const { renewals, clerk, db, simulator } = await shop({ sold: oneRound });
    simulator.stick.setAnswering(false);
    const sale = await renewals.renew(request('687123456'), clerk);
    expect(sale.status).toBe('failed');
    expect(db.prepare('SELECT amount FROM refunds WHERE sale_id = ?').pluck().get(sale.id)).toBe(
      6000,
    );
    expect(simulator.stick.network.snapshot().topUps).toEqual([]);
  });

  it('checks a card’s balance by SMS through the stick and keeps the reply', async () => {
    const input = demoProfileInput();
    input.balanceQuery.timeoutMs = 3000;
    const profile = carrierProfileSchema.parse(input);
    const { db, bank, inboxes, clerk, simulator } = await shop();
    const store = createBalanceCheckStore(db);
    const checks = createBalanceChecks({
      bank,
      desk: createReplyDesk({ inboxes, now: () => new Date() }),
      store,
      timeZone: () => 'Pacific/Noumea',
      now: () => new Date(),
      modemWaitMs: 0,
    });
    const check = await checks.check(
      findCard([profile], '687777888', undefined, () => null),
      clerk.id,
    );
    expect(check).toMatchObject({ modemId: 'stick-1', outcome: 'ok', remainingMb: 15_872 });
    expect(check.text).toContain('il vous reste 15,5 Go');
    // Kept in the shop's database, then deleted from the stick.
    expect(receivedOn(db, 'stick-1')).toEqual([
      expect.objectContaining({ sender: '4012', complete: true, text: check.text }),
    ]);
    await until(
      () => simulator.stick.smsCount,
      (count) => count === 0,
      'the reply to leave the stick',
    );
  });

  it('keeps each message the stick receives in the database, then empties the stick', async () => {
    const { db, simulator } = await shop();
    simulator.stick.receiveSms('+687900900', 'Bienvenue');
    const kept = await until(
      () => receivedOn(db, 'stick-1'),
      (rows) => rows.length === 1,
      'the message to be kept',
    );
    expect(kept[0]).toMatchObject({ sender: '+687900900', text: 'Bienvenue', complete: true });
    await until(
      () => simulator.stick.smsCount,
      (count) => count === 0,
      'the message to leave the stick',
    );
  });

  it('a stick lost while it is being opened goes offline once, with one reopening planned', async () => {
    // Answers as a stick until the bank asks its status, then drops the connection.
    const half = http.createServer((request, response) => {
      if (request.url === '/api/monitoring/status') {
        request.socket.destroy();
        return;
      }
      response.writeHead(200, { 'Content-Type': 'text/xml' });
      response.end(
        request.url === '/api/webserver/SesTokInfo'
          ? '<response><SesInfo>SessionID=s</SesInfo><TokInfo>t</TokInfo></response>'
          : '<response><DeviceName>E3372h-320</DeviceName><Imei>867000000000017</Imei></response>',
      );
    });
    await new Promise<void>((resolve) => half.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          half.closeAllConnections();
          half.close(() => resolve());
        }),
    );
    const { port } = half.address() as { port: number };
    const timeline: string[] = [];
    const bank = createModemBank({
      profileDirs: [SHIPPED_MODEMS],
      modems: [
        {
          id: 'stick-1',
          carrierId: 'nc-demo',
          port: { kind: 'hilink', url: `http://127.0.0.1:${port}` },
        },
      ],
      openLink: (modemPort) => openModemLink(modemPort),
      onTimeline: (_id, event) => timeline.push(event),
      reconnectMs: 60_000,
    });
    cleanups.push(() => bank.close());
    await bank.start();
    expect(bank.statuses()[0]?.state).toBe('offline');
    expect(timeline).toEqual(['offline']);
  });

  it('a stick that goes away is not read any more until it is back', async () => {
    const { bank, simulator, warnings } = await shop();
    await simulator.close();
    await until(
      () => bank.statuses()[0]?.state,
      (state) => state === 'offline',
      'the stick to be offline',
    );
    const before = warnings.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(warnings.length).toBe(before);
  });

  it('a stick that goes away goes offline, and is back once it answers again', async () => {
    const { bank, timeline, replug } = await shop();
    const gone = replug();
    await until(
      () => bank.statuses()[0]?.state,
      (state) => state === 'offline',
      'the stick to be offline',
    );
    await gone;
    await until(
      () => bank.statuses()[0]?.state,
      (state) => state === 'ready',
      'the stick to be back',
    );
    expect(timeline[0]).toMatch(/^opened hilink/);
    expect(timeline).toContainEqual(expect.stringMatching(/^offline /));
    expect(timeline.at(-1)).toMatch(/^opened hilink/);
  });
});
