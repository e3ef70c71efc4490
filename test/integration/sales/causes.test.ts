/**
 * Why each failed or pending sale failed, as the sales API tells the counter: the real sales
 * module on a real SQLite file, selling through simulated modems in this process (the demo's
 * kind) whose faults and carrier profile make each cause happen.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../../electron/api/dispatcher';
import { createEventBus } from '../../../electron/api/event-bus';
import { createAuth } from '../../../electron/auth/api';
import { openBank } from '../../../electron/bank/open-bank';
import { openCarrierBook } from '../../../electron/carriers/book';
import { createTills } from '../../../electron/counters/tills';
import { demoShopProfile } from '../../../electron/demo';
import type { Logger } from '../../../electron/log';
import { createSales } from '../../../electron/sales/api';
import { openDatabase } from '../../../electron/store/database';
import { shopProfileStore } from '../../../electron/store/shop-profile';
import { createUserStore } from '../../../electron/store/users';
import type { EventPayload } from '../../../shared/api/contract';
import type { CarrierProfile } from '../../../shared/carrier';
import { defaultPermissions } from '../../../shared/permissions';
import { canTryAgain } from '../../../shared/sale-cause';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

const quiet: Logger = { error: () => {}, warn: () => {}, info: () => {} };
const shippedCarriers = path.resolve(__dirname, '../../../resources/carriers');
const demoProfile = (): CarrierProfile =>
  JSON.parse(fs.readFileSync(path.join(shippedCarriers, 'nc-demo.json'), 'utf8'));

/**
 * A shop selling through one simulated modem per profile given. `carrier` edits the demo
 * carrier's profile (laid over the shipped one); its top-up timeout is 1 s, so that a silent
 * network ends a sale quickly.
 */
async function shop(
  profiles: string[],
  options: { carrier?: (profile: CarrierProfile) => CarrierProfile; dealerPin?: string } = {},
) {
  const dir = tempDir();
  const databaseFile = path.join(dir, 'shop.sqlite');
  const { db } = openDatabase(databaseFile);
  const now = () => new Date();
  const overlay = path.join(dir, 'carriers');
  fs.mkdirSync(overlay);
  const base = demoProfile();
  const profile = (options.carrier ?? ((same) => same))({
    ...base,
    topUp: { ...base.topUp, timeoutMs: 1_000 },
  });
  fs.writeFileSync(path.join(overlay, 'nc-demo.json'), JSON.stringify(profile));
  const carriers = await openCarrierBook([shippedCarriers, overlay], null, quiet);
  const events = createEventBus(quiet);
  const shopProfile = shopProfileStore(db, now);
  shopProfile.save(demoShopProfile);
  const users = createUserStore(db, now);
  const clerk = users.add('clerk', 'clerk', '1111');
  const manager = users.add('manager', 'manager', '9999');
  const modems = openBank({
    db,
    databaseFile,
    demoBank: profiles.map((simulated, index) => ({
      id: `sim-${index + 1}`,
      carrierId: 'nc-demo',
      port: { kind: 'simulated', profile: simulated } as const,
    })),
    modemProfileDirs: [SHIPPED_MODEMS],
    carriers,
    shop: shopProfile,
    events,
    now,
    log: quiet,
    floatChecks: { everyMs: 60 * 60_000, tickMs: 60 * 60_000 },
  });
  const sales = createSales({
    db,
    deviceId: 'causes-test',
    now,
    log: quiet,
    events,
    shop: shopProfile,
    users,
    carriers,
    bank: modems.bank,
    inboxes: modems.inboxes,
    dealerPin: (modemId) => options.dealerPin ?? modems.dealerPin(modemId),
    permit: createAuth({ users, shop: shopProfile, now, permissions: () => defaultPermissions })
      .permit,
    tills: createTills(db, { deviceId: 'causes-test', shop: shopProfile, now }),
  });
  closing.push(async () => {
    await sales.settle();
    await modems.close();
    db.close();
  });
  await modems.bank.start();
  const progress: EventPayload<'sales.progress'>['sale'][] = [];
  events.listen((event, payload) => {
    if (event === 'sales.progress') progress.push((payload as EventPayload<'sales.progress'>).sale);
  });
  const hubTill = { id: 'hub-till-1', name: '1', kind: 'hub' as const };
  const as = (user: typeof clerk): Caller => ({
    user,
    token: null,
    client: '127.0.0.1',
    till: hubTill,
  });
  let keys = 0;
  const sell = async (msisdn: string, planId = '5go') => {
    const input = {
      msisdn,
      planId,
      payment: { method: 'card' as const },
      idempotencyKey: `cause-sale-${++keys}`,
    };
    return (await sales.handlers['sales.renew'](input, as(clerk))).sale;
  };
  return { sales, sell, progress, asManager: as(manager), asClerk: as(clerk) };
}

