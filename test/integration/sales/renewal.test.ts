import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openModemLink } from '../../../electron/bank/links';
import { createModemBank, type ModemBank } from '../../../electron/bank/modem-bank';
import { CarrierInputError } from '../../../electron/carriers';
import { createMemoryLinkPair } from '../../../electron/gsm/link/memory-link';
import {
  createSimulatedModem,
  DEMO_CARRIER,
  type SimulatedModem,
} from '../../../electron/gsm/simulator';
import { createJournal } from '../../../electron/sales/journal';
import { createRenewals, RenewalError } from '../../../electron/sales/renewal';
import { openDatabase } from '../../../electron/store/database';
import { createUserStore } from '../../../electron/store/users';
import type { CarrierProfile } from '../../../shared/carrier';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';
import { demoProfile } from '../../unit/carriers/demo-profile';

const tempDir = withTempDirs();
const banks: ModemBank[] = [];
afterEach(async () => {
  for (const bank of banks.splice(0)) await bank.close();
});

// The simulator answers at once; a short wait keeps the silent top-up's test short.
const demo = demoProfile();
const carrier = { ...demo, topUp: { ...demo.topUp, timeoutMs: 1500 } };

/** A shop with a journal on a real file and a bank of simulated modems in this process. */
async function shop(
  options: {
    modems?: number;
    dealerBalance?: number;
    carrier?: CarrierProfile;
    /** How long the simulated network takes to answer each USSD step. */
    latencyMs?: number;
    /** How long a modem waits for the late answer of a top-up that was never answered. */
    lateAnswerMs?: number;
    /** How long a renewal waits for a free modem. */
    modemWaitMs?: number;
    /** Each modem's simulated profile (its faults), in order; the modems are kept in `simulated`. */
    profiles?: string[];
    /** The clock that bounds moving a top-up on to another modem. */
    now?: () => Date;
  } = {},
) {
  const sold = options.carrier ?? carrier;
  const { db } = openDatabase(path.join(tempDir(), 'shop.sqlite'));
  const now = () => new Date();
  const clerk = createUserStore(db, now).add('clerk', 'clerk', '1111');
  const journal = createJournal(db, now);
  const simulated: SimulatedModem[] = [];
  const bank = createModemBank({
    profileDirs: [SHIPPED_MODEMS],
    ...(options.lateAnswerMs !== undefined ? { lateAnswerMs: options.lateAnswerMs } : {}),
    modems: Array.from({ length: options.profiles?.length ?? options.modems ?? 1 }, (_, i) => ({
      id: `modem-${i + 1}`,
      carrierId: sold.id,
      port: { kind: 'simulated', profile: options.profiles?.[i] ?? 'generic' } as const,
    })),
    openLink: async (port) => {
      if (options.profiles && port.kind === 'simulated') {
        const [client, modemEnd] = createMemoryLinkPair();
        const modem = createSimulatedModem(modemEnd, { profile: port.profile });
        client.onClose(() => modem.stop());
        simulated.push(modem);
        return client;
      }
      if (options.dealerBalance === undefined) {
        return openModemLink(port, { simLatencyMs: options.latencyMs ?? 0 });
      }
      const [client, modemEnd] = createMemoryLinkPair();
      simulated.push(
        createSimulatedModem(modemEnd, {
          carrier: {
            ...DEMO_CARRIER,
            dealer: { ...DEMO_CARRIER.dealer, balance: options.dealerBalance },
          },
        }),
      );
      return client;
    },
  });
  banks.push(bank);
  await bank.start();
  const progress: string[] = [];
  const renewals = createRenewals({
    journal,
    bank,
    carrierOf: (planId) => (sold.plans.some((plan) => plan.id === planId) ? sold : null),
    dealerPin: () => '1234',
    onProgress: (sale) => progress.push(sale.status),
    modemWaitMs: options.modemWaitMs ?? 500,
    ...(options.now ? { now: options.now } : {}),
  });
  return { db, journal, renewals, clerk, progress, simulated };
}

let keys = 0;
const request = (msisdn: string, planId = '5go') => ({
  msisdn,
  planId,
  payment: { method: 'cash' as const, tendered: 10_000 },
  idempotencyKey: `renewal-key-${++keys}`,
});

/** The demo top-up in one round: a silent one leaves its modem waiting for the late answer. */
const oneRound = {
  ...carrier,
  topUp: { ...carrier.topUp, steps: ['*123*{msisdn}*{planChoice}*{pin}#'] },
};

