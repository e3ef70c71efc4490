/**
 * A top-up whose modem is pulled out in the middle of the carrier's menu, before the step that
 * commits it, on real pseudo-terminals: nothing reached the network, so the sale goes on through
 * the other modem of the carrier and is sold there, once.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openModemLink } from '../../../electron/bank/links';
import { createModemBank, type ModemConfig } from '../../../electron/bank/modem-bank';
import { type PtySimulator, startSimulatorOnPty } from '../../../electron/gsm/simulator/pty';
import { createJournal } from '../../../electron/sales/journal';
import { createRenewals } from '../../../electron/sales/renewal';
import { openDatabase } from '../../../electron/store/database';
import { createUserStore } from '../../../electron/store/users';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';
import { until } from '../../support/until';
import { demoProfile } from '../../unit/carriers/demo-profile';

const tempDir = withTempDirs();
const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

// The demo's five rounds ("*123#", "1", the number, the plan, the PIN): only the PIN commits it.
const demo = demoProfile();
const carrier = { ...demo, topUp: { ...demo.topUp, timeoutMs: 5000 } };

async function plugIn(dir: string, name: string): Promise<PtySimulator> {
  // Each answer of the network 500 ms late: the menu lasts long enough to pull the stick in it.
  const stick = await startSimulatorOnPty({
    linkPath: path.join(dir, name),
    profile: ['generic', { networkLatencyMs: 500 }],
  });
  stops.push(() => stick.stop());
  return stick;
}

describe('a top-up whose modem is pulled out during the menu', () => {
  it('is sold through the other modem of the carrier, sent once, each modem in its events', async () => {
    const dir = tempDir();
    const sticks = [await plugIn(dir, 'ttyUSB0'), await plugIn(dir, 'ttyUSB1')];
    const { db } = openDatabase(path.join(dir, 'shop.sqlite'));
    const now = () => new Date();
    const clerk = createUserStore(db, now).add('clerk', 'clerk', '1111');
    const journal = createJournal(db, now);
    const modems: ModemConfig[] = sticks.map((stick, index) => ({
      id: `modem-${index + 1}`,
      carrierId: carrier.id,
      port: { kind: 'serial', path: stick.modemPath },
    }));
    const bank = createModemBank({
      modems,
      openLink: (port) => openModemLink(port),
      profileDirs: [SHIPPED_MODEMS],
      reconnectMs: 200,
    });
    stops.push(() => bank.close());
    await bank.start();
    const renewals = createRenewals({
      journal,
      bank,
      carrierOf: () => carrier,
      dealerPin: () => '1234',
      modemWaitMs: 1000,
    });

    const selling = renewals.renew(
      {
        msisdn: '687123456',
        planId: '5go',
        payment: { method: 'cash', tendered: 10_000 },
        idempotencyKey: 'reroute-test-sale-1',
      },
      clerk,
    );
    // Neither modem was used yet: the bank lends the first; it is pulled out once its menu opened.
    const [first, second] = sticks as [PtySimulator, PtySimulator];
    await until(
      () => first.modem.state.ussd,
      (state) => state !== 'idle',
      'the menu on the first modem',
    );
    await new Promise((resolve) => setTimeout(resolve, 700));
    await first.stop();
    const sale = await selling;

    expect(sale).toMatchObject({ status: 'succeeded', modemId: 'modem-2' });
    const events = journal.events(sale.id);
    expect(events.map((event) => [event.from, event.to, event.actor])).toEqual([
      [null, 'draft', { kind: 'user', role: 'clerk', userId: clerk.id }],
      ['draft', 'paid', { kind: 'user', role: 'clerk', userId: clerk.id }],
      ['paid', 'sending', { kind: 'user', role: 'clerk', userId: clerk.id }],
      ['sending', 'sending', { kind: 'modem', modemId: 'modem-1' }],
      ['sending', 'succeeded', { kind: 'modem', modemId: 'modem-2' }],
    ]);
    expect(events[3]?.reason).toMatch(
      /^not sent through modem-1 \(not_sent: stopped before the top-up was sent: .+\): sending through modem-2$/,
    );
    expect(events[3]?.transcript).toMatch(/AT\+CUSD=1,"\*123#",15/);
    expect(first.modem.state.carrier.topUps).toEqual([]);
    expect(second.modem.state.carrier.topUps.map((topUp) => topUp.customer)).toEqual(['687123456']);
    expect(db.prepare('SELECT count(*) FROM refunds').pluck().get()).toBe(0);
  });
});
