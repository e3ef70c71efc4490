/**
 * Dealer floats on a real SQLite file and a bank of simulated modems in this process (the demo's
 * kind), wired as the app wires them (openBank): routing around a SIM without float, the sale
 * refused when no SIM has any, the float a top-up left, the scheduled balance check.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventBus } from '../../../electron/api/event-bus';
import { floatAlertsBySms } from '../../../electron/bank/float-alert-sms';
import { createDealerFloats } from '../../../electron/bank/floats';
import { openModemLink } from '../../../electron/bank/links';
import { createModemBank } from '../../../electron/bank/modem-bank';
import { openBank } from '../../../electron/bank/open-bank';
import { openCarrierBook } from '../../../electron/carriers/book';
import { createMemoryLinkPair } from '../../../electron/gsm/link/memory-link';
import { createSimulatedModem, type SimulatedModem } from '../../../electron/gsm/simulator';
import type { Logger } from '../../../electron/log';
import { receiptTranslations } from '../../../electron/printing/translations';
import { createJournal } from '../../../electron/sales/journal';
import { createRenewals, RenewalError } from '../../../electron/sales/renewal';
import { openDatabase } from '../../../electron/store/database';
import { createDealerFloatStore } from '../../../electron/store/dealer-floats';
import { shopProfileStore } from '../../../electron/store/shop-profile';
import { createUserStore } from '../../../electron/store/users';
import type { EventPayload } from '../../../shared/api/contract';
import { saleView } from '../../../shared/sale';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';
import { until } from '../../support/until';

const tempDir = withTempDirs();
const closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

const quiet: Logger = { error: () => {}, warn: () => {}, info: () => {} };

/**
 * A shop with dealer SIMs of the demo carrier, each a simulated modem starting with the float
 * given (the simulator's dealer-float fault), selling through the real journal.
 */
async function shop(
  floats: number[],
  options: {
    floatChecks?: { everyMs: number; tickMs: number };
    log?: Logger;
  } = {},
) {
  const databaseFile = path.join(tempDir(), 'shop.sqlite');
  const { db } = openDatabase(databaseFile);
  const now = () => new Date();
  const carriers = await openCarrierBook(
    [path.resolve(__dirname, '../../../resources/carriers')],
    null,
    quiet,
  );
  const events = createEventBus(quiet);
  const floatEvents: EventPayload<'modems.floats'>['floats'][] = [];
  events.listen((event, payload) => {
    if (event === 'modems.floats')
      floatEvents.push((payload as EventPayload<'modems.floats'>).floats);
  });
  const modems = openBank({
    db,
    databaseFile,
    demoBank: floats.map((float, index) => ({
      id: `sim-${index + 1}`,
      carrierId: 'nc-demo',
      port: { kind: 'simulated', profile: `generic+dealer-float(${float})` } as const,
    })),
    modemProfileDirs: [SHIPPED_MODEMS],
    carriers,
    shop: shopProfileStore(db, now),
    events,
    now,
    log: options.log ?? quiet,
    floatChecks: options.floatChecks ?? { everyMs: 60 * 60_000, tickMs: 60 * 60_000 },
  });
  closing.push(async () => {
    await modems.close();
    db.close();
  });
  await modems.bank.start();
  const clerk = createUserStore(db, now).add('clerk', 'clerk', '1111');
  const journal = createJournal(db, now);
  const renewals = createRenewals({
    journal,
    bank: modems.bank,
    carrierOf: carriers.ofPlan,
    dealerPin: modems.dealerPin,
    // As the sales do (sales/api.ts): each step announced, which the floats hear.
    onProgress: (sale) =>
      events.emit('sales.progress', {
        sale: saleView(sale, null, null, { id: 'POS-1', name: 'Counter 1' }),
      }),
    modemWaitMs: 300,
  });
  let keys = 0;
  const sell = (planId = '5go', msisdn = '687123456') =>
    renewals.renew(
      { msisdn, planId, payment: { method: 'card' }, idempotencyKey: `float-sale-${++keys}` },
      clerk,
    );
  return { modems, sell, floatEvents, db };
}