describe('a renewal at the counter', () => {
  it('tops up the card, with the carrier reference, the new dealer balance and a PIN-free transcript', async () => {
    const { renewals, journal, clerk, progress } = await shop();
    const sale = await renewals.renew(request('687123456'), clerk);
    expect(sale).toMatchObject({
      status: 'succeeded',
      msisdn: '+687123456',
      price: 6000,
      payment: { change: 4000 },
      modemId: 'modem-1',
      dealerBalanceAfter: 245_000,
    });
    expect(sale.carrierReference).toMatch(/^TX\d+/);
    expect(progress).toEqual(['paid', 'sending', 'succeeded']);
    const transcript = journal.events(sale.id).at(-1)?.transcript ?? '';
    expect(transcript).toMatch(/AT\+CUSD=1,"\*123#",15/);
    expect(transcript).toMatch(/Recharge 5Go OK pour 687123456/);
    expect(transcript).not.toMatch(/"1234"/);
  });

  it('keeps the PIN out of the transcript when the code dialled carries it (one round)', async () => {
    const oneRound = {
      ...carrier,
      topUp: { ...carrier.topUp, steps: ['*123*{msisdn}*{planChoice}*{pin}#'] },
    };
    const { renewals, journal, clerk } = await shop({ carrier: oneRound });
    const sale = await renewals.renew(request('687123456'), clerk);
    expect(sale).toMatchObject({ status: 'succeeded', dealerBalanceAfter: 245_000 });
    const transcript = journal.events(sale.id).at(-1)?.transcript ?? '';
    expect(transcript).toMatch(/Recharge 5Go OK pour 687123456/);
    // One round, dialled masked: "*123*687123456*2*1234#" never reaches the journal.
    expect(transcript.match(/AT\+CUSD=1,.*/g)).toEqual(['AT+CUSD=1,"••••••••••••••••••••••",15']);
    expect(transcript).not.toContain('*1234#');
  });

  it('ends refused by the carrier as failed and refunded', async () => {
    const { renewals, clerk, db } = await shop();
    const sale = await renewals.renew(request('687111111'), clerk);
    expect(sale.status).toBe('failed');
    expect(db.prepare('SELECT amount FROM refunds WHERE sale_id = ?').pluck().get(sale.id)).toBe(
      6000,
    );
  });

  it('ends refused for the dealer balance with that reason', async () => {
    const { renewals, clerk, journal } = await shop({ dealerBalance: 1000 });
    const sale = await renewals.renew(request('687123456'), clerk);
    expect(sale.status).toBe('failed');
    // The cause's code, then the carrier's words, as the counter shows them.
    expect(journal.events(sale.id).at(-1)?.reason).toMatch(
      /^dealer_float_low: Solde revendeur insuffisant/,
    );
  });

  it('ends a top-up the carrier never answered as unknown, and never sends it again', async () => {
    const { renewals, clerk, journal } = await shop();
    const silent = { ...request('687999999', '1go') };
    const sale = await renewals.renew(silent, clerk);
    expect(sale.status).toBe('unknown');
    expect(journal.events(sale.id).at(-1)?.reason).toMatch(/no definite answer/);
    const again = await renewals.renew(silent, clerk);
    expect(again).toEqual(sale);
    expect(journal.events(sale.id).filter((e) => e.to === 'sending')).toHaveLength(1);
  });

  it('sends the next customers through the other modem while one waits for a late answer, and all succeed', async () => {
    const { renewals, clerk, journal } = await shop({ carrier: oneRound, modems: 2 });
    const silent = await renewals.renew(request('687999999', '1go'), clerk);
    expect(silent.status).toBe('unknown');
    const next = [];
    for (const number of ['687123456', '687654321', '687777888', '687123456']) {
      next.push(await renewals.renew(request(number), clerk));
    }
    expect(next.map((sale) => sale.status)).toEqual(Array(4).fill('succeeded'));
    expect(new Set(next.map((sale) => sale.modemId))).toEqual(
      new Set([silent.modemId === 'modem-1' ? 'modem-2' : 'modem-1']),
    );
    for (const sale of next) {
      expect(journal.events(sale.id).filter((e) => e.to === 'sending')).toHaveLength(1);
    }
  });

  it('keeps the sale waiting while its only modem waits for a late answer, then tops it up', async () => {
    const { renewals, clerk, db, progress } = await shop({
      carrier: oneRound,
      lateAnswerMs: 1000,
      modemWaitMs: 5000,
    });
    const silent = await renewals.renew(request('687999999', '1go'), clerk);
    expect(silent.status).toBe('unknown');
    progress.length = 0;
    const started = Date.now();
    const next = await renewals.renew(request('687123456'), clerk);
    expect(next.status).toBe('succeeded');
    expect(Date.now() - started).toBeGreaterThan(500);
    expect(progress).toEqual(['paid', 'sending', 'succeeded']);
    expect(db.prepare('SELECT count(*) FROM refunds WHERE sale_id = ?').pluck().get(next.id)).toBe(
      0,
    );
  });

  it('returns the first sale for the same idempotency key and sends nothing more', async () => {
    const { renewals, clerk, db } = await shop();
    const once = request('687123456');
    const first = await renewals.renew(once, clerk);
    const second = await renewals.renew(once, clerk);
    expect(second).toEqual(first);
    expect(db.prepare('SELECT count(*) FROM sales').pluck().get()).toBe(1);
  });

  it('refuses a key reused for another card, plan or payment, and answers a retry typed differently', async () => {
    const { renewals, clerk, db } = await shop();
    const first = request('687123456');
    const sold = await renewals.renew(first, clerk);
    // The same sale, the number typed with spaces: a retry, answered with the first sale.
    expect(await renewals.renew({ ...first, msisdn: '68 71 23 45 6' }, clerk)).toEqual(sold);
    for (const other of [
      { ...first, msisdn: '687654321' },
      { ...first, planId: '1go' },
      { ...first, payment: { method: 'card' as const } },
      { ...first, payment: { method: 'cash' as const, tendered: 20_000 } },
    ]) {
      await expect(renewals.renew(other, clerk)).rejects.toMatchObject({
        code: 'idempotency_key_reused',
      });
    }
    expect(db.prepare('SELECT count(*) FROM sales').pluck().get()).toBe(1);
  });

  it.each([
    ['a number of another country', request('+33612345678'), CarrierInputError],
    ['text with AT control characters', request('687123456"\r\nATD112;'), CarrierInputError],
    ['an unknown plan', request('687123456', '50go'), RenewalError],
  ])('refuses %s before anything is written or sent', async (_label, bad, error) => {
    const { renewals, clerk, db } = await shop();
    await expect(renewals.renew(bad, clerk)).rejects.toBeInstanceOf(error);
    expect(db.prepare('SELECT count(*) FROM sales').pluck().get()).toBe(0);
  });

  it('answers a retry sent while the top-up is running with the final sale, sending it once', async () => {
    // Five USSD steps of 100 ms: well within the carrier's 1.5 s a retry waits.
    const { renewals, clerk, journal, db } = await shop({ latencyMs: 100 });
    const once = request('687123456');
    const [first, retry] = await Promise.all([
      renewals.renew(once, clerk),
      renewals.renew(once, clerk),
    ]);
    expect(first.status).toBe('succeeded');
    expect(retry).toEqual(first);
    expect(db.prepare('SELECT count(*) FROM sales').pluck().get()).toBe(1);
    expect(journal.events(first.id).filter((event) => event.to === 'sending')).toHaveLength(1);
  });

  it('tells a retry to come back (in_progress, after the carrier timeout) when the top-up runs longer', async () => {
    // Five steps of 400 ms: 2 s, longer than the 1.5 s a retry waits, each step within it.
    const { renewals, clerk, journal } = await shop({ latencyMs: 400 });
    const once = request('687123456');
    const first = renewals.renew(once, clerk);
    const began = Date.now();
    const retry = await renewals.renew(once, clerk).catch((error: unknown) => error);
    expect(retry).toBeInstanceOf(RenewalError);
    expect(retry).toMatchObject({ code: 'in_progress', retryAfterSeconds: 2 });
    expect(Date.now() - began).toBeGreaterThanOrEqual(1400);
    const sold = await first;
    expect(sold.status).toBe('succeeded');
    expect(await renewals.renew(once, clerk)).toEqual(sold);
    expect(journal.events(sold.id).filter((event) => event.to === 'sending')).toHaveLength(1);
  });

  it('runs renewals in parallel on several modems', async () => {
    const { renewals, clerk } = await shop({ modems: 2 });
    const sales = await Promise.all([
      renewals.renew(request('687123456'), clerk),
      renewals.renew(request('687654321', '1go'), clerk),
    ]);
    expect(sales.map((s) => s.status)).toEqual(['succeeded', 'succeeded']);
    expect(new Set(sales.map((s) => s.modemId))).toEqual(new Set(['modem-1', 'modem-2']));
  });
});