describe('every failed or pending sale says why, through the sales API', () => {
  it('a number the carrier does not know: unknown_number, with its words', async () => {
    const { sell, progress } = await shop(['generic']);
    const sale = await sell('687111111');
    expect(sale).toMatchObject({
      status: 'failed',
      cause: {
        code: 'unknown_number',
        carrierText: expect.stringMatching(/^Numéro client \+?687111111 inconnu/),
        retryAfterSeconds: null,
      },
    });
    expect(canTryAgain(sale.status, sale.cause)).toBe(false);
    // The counter follows its sale by the progress events: the last one says why too.
    expect(progress.at(-1)?.cause).toEqual(sale.cause);
  });

  it('a plan the carrier does not have for the card: plan_not_allowed', async () => {
    const { sell } = await shop(['generic'], {
      carrier: (profile) => ({
        ...profile,
        plans: [
          ...profile.plans,
          {
            id: '50go',
            name: '50 Go',
            dataMb: 51_200,
            validityDays: 30,
            price: 40_000,
            dealerCost: 35_000,
            taxRate: 0,
            ussdChoice: '4',
          },
        ],
      }),
    });
    const sale = await sell('687123456', '50go');
    expect(sale.cause).toMatchObject({
      code: 'plan_not_allowed',
      carrierText: expect.stringMatching(/^Forfait inconnu/),
    });
  });

  it('a dealer SIM without float enough: dealer_float_low, which may be tried again', async () => {
    const { sell } = await shop(['generic+dealer-float(1000)']);
    const sale = await sell('687123456');
    expect(sale.cause).toMatchObject({
      code: 'dealer_float_low',
      carrierText: expect.stringMatching(/^Solde revendeur insuffisant/),
    });
    expect(canTryAgain(sale.status, sale.cause)).toBe(true);
  });

  it('a dealer PIN the carrier refuses: wrong_dealer_pin', async () => {
    const { sell } = await shop(['generic'], { dealerPin: '0000' });
    const sale = await sell('687123456');
    expect(sale.cause).toMatchObject({
      code: 'wrong_dealer_pin',
      carrierText: expect.stringMatching(/^Code PIN revendeur incorrect/),
    });
  });

  it('a menu the carrier closes with words of its own: carrier_refused, its words shown', async () => {
    const { sell } = await shop(['generic'], {
      carrier: (profile) => ({
        ...profile,
        topUp: { ...profile.topUp, steps: ['*123#', '7', '{msisdn}', '{planChoice}', '{pin}'] },
      }),
    });
    const sale = await sell('687123456');
    expect(sale).toMatchObject({
      status: 'failed',
      cause: { code: 'carrier_refused', carrierText: 'Choix invalide.' },
    });
  });

  it('a carrier saying the top-up is done before the last step: pending, never sent again', async () => {
    const { sell, progress } = await shop(['generic', 'generic'], {
      carrier: (profile) => ({
        ...profile,
        topUp: { ...profile.topUp, steps: [...profile.topUp.steps, '1'] },
      }),
    });
    const sale = await sell('687123456');
    expect(sale).toMatchObject({
      status: 'unknown',
      cause: {
        code: 'carrier_unexpected',
        carrierText: expect.stringMatching(/^Recharge 5Go OK pour \+?687123456/),
      },
    });
    // Sent once, through one modem: never moved on to the other one.
    const modemsUsed = new Set(
      progress.filter((seen) => seen.id === sale.id).map((seen) => seen.modemId),
    );
    modemsUsed.delete(null);
    expect(modemsUsed.size).toBe(1);
    expect(canTryAgain(sale.status, sale.cause)).toBe(false);
  });

  it('an answer the profile does not recognise: carrier_unexpected, pending, its text shown', async () => {
    const { sell } = await shop(['generic'], {
      carrier: (profile) => ({
        ...profile,
        topUp: { ...profile.topUp, success: { pattern: '^Jamais (?<reference>X)' } },
      }),
    });
    const sale = await sell('687123456');
    expect(sale).toMatchObject({
      status: 'unknown',
      cause: {
        code: 'carrier_unexpected',
        carrierText: expect.stringMatching(/^Recharge 5Go OK pour \+?687123456/),
      },
    });
    expect(canTryAgain(sale.status, sale.cause)).toBe(false);
  });

  it('a modem failing before the top-up is sent: not_sent, which may be tried again', async () => {
    const { sell } = await shop(['generic+cme']);
    const sale = await sell('687123456');
    expect(sale).toMatchObject({
      status: 'failed',
      cause: { code: 'not_sent', carrierText: null },
    });
    expect(canTryAgain(sale.status, sale.cause)).toBe(true);
  });

  it('a modem lost once the top-up was sent: modem_lost, pending', async () => {
    const { sell } = await shop(['generic+drop(AT+CUSD=1,"1234")']);
    const sale = await sell('687123456');
    expect(sale).toMatchObject({
      status: 'unknown',
      cause: { code: 'modem_lost', carrierText: null },
    });
  });

  it('a silent carrier, the modem busy with it, then settled by a manager', async () => {
    const { sell, sales, asManager } = await shop(['generic']);
    const silent = await sell('687999999', '1go');
    expect(silent).toMatchObject({
      status: 'unknown',
      cause: { code: 'carrier_timeout', carrierText: null, retryAfterSeconds: null },
    });

    // The only modem waits for that late answer: the next sale finds none free, and is told
    // when the modem should be free again.
    const next = await sell('687123456');
    expect(next).toMatchObject({
      status: 'failed',
      cause: { code: 'no_modem_free', carrierText: null },
    });
    expect(next.cause?.retryAfterSeconds).toEqual(expect.any(Number));
    expect(canTryAgain(next.status, next.cause)).toBe(true);

    const { sale: settled } = await sales.handlers['sales.resolve'](
      { id: silent.id, outcome: 'failed', reason: 'Client rappelé : rien reçu' },
      asManager,
    );
    expect(settled.cause).toEqual({
      code: 'settled_by_hand',
      carrierText: 'Client rappelé : rien reçu',
      retryAfterSeconds: null,
    });
    const listed = await sales.handlers['sales.list']({}, asManager);
    expect(listed.sales.map((sale) => [sale.id, sale.cause?.code ?? null])).toEqual([
      [next.id, 'no_modem_free'],
      [silent.id, 'settled_by_hand'],
    ]);
  });

  it('a sale that succeeded has no cause', async () => {
    const { sell } = await shop(['generic']);
    expect(await sell('687123456')).toMatchObject({ status: 'succeeded', cause: null });
  });
});
