/**
 * Balance checks through a modem bank of one simulated modem on the demo network, with the
 * shop's real stack: AT channel, SMS inbox kept in SQLite, reply desk, check store. The
 * network's clock is a manual one: each query waits at the network (the SMS goes out, the reply
 * comes back) until the test lets it through, so a reply can be made to come late.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findCard } from '../../../electron/balance/card-carrier';
import { createBalanceCheckStore } from '../../../electron/balance/check-store';
import { createBalanceChecks } from '../../../electron/balance/checks';
import { BalanceError } from '../../../electron/balance/errors';
import { createReplyDesk } from '../../../electron/balance/reply-desk';
import { createModemBank, type ModemBank } from '../../../electron/bank/modem-bank';
import { createSmsInboxes, type SmsInboxes } from '../../../electron/bank/sms-inboxes';
import { createMemoryLinkPair } from '../../../electron/gsm/link/memory-link';
import {
  type CarrierBehaviour,
  createManualClock,
  createSimulatedModem,
  DEMO_CARRIER,
  type SimulatedModem,
} from '../../../electron/gsm/simulator';
import { openDatabase } from '../../../electron/store/database';
import { createReceivedSmsStore } from '../../../electron/store/received-sms';
import { createUserStore } from '../../../electron/store/users';
import { type CarrierProfile, carrierProfileSchema } from '../../../shared/carrier';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { receivedOn } from '../../support/received-sms';
import { withTempDirs } from '../../support/temp';
import { demoProfileInput } from '../../unit/carriers/demo-profile';

const tempDir = withTempDirs();
const open: Array<{ bank: ModemBank; inboxes: SmsInboxes; close(): void }> = [];
afterEach(async () => {
  for (const shop of open.splice(0)) {
    await shop.bank.close();
    await shop.inboxes.close();
    shop.close();
  }
});

const quiet = { error: () => {}, warn: () => {}, info: () => {} };
const LATENCY_MS = 1000;

/** The demo profile, answering within a second (the shortest wait a profile may have). */
function demoCarrier(): CarrierProfile {
  const input = demoProfileInput();
  input.balanceQuery.timeoutMs = 1000;
  return carrierProfileSchema.parse(input);
}

/** The same carrier, whose replies name the card: "Ligne 687123456 : Forfait …". */
function namingCarrier(): { profile: CarrierProfile; network: CarrierBehaviour } {
  const input = demoProfileInput();
  input.balanceQuery.timeoutMs = 1000;
  input.balanceQuery.replyPatterns = input.balanceQuery.replyPatterns.map((reply) => ({
    ...reply,
    pattern: `^Ligne (?<msisdn>\\d+) : .*${reply.pattern}`,
  }));
  return {
    profile: carrierProfileSchema.parse(input),
    network: {
      ...DEMO_CARRIER,
      texts: {
        ...DEMO_CARRIER.texts,
        customerBalance: `Ligne {customer} : ${DEMO_CARRIER.texts.customerBalance}`,
      },
    },
  };
}