/** The customers whose top-up reached the simulated networks, the modems' own records. */
const onNetworks = (modems: readonly SimulatedModem[]) =>
  modems.flatMap((modem) => modem.state.carrier.topUps.map((topUp) => topUp.customer));

const refundsOf = (db: Database, saleId: number) =>
  db.prepare('SELECT count(*) FROM refunds WHERE sale_id = ?').pluck().get(saleId);

// The demo's five rounds: "*123#", "1", the number, the plan, then the PIN, which commits it.
describe('a top-up whose modem fails before the step that commits it', () => {
  it.each([
    ['pulled out', 'drop(AT+CUSD=1,"1")'],
    ['hung', 'hang(AT+CUSD=1,"1")'],
  ])(
    'goes on through another modem of the carrier when the first is %s during the menu, and is sent once',
    async (_label, fault) => {
      const { renewals, clerk, journal, db, progress, simulated } = await shop({
        profiles: [fault, 'generic'],
      });
      const sale = await renewals.renew(request('687123456'), clerk);
      expect(sale).toMatchObject({ status: 'succeeded', modemId: 'modem-2' });
      expect(progress).toEqual(['paid', 'sending', 'sending', 'succeeded']);
      const events = journal.events(sale.id);
      expect(events.map((event) => `${event.from}→${event.to}`)).toEqual([
        'null→draft',
        'draft→paid',
        'paid→sending',
        'sending→sending',
        'sending→succeeded',
      ]);
      const [left, sold] = events.slice(-2);
      expect(left?.actor).toEqual({ kind: 'modem', modemId: 'modem-1' });
      expect(left?.reason).toMatch(/^not sent through modem-1 \(.+\): sending through modem-2$/);
      expect(left?.transcript).toMatch(/AT\+CUSD=1,"1",15/);
      expect(sold?.actor).toEqual({ kind: 'modem', modemId: 'modem-2' });
      expect(sold?.transcript).toMatch(/Recharge 5Go OK pour 687123456/);
      expect(onNetworks(simulated)).toEqual(['687123456']);
      expect(refundsOf(db, sale.id)).toBe(0);
    },
  );

  it.each([
    ['never answered', 'late-top-up(never)'],
    ['pulled out as it is sent', 'drop(AT+CUSD=1,"1234")'],
  ])(
    'is left unknown, never sent through another modem, when its committing step was %s',
    async (_label, fault) => {
      const { renewals, clerk, journal, simulated } = await shop({
        profiles: [fault, 'generic'],
      });
      const sale = await renewals.renew(request('687123456'), clerk);
      expect(sale).toMatchObject({ status: 'unknown', modemId: 'modem-1' });
      const events = journal.events(sale.id);
      expect(events.filter((event) => event.to === 'sending')).toHaveLength(1);
      expect(events.at(-1)?.actor).toEqual({ kind: 'modem', modemId: 'modem-1' });
      // What the other modem's network saw: nothing.
      expect(onNetworks(simulated.filter((_, index) => index > 0))).toEqual([]);
    },
  );

  it('fails and is refunded once when every modem of the carrier failed before sending it', async () => {
    const { renewals, clerk, journal, db, simulated } = await shop({
      profiles: ['drop(AT+CUSD=1,"1")', 'drop(AT+CUSD=1,"1")'],
    });
    const sale = await renewals.renew(request('687123456'), clerk);
    expect(sale).toMatchObject({ status: 'failed', modemId: 'modem-2' });
    const events = journal.events(sale.id);
    expect(events.slice(-2).map((event) => [event.from, event.to, event.actor])).toEqual([
      ['sending', 'sending', { kind: 'modem', modemId: 'modem-1' }],
      ['sending', 'failed', { kind: 'modem', modemId: 'modem-2' }],
    ]);
    expect(events.at(-1)?.reason).toMatch(/^not_sent: stopped before the top-up was sent/);
    expect(refundsOf(db, sale.id)).toBe(1);
    expect(onNetworks(simulated)).toEqual([]);
  });

  it('tries at most three modems', async () => {
    const drop = 'drop(AT+CUSD=1,"1")';
    const { renewals, clerk, journal } = await shop({ profiles: [drop, drop, drop, 'generic'] });
    const sale = await renewals.renew(request('687123456'), clerk);
    expect(sale).toMatchObject({ status: 'failed', modemId: 'modem-3' });
    const tried = journal
      .events(sale.id)
      .filter((event) => event.from === 'sending')
      .map((event) => event.actor);
    expect(tried).toEqual(
      ['modem-1', 'modem-2', 'modem-3'].map((modemId) => ({ kind: 'modem', modemId })),
    );
  });

  it('takes no other modem once the carrier’s top-up timeout has passed since the first one failed', async () => {
    // Each reading of the clock is one top-up timeout later than the one before.
    let readings = 0;
    const { renewals, clerk, journal, db } = await shop({
      profiles: ['drop(AT+CUSD=1,"1")', 'generic'],
      now: () => new Date(Date.now() + carrier.topUp.timeoutMs * readings++),
    });
    const selling = renewals.renew(request('687123456'), clerk);
    const sale = await selling;
    expect(sale).toMatchObject({ status: 'failed', modemId: 'modem-1' });
    expect(journal.events(sale.id).filter((event) => event.to === 'sending')).toHaveLength(1);
    expect(refundsOf(db, sale.id)).toBe(1);
  });
});
