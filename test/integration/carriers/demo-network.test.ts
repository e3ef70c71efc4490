/**
 * The shipped demo profile driven against the simulator's demo network, in-process (a memory
 * link pair, as the installed app's demo mode runs it), through the shop's real modem stack:
 * AT channel, modem, USSD session, SMS inbox and query. What the profile says must be what the
 * network does: the same menu, the same texts, the same dealer costs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  classifyTopUpAnswer,
  parseBalanceReply,
  parseDealerBalance,
  renderBalanceQuery,
  renderTopUpSteps,
} from '../../../electron/carriers';
import { createAtChannel } from '../../../electron/gsm/channel';
import { createMemoryLinkPair } from '../../../electron/gsm/link/memory-link';
import { openModem } from '../../../electron/gsm/modem';
import {
  type CarrierBehaviour,
  createManualClock,
  createSimulatedModem,
  DEMO_CARRIER,
  type SimulatedModem,
} from '../../../electron/gsm/simulator';
import { createSmsInbox, querySms } from '../../../electron/gsm/sms';
import {
  createUssdSession,
  runUssdDialogue,
  type UssdSession,
  type UssdStep,
} from '../../../electron/gsm/ussd';
import { demoProfile } from '../../unit/carriers/demo-profile';

const profile = demoProfile();
const DEALER_PIN = DEMO_CARRIER.dealer.pin;
const SHOP_ZONE = 'Pacific/Noumea';

const running: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const stop of running.splice(0)) await stop();
});

interface Counter {
  network: SimulatedModem;
  session: UssdSession;
  channel: ReturnType<typeof createAtChannel>;
  /** Everything the channel's transcript recorded, sent and received. */
  transcript: string[];
}

/** One dealer modem of the shop, on the simulated demo network. */
async function dealerModem(
  options: { carrier?: CarrierBehaviour; modemProfile?: string } = {},
): Promise<Counter> {
  const [shopEnd, modemEnd] = createMemoryLinkPair('demo-carrier');
  const network = createSimulatedModem(modemEnd, {
    carrier: options.carrier ?? DEMO_CARRIER,
    clock: createManualClock(),
    ...(options.modemProfile === undefined ? {} : { profile: options.modemProfile }),
  });
  const transcript: string[] = [];
  const channel = createAtChannel(shopEnd, { transcript: (entry) => transcript.push(entry.text) });
  running.push(async () => {
    network.stop();
    await channel.close().catch(() => {});
  });
  const modem = await openModem(channel);
  const session = createUssdSession(channel, { profile: modem.profile });
  return { network, channel, session, transcript };
}

async function topUp(
  counter: Counter,
  request: { msisdn: string; plan: string; pin?: string },
  timeoutMs = profile.topUp.timeoutMs,
) {
  const rendered = renderTopUpSteps(profile, { pin: DEALER_PIN, ...request });
  const [code = '', ...replies] = rendered.steps;
  // As the renewal journal plays it: a step that differs from its masked copy is a secret.
  const steps: UssdStep[] = [await counter.session.start(code, timeoutMs)];
  for (const [index, reply] of replies.entries()) {
    if (steps.at(-1)?.status !== 'menu') break;
    const secret = reply !== rendered.masked[index + 1];
    steps.push(await counter.session.reply(reply, timeoutMs, { secret }));
  }
  const last = steps.at(-1) as UssdStep;
  return { rendered, steps, last, answer: classifyTopUpAnswer(profile, last.text) };
}

async function dealerBalance(counter: Counter): Promise<number> {
  const { ussd, timeoutMs } = profile.dealerBalance;
  const dialogue = await runUssdDialogue(counter.session, ussd, [], timeoutMs);
  const balance = parseDealerBalance(profile, dialogue.text);
  if (!balance.ok) throw new Error(`${balance.error.code}: ${dialogue.text}`);
  return balance.value;
}