async function counter(
  options: {
    profile?: CarrierProfile;
    network?: CarrierBehaviour;
    forgetOwedAfterMs?: number;
    /** Simulator faults of the modem, e.g. `cut-sms(4)`. */
    modemFaults?: string;
  } = {},
) {
  const profile = options.profile ?? demoCarrier();
  const { db } = openDatabase(path.join(tempDir(), 'shop.sqlite'));
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  const clerk = createUserStore(db, now).add('clerk', 'clerk', '1111');
  const inboxes = createSmsInboxes({
    storeFor: createReceivedSmsStore(db).forModem,
    sweepEveryMs: 0,
    now,
    log: quiet,
  });
  const clock = createManualClock();
  const modems: SimulatedModem[] = [];
  const bank = createModemBank({
    profileDirs: [SHIPPED_MODEMS],
    modems: [
      { id: 'modem-1', carrierId: profile.id, port: { kind: 'simulated', profile: 'generic' } },
    ],
    openLink: async () => {
      const [client, modemEnd] = createMemoryLinkPair();
      modems.push(
        createSimulatedModem(modemEnd, {
          profile: [
            'generic',
            ...(options.modemFaults ? [options.modemFaults] : []),
            { networkLatencyMs: LATENCY_MS },
          ],
          carrier: options.network ?? DEMO_CARRIER,
          clock,
        }),
      );
      return client;
    },
    onOpened: inboxes.open,
    now,
  });
  open.push({ bank, inboxes, close: () => db.close() });
  await bank.start();
  const store = createBalanceCheckStore(db);
  const checks = createBalanceChecks({
    bank,
    desk: createReplyDesk({
      inboxes,
      now,
      ...(options.forgetOwedAfterMs === undefined
        ? {}
        : { forgetOwedAfterMs: options.forgetOwedAfterMs }),
    }),
    store,
    timeZone: () => 'Pacific/Noumea',
    now,
    modemWaitMs: 0,
  });
  const check = (msisdn: string) =>
    checks.check(
      findCard([profile], msisdn, undefined, () => null),
      clerk.id,
    );

  /** Waits until the network holds `count` things (SMS going out, replies coming back). */
  async function held(count: number) {
    for (let tries = 0; clock.pending < count; tries++) {
      if (tries > 500) throw new Error(`the network never held ${count} messages`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  /** Lets what the network holds through, in the order it came. */
  const letThrough = () => clock.advance(LATENCY_MS);

  return {
    check,
    store,
    received: () => receivedOn(db, 'modem-1'),
    modems,
    held,
    letThrough,
    /** Moves the shop's clock on (the network's is the manual one). */
    later: (ms: number) => {
      offsetMs += ms;
    },
  };
}

async function refusal(promise: Promise<unknown>): Promise<BalanceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BalanceError) return error;
    throw error;
  }
  throw new Error('The check was not refused');
}

/** A check whose SMS goes out and is answered at once. */
async function answered(shop: Awaited<ReturnType<typeof counter>>, msisdn: string) {
  const checking = shop.check(msisdn);
  await shop.held(1);
  shop.letThrough();
  await shop.held(1);
  shop.letThrough();
  return checking;
}

/** A check whose SMS goes out and whose reply stays held at the network until later. */
async function unanswered(shop: Awaited<ReturnType<typeof counter>>, msisdn: string) {
  const checking = shop.check(msisdn);
  await shop.held(1);
  shop.letThrough();
  return refusal(checking);
}