describe('dealer floats routing the sales', () => {
  it('stores the float each top-up left and tells every screen', async () => {
    const { modems, sell, floatEvents } = await shop([20_000]);
    const sale = await sell();
    expect(sale).toMatchObject({
      status: 'succeeded',
      modemId: 'sim-1',
      dealerBalanceAfter: 15_000,
    });
    expect(modems.floats.list()).toEqual([
      {
        modemId: 'sim-1',
        balance: { amount: 15_000, currency: 'XPF' },
        checkedAt: expect.any(String),
        source: 'top-up',
        lowThreshold: null,
        dailyCap: null,
        soldToday: { amount: 6000, currency: 'XPF' },
        low: false,
      },
    ]);
    expect(floatEvents.at(-1)?.[0]).toMatchObject({
      balance: { amount: 15_000 },
      source: 'top-up',
    });
  });

  it('skips a SIM whose float is below the plan’s dealer cost while another has float', async () => {
    const { sell } = await shop([8_000, 100_000]);
    // The first sale learns sim-1's float (3 000 left); the plan costs the dealer 5 000.
    expect(await sell()).toMatchObject({
      status: 'succeeded',
      modemId: 'sim-1',
      dealerBalanceAfter: 3_000,
    });
    for (let i = 0; i < 3; i += 1) {
      expect(await sell()).toMatchObject({ status: 'succeeded', modemId: 'sim-2' });
    }
    // A cheaper plan still fits sim-1's float, and it has been idle longest.
    expect(await sell('1go')).toMatchObject({ status: 'succeeded', modemId: 'sim-1' });
  });

  it('waits for the busy SIM that has float rather than sending through the one without', async () => {
    const { modems, sell } = await shop([8_000, 100_000]);
    await sell();
    const busy = modems.bank.acquireModem('sim-2');
    const waiting = sell();
    setTimeout(() => busy?.release(), 100);
    expect(await waiting).toMatchObject({ status: 'succeeded', modemId: 'sim-2' });
  });

  it('refuses the sale before payment, saying why, when no SIM has float enough', async () => {
    const { sell, db } = await shop([8_000, 7_000]);
    await sell();
    await sell();
    const refused = await sell().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RenewalError);
    expect(refused).toMatchObject({ code: 'no_modem', reason: 'float' });
    // Nothing sold, nothing to refund: the failed top-ups the carrier would refuse never happen.
    expect(db.prepare('SELECT count(*) FROM sales').pluck().get()).toBe(2);
  });

  it('marks the float low once below its threshold, in the float and the event', async () => {
    const { modems, sell, floatEvents } = await shop([30_000]);
    const watched = modems.floats.setWatch('sim-1', 22_000, null);
    expect(watched).toMatchObject({ lowThreshold: { amount: 22_000 }, balance: null, low: false });
    await sell();
    expect(modems.floats.list()[0]).toMatchObject({ balance: { amount: 25_000 }, low: false });
    await sell();
    expect(modems.floats.list()[0]).toMatchObject({ balance: { amount: 20_000 }, low: true });
    expect(floatEvents.at(-1)?.[0]?.low).toBe(true);
  });

  it('stops a SIM at its daily cap and refuses with that reason', async () => {
    const { modems, sell } = await shop([100_000]);
    modems.floats.setWatch('sim-1', null, 12_000);
    await sell();
    await sell();
    expect(modems.floats.list()[0]?.soldToday.amount).toBe(12_000);
    await expect(sell('1go')).rejects.toMatchObject({ code: 'no_modem', reason: 'cap' });
  });

  it('reads each SIM’s float by USSD on schedule, never on a modem busy with a job', async () => {
    const { modems, floatEvents } = await shop([40_000, 70_000], {
      floatChecks: { everyMs: 60 * 60_000, tickMs: 50 },
    });
    const busy = modems.bank.acquireModem('sim-1');
    expect(busy).not.toBeNull();
    await until(modems.floats.list, (floats) => floats[1]?.balance !== null, 'sim-2 read');
    expect(
      modems.floats.list().map((float) => [float.balance?.amount ?? null, float.source]),
    ).toEqual([
      [null, null],
      [70_000, 'check'],
    ]);
    busy?.release();
    await until(modems.floats.list, (floats) => floats[0]?.balance !== null, 'sim-1 read');
    expect(modems.floats.list()[0]).toMatchObject({ balance: { amount: 40_000 }, source: 'check' });
    expect(floatEvents.length).toBeGreaterThanOrEqual(2);
  });

  it('writes float-low into the modem’s timeline once per crossing below the threshold', async () => {
    const { db } = openDatabase(path.join(tempDir(), 'shop.sqlite'));
    const carriers = await openCarrierBook(
      [path.resolve(__dirname, '../../../resources/carriers')],
      null,
      quiet,
    );
    const timeline: Array<[string, string, string | null]> = [];
    const bank = createModemBank({
      modems: [
        { id: 'sim-1', carrierId: 'nc-demo', port: { kind: 'simulated', profile: 'generic' } },
      ],
      openLink: (port) => openModemLink(port),
      profileDirs: [SHIPPED_MODEMS],
      onTimeline: (modemId, event, detail) => timeline.push([modemId, event, detail]),
    });
    closing.push(async () => {
      await bank.close();
      db.close();
    });
    await bank.start();
    const floats = createDealerFloats({
      store: createDealerFloatStore(db, () => new Date()),
      bank,
      carrierOf: carriers.find,
      now: () => new Date(),
      timeZone: () => 'Pacific/Noumea',
      onTimeline: bank.noteTimeline,
    });
    const lows = () => timeline.filter(([, event]) => event === 'float-low');
    floats.setWatch('sim-1', 300_000, null);
    await floats.checkDue(0);
    expect(floats.list()[0]).toMatchObject({ balance: { amount: 250_000 }, low: true });
    expect(lows()).toEqual([['sim-1', 'float-low', '250000 XPF < 300000']]);
    await floats.checkDue(0);
    expect(lows()).toHaveLength(1);
    floats.setWatch('sim-1', 200_000, null);
    expect(floats.list()[0]?.low).toBe(false);
    floats.setWatch('sim-1', 260_000, null);
    expect(lows()).toHaveLength(2);
  });

  it('texts the manager’s phone once per crossing, through a free modem of the bank', async () => {
    const told: string[] = [];
    const log: Logger = {
      ...quiet,
      info: (message: string) => {
        told.push(message);
      },
    };
    const { modems, sell } = await shop([30_000], { log });
    const phone = '+687751234';
    await modems.handlers['modems.setFloatAlerts']({ managerPhone: phone }, null as never);
    modems.floats.setWatch('sim-1', 22_000, null);
    await sell();
    await sell();
    await until(
      () => told,
      (lines) => lines.some((line) => line.includes(phone)),
      'the SMS',
    );
    await sell();
    expect(told.filter((line) => line.includes(phone))).toEqual([
      `Told ${phone} by SMS through sim-1 that sim-1's float is low`,
    ]);
  });

  it('sends the alert in the shop’s language as an SMS on a leased modem, not while it holds a job', async () => {
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
    closing.push(() => bank.close());
    await bank.start();
    const busy = bank.acquireModem('sim-1');
    const carriers = await openCarrierBook(
      [path.resolve(__dirname, '../../../resources/carriers')],
      null,
      quiet,
    );
    const carrier = carriers.find('nc-demo');
    if (!carrier) throw new Error('The demo carrier is shipped');
    const alertOf = floatAlertsBySms({
      bank,
      phone: () => '+687751234',
      language: () => 'fr',
      translate: receiptTranslations(),
      log: quiet,
    });
    const xpf = (amount: number) => ({ amount, currency: 'XPF' as const });
    alertOf(
      {
        modemId: 'sim-1',
        balance: xpf(18_000),
        checkedAt: new Date().toISOString(),
        source: 'top-up',
        lowThreshold: xpf(20_000),
        dailyCap: null,
        soldToday: xpf(0),
        low: true,
      },
      carrier,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(simulated[0]?.state.carrier.smsSent).toEqual([]);
    busy?.release();
    const [sent] = await until(
      () => simulated[0]?.state.carrier.smsSent ?? [],
      (sms) => sms.length > 0,
      'the SMS',
    );
    expect(sent).toEqual({
      to: '+687751234',
      text: 'Comptoir : le crédit de la SIM revendeur sim-1 est bas : 18 000 XPF (alerte sous 20 000 XPF). Rechargez-la pour continuer à vendre.',
    });
  });
});