function plan(id: string) {
  const found = profile.plans.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No plan ${id}`);
  return found;
}

describe('the demo profile against the demo network', () => {
  it.each(['generic', 'huawei', 'ucs2'])(
    '%s modem: a 20 Go top-up succeeds with its reference, and the dealer pays the plan cost',
    async (modemProfile) => {
      const counter = await dealerModem({ modemProfile });
      const before = await dealerBalance(counter);
      expect(before).toBe(DEMO_CARRIER.dealer.balance);

      const { rendered, last, answer } = await topUp(counter, {
        msisdn: '77 78 88',
        plan: '20go',
      });
      expect(last.status).toBe('done');
      expect(answer).toEqual({
        kind: 'succeeded',
        reference: 'TX48213',
        dealerBalance: before - plan('20go').dealerCost,
      });
      expect(await dealerBalance(counter)).toBe(before - plan('20go').dealerCost);
      expect(counter.network.state.carrier.topUps).toEqual([
        { reference: 'TX48213', customer: '687777888', plan: '20Go', answered: true },
      ]);
      // What a transcript may keep: the steps as masked.
      expect(rendered.masked).toEqual(['*123#', '1', '687777888', '3', '<PIN>']);
      expect(rendered.masked.join(' ')).not.toContain(DEALER_PIN);
    },
  );

  it('the dealer PIN appears nowhere in the modem transcript, nor in the dialogue steps', async () => {
    // A PIN that no IMSI, ICCID or answer of the simulator happens to contain.
    const pin = '97531';
    const counter = await dealerModem({
      carrier: { ...DEMO_CARRIER, dealer: { balance: 250_000, pin } },
    });
    const { steps, answer } = await topUp(counter, { msisdn: '77 78 88', plan: '1go', pin });
    expect(answer.kind).toBe('succeeded');
    expect(steps.map((step) => step.sent).join(' ')).not.toContain(pin);
    expect(counter.transcript.filter((line) => line.startsWith('AT+CUSD=1,"'))).toHaveLength(5);
    expect(counter.transcript.join('\n')).not.toContain(pin);
  });

  it("takes exactly each plan's dealer cost from the dealer balance", async () => {
    const counter = await dealerModem();
    let balance = await dealerBalance(counter);
    for (const { id, dealerCost } of profile.plans) {
      const { answer } = await topUp(counter, { msisdn: '687123456', plan: id });
      expect(answer).toMatchObject({ kind: 'succeeded', dealerBalance: balance - dealerCost });
      balance -= dealerCost;
    }
    expect(await dealerBalance(counter)).toBe(
      DEMO_CARRIER.dealer.balance -
        profile.plans.reduce((sum, { dealerCost }) => sum + dealerCost, 0),
    );
  });

  it.each([
    [
      'a dealer balance too low for the plan',
      'insufficient_dealer_balance',
      { carrier: { ...DEMO_CARRIER, dealer: { balance: 3_000, pin: DEALER_PIN } } },
      { msisdn: '77 78 88', plan: '5go' },
    ],
    [
      'a customer number the carrier does not know',
      'unknown_number',
      {},
      { msisdn: '79 12 34', plan: '1go' },
    ],
    ['a wrong dealer PIN', 'wrong_pin', {}, { msisdn: '77 78 88', plan: '1go', pin: '0000' }],
  ])('%s is refused: failed, %s, and nothing is taken', async (_name, reason, setup, request) => {
    const counter = await dealerModem(setup);
    const before = counter.network.state.carrier.dealerBalance;
    const { last, answer } = await topUp(counter, request);
    expect(last.status).toBe('done');
    expect(answer).toEqual({ kind: 'failed', reason, text: last.text });
    expect(counter.network.state.carrier.dealerBalance).toBe(before);
    expect(counter.network.state.carrier.topUps).toEqual([]);
  });

  it('a top-up the network takes but never answers times out, and is never read as failed', async () => {
    const counter = await dealerModem();
    const { steps, last, answer } = await topUp(counter, { msisdn: '99 99 99', plan: '1go' }, 300);
    expect(last.status).toBe('timeout');
    expect(steps.map((step) => step.m)).toEqual([1, 1, 1, 1, null]);
    expect(answer).toEqual({ kind: 'unrecognised', text: '' });
    // Why it must stay unknown: the network did the top-up, and took the dealer's money.
    expect(counter.network.state.carrier.dealerBalance).toBe(
      DEMO_CARRIER.dealer.balance - plan('1go').dealerCost,
    );
  });
});

describe('the balance query of the demo profile, answered by the network', () => {
  async function askBalance(counter: Counter, msisdn: string) {
    const inbox = createSmsInbox(counter.channel, {
      store: { save() {} },
      incompleteAfterMs: 10_000,
      sweepEveryMs: 0,
    });
    await inbox.start();
    try {
      const question = renderBalanceQuery(profile, msisdn);
      const reply = await querySms(counter.channel, inbox, {
        to: question.to,
        text: question.text,
        timeoutMs: 5_000,
      });
      return { question, reply, balance: parseBalanceReply(profile, reply.text, SHOP_ZONE) };
    } finally {
      inbox.stop();
    }
  }

  it('reads the multipart UCS2 reply into megabytes left and validity in UTC', async () => {
    const counter = await dealerModem();
    const { question, reply, balance } = await askBalance(counter, '+687 77 78 88');
    expect(question).toMatchObject({ to: '4012', text: 'CXLL 687777888' });
    expect(reply.parts).toBeGreaterThan(1);
    // 15 872 MB, written "15,5 Go"; valid until 02/06/2026 23:59 in Nouméa (UTC+11).
    expect(balance).toEqual({
      ok: true,
      value: { remainingMb: 15_872, validUntil: '2026-06-02T12:59:00.000Z' },
    });
  });

  it('after a renewal, shows the plan data added and the new validity', async () => {
    const counter = await dealerModem();
    const { answer } = await topUp(counter, { msisdn: '687654321', plan: '5go' });
    expect(answer.kind).toBe('succeeded');
    const { balance } = await askBalance(counter, '687654321');
    // 120 + 5 120 MB, written to a tenth of a Go ("5,1 Go"); 30 days from 4 May 2026, end of day.
    expect(balance).toEqual({
      ok: true,
      value: { remainingMb: 5_222, validUntil: '2026-06-03T12:59:00.000Z' },
    });
  });

  it('a number the carrier does not know gives the unknown_number error', async () => {
    const counter = await dealerModem();
    const { balance } = await askBalance(counter, '79 12 34');
    expect(balance).toMatchObject({ ok: false, error: { code: 'unknown_number' } });
  });
});