describe('a balance check through the modem bank', () => {
  it('reads the carrier’s two-part reply and keeps it with the card', async () => {
    const shop = await counter();
    const check = await answered(shop, '687 77 78 88');
    expect(check).toMatchObject({
      msisdn: '+687777888',
      carrierId: 'nc-demo',
      modemId: 'modem-1',
      outcome: 'ok',
      remainingMb: 15_872,
      validUntil: '2026-06-02T12:59:00.000Z',
    });
    expect(check.text).toContain('il vous reste 15,5 Go');
    expect(shop.store.ofCard('+687777888')).toEqual([check]);
  });

  it('does not take the late reply to a timed-out check for the next one’s', async () => {
    const shop = await counter();
    const first = await unanswered(shop, '687654321');
    expect(first.code).toBe('carrier_timeout');
    // The next check's SMS goes out; the first reply, late, comes while it waits; then its own.
    const second = shop.check('687123456');
    await shop.held(2);
    shop.letThrough();
    await shop.held(1);
    shop.letThrough();
    expect(await second).toMatchObject({ msisdn: '+687123456', remainingMb: 3277 });
    expect(shop.store.ofCard('+687654321')).toEqual([
      expect.objectContaining({ outcome: 'timeout', text: null, receivedAt: null }),
    ]);
  });

  it('settles the debt with a late reply that comes between two checks', async () => {
    const shop = await counter();
    await unanswered(shop, '687654321');
    shop.letThrough();
    for (let tries = 0; shop.received().length === 0; tries++) {
      if (tries > 200) throw new Error('the late reply never reached the inbox');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await answered(shop, '687123456')).toMatchObject({ remainingMb: 3277 });
  });

  describe('when a reply is lost', () => {
    /** A network that never answers: the test plays the carrier's replies itself. */
    const silent = { ...DEMO_CARRIER, sms: [] };
    const reply =
      "Forfait 5Go : il vous reste 3,2 Go valables jusqu'au 30/11/2026 23:59. 剩余流量 3.2GB，有效期至 2026年11月30日。";

    /** A check whose SMS goes out and gets `reply` from the carrier (the test's) at once. */
    async function repliedTo(shop: Awaited<ReturnType<typeof counter>>) {
      const checking = shop.check('687123456');
      await shop.held(1);
      shop.letThrough();
      shop.modems[0]?.receiveSms('4012', reply);
      return checking;
    }

    it('takes a reply for the lost one while it may still come, and not after', async () => {
      const shop = await counter({ network: silent, forgetOwedAfterMs: 60_000 });
      await unanswered(shop, '687654321');
      expect((await refusal(repliedTo(shop))).code).toBe('carrier_timeout');
      shop.later(61_000);
      expect(await repliedTo(shop)).toMatchObject({ remainingMb: 3277 });
    });

    it('does not keep discarding answers by handing the debt on from check to check', async () => {
      const shop = await counter({ network: silent, forgetOwedAfterMs: 60_000 });
      await unanswered(shop, '687654321');
      shop.later(30_000);
      // Its reply, taken for the lost one, may have been its own: the debt keeps its first day.
      expect((await refusal(repliedTo(shop))).code).toBe('carrier_timeout');
      shop.later(31_000);
      expect(await repliedTo(shop)).toMatchObject({ remainingMb: 3277 });
    });
  });

  describe('with a carrier whose replies name the card', () => {
    it('matches the reply by the card it names, whatever came first', async () => {
      const { profile, network } = namingCarrier();
      const shop = await counter({ profile, network, forgetOwedAfterMs: 0 });
      await unanswered(shop, '687654321');
      const next = shop.check('687123456');
      await shop.held(2);
      // A reply about another card, owed to nobody, comes before this one's.
      shop.modems[0]?.receiveSms(
        '4012',
        "Ligne 687777888 : Forfait 20Go : il vous reste 15,5 Go valables jusqu'au 02/06/2026 23:59.",
      );
      shop.letThrough();
      await shop.held(1);
      shop.letThrough();
      expect(await next).toMatchObject({ msisdn: '+687123456', remainingMb: 3277 });
      expect((await next).text).toMatch(/^Ligne 687123456 : /);
    });
  });

  it('keeps a reply without a balance and says why, with its text', async () => {
    const shop = await counter();
    const error = await refusal(answered(shop, '687111111'));
    expect(error).toMatchObject({
      code: 'carrier_reply',
      reply: { reason: 'unknown_number', text: expect.stringMatching(/^Numéro 687111111 inconnu/) },
    });
    expect(shop.store.ofCard('+687111111')).toEqual([
      expect.objectContaining({ outcome: 'unknown_number', remainingMb: null }),
    ]);
  });

  it('keeps a reply it cannot read, text and all', async () => {
    const shop = await counter({
      network: {
        ...DEMO_CARRIER,
        texts: { ...DEMO_CARRIER.texts, customerBalance: 'Solde data : voir appli NC Mobile' },
      },
    });
    const error = await refusal(answered(shop, '687123456'));
    expect(error).toMatchObject({
      code: 'carrier_reply',
      reply: { reason: 'unrecognised_reply', text: 'Solde data : voir appli NC Mobile' },
    });
    expect(shop.store.ofCard('+687123456')[0]).toMatchObject({
      outcome: 'unrecognised_reply',
      text: 'Solde data : voir appli NC Mobile',
    });
  });

  it('keeps a reply cut short by the modem without reading a balance from it', async () => {
    const shop = await counter({ modemFaults: 'cut-sms(4)' });
    const error = await refusal(answered(shop, '687123456'));
    expect(error).toMatchObject({
      code: 'carrier_reply',
      // The two characters lost are the end of the Chinese sentence: the text is kept as it came.
      reply: {
        reason: 'unrecognised_reply',
        text: expect.stringMatching(/^Forfait 5Go : .*[^。]$/),
      },
    });
    expect(shop.store.ofCard('+687123456')[0]).toMatchObject({
      outcome: 'unrecognised_reply',
      remainingMb: null,
    });
  });

  it('says when no modem of the carrier is free, and sends nothing', async () => {
    const shop = await counter();
    const busy = shop.check('687123456');
    await shop.held(1);
    const error = await refusal(shop.check('687654321'));
    expect(error.code).toBe('no_modem');
    shop.letThrough();
    await shop.held(1);
    shop.letThrough();
    await busy;
    expect(shop.store.ofCard('+687654321')).toEqual([]);
  });
});
