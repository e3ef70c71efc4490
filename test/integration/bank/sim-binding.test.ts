/**
 * A modem is its dealer SIM, not its port, on real pseudo-terminals: sticks pulled out and
 * plugged back under another name, a SIM swapped, a stick pulled out in the middle of a top-up.
 * Each stick has a by-id link in a folder of the test, which the hot-plug watcher watches.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchSerialDevices } from '../../../electron/bank/hotplug';
import { openModemLink } from '../../../electron/bank/links';
import { createModemBank, type ModemConfig } from '../../../electron/bank/modem-bank';
import { serialDevicePaths } from '../../../electron/bank/ports';
import { createPtyPair } from '../../../electron/gsm/link/pty-pair';
import { openSerialLink } from '../../../electron/gsm/link/serial-link';
import {
  type PtySimulator,
  type PtySimulatorOptions,
  startSimulatorOnPty,
} from '../../../electron/gsm/simulator/pty';
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

const demo = demoProfile();
// The demo top-up in one round, so that the request that commits it is the first one written.
const carrier = {
  ...demo,
  topUp: { ...demo.topUp, timeoutMs: 5000, steps: ['*123*{msisdn}*{planChoice}*{pin}#'] },
};
const GENERIC_ICCID = '89687010000123456788';
const SWAPPED_ICCID = '89687010000999999994';

/** A stick on a pseudo-terminal in `dir`, with its by-id link; replugs are followed. */
async function plugIn(
  dir: string,
  name: string,
  profile: PtySimulatorOptions['profile'] = 'generic',
) {
  const stick = {
    current: await startSimulatorOnPty({
      linkPath: path.join(dir, name),
      byIdLink: path.join(dir, 'by-id', `usb-Comptoir_SIM-1_${name}-if00-port0`),
      profile,
    }),
    topUps(): string[] {
      return stick.seen.flatMap((one) => one.modem.state.carrier.topUps.map((t) => t.customer));
    },
    seen: [] as PtySimulator[],
    async replug(newName: string, outMs = 300) {
      stick.current = await stick.current.replug(path.join(dir, newName), outMs);
      stick.seen.push(stick.current);
    },
  };
  stick.seen.push(stick.current);
  stops.push(async () => {
    for (const one of stick.seen) await one.stop();
  });
  return stick;
}

/** A shop with a journal on a real file, its bank on the sticks' ports, the watcher on by-id. */
async function shop(dir: string, modems: ModemConfig[]) {
  const byId = path.join(dir, 'by-id');
  const { db } = openDatabase(path.join(dir, 'shop.sqlite'));
  const now = () => new Date();
  const clerk = createUserStore(db, now).add('clerk', 'clerk', '1111');
  const journal = createJournal(db, now);
  const timeline: string[] = [];
  const learnt: string[] = [];
  // Only the test's sticks: nothing of this machine's own ports is looked at.
  const devices = () => serialDevicePaths(byId, async () => []);
  const bank = createModemBank({
    modems,
    openLink: (port) => openModemLink(port),
    profileDirs: [SHIPPED_MODEMS],
    reconnectMs: 200,
    candidatePorts: devices,
    onSimLearnt: (id, sim) => learnt.push(`${id} ${sim.iccid}`),
    onTimeline: (id, event) => timeline.push(`${id} ${event}`),
  });
  const watch = watchSerialDevices({
    list: devices,
    folders: [byId],
    pollMs: 500,
    onChange: (change) => bank.devicesChanged(change),
  });
  stops.push(async () => {
    watch.close();
    await bank.close();
  });
  await watch.ready;
  await bank.start();
  const renewals = createRenewals({
    journal,
    bank,
    carrierOf: () => carrier,
    dealerPin: () => '1234',
    modemWaitMs: 300,
  });
  let keys = 0;
  const sell = (msisdn: string) =>
    renewals.renew(
      {
        msisdn,
        planId: '5go',
        payment: { method: 'cash', tendered: 10_000 },
        idempotencyKey: `bind-test-sale-${++keys}`,
      },
      clerk,
    );
  const stateOf = (id: string) => bank.statuses().find((modem) => modem.id === id);
  return { bank, journal, sell, timeline, learnt, stateOf };
}

const onPort = (id: string, portPath: string, iccid: string | null = null): ModemConfig => ({
  id,
  carrierId: carrier.id,
  port: { kind: 'serial', path: portPath },
  iccid,
});

describe('a modem bound to its dealer SIM', () => {
  it('learns its SIM, and keeps selling through it after a replug under another name mid-day', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'by-id'));
    const stick = await plugIn(dir, 'ttyUSB0');
    const other = await plugIn(dir, 'ttyUSB1', `sim-swapped(${SWAPPED_ICCID})`);
    const { sell, timeline, learnt, stateOf } = await shop(dir, [
      onPort('modem-1', path.join(dir, 'ttyUSB0')),
      onPort('modem-2', path.join(dir, 'ttyUSB1')),
    ]);
    expect(learnt.sort()).toEqual([`modem-1 ${GENERIC_ICCID}`, `modem-2 ${SWAPPED_ICCID}`]);
    expect(await sell('687123456')).toMatchObject({ status: 'succeeded' });

    // ttyUSB0 comes back as ttyUSB3: modem-1 is where its SIM is, modem-2 is left alone.
    await stick.replug('ttyUSB3', 1000);
    await until(
      () => timeline,
      (seen) => seen.includes('modem-1 unplugged'),
      'the unplug',
    );
    await until(
      () => stateOf('modem-1')?.state,
      (state) => state === 'ready',
      'the replug',
    );
    expect(timeline).toContain('modem-1 unplugged');
    expect(timeline).toContain('modem-1 replugged');
    expect(stateOf('modem-1')).toMatchObject({ iccid: GENERIC_ICCID, simChange: null });

    const sales = await Promise.all([sell('687654321'), sell('687777888')]);
    expect(sales.map((sale) => [sale.status, sale.modemId]).sort()).toEqual([
      ['succeeded', 'modem-1'],
      ['succeeded', 'modem-2'],
    ]);
    expect(stick.current.modem.state.carrier.topUps).toHaveLength(1);
    expect(other.topUps()).toHaveLength(1);
    expect(stateOf('modem-2')?.iccid).toBe(SWAPPED_ICCID);
  });

  it('finds its SIM renumbered while the shop was closed, writing only AT to a device that is no modem', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'by-id'));
    // A GPS receiver on a serial port: it answers nothing, and is listened to.
    const gps = await createPtyPair(path.join(dir, 'ttyUSB0'));
    fs.symlinkSync(gps.modemPath, path.join(dir, 'by-id', 'usb-Acme_GPS-if00-port0'));
    const gpsEnd = await openSerialLink({ path: gps.simulatorPath });
    let heard = '';
    gpsEnd.onData((chunk) => {
      heard += Buffer.from(chunk).toString('latin1');
    });
    stops.push(async () => {
      await gpsEnd.close();
      await gps.close();
    });
    const stick = await plugIn(dir, 'ttyUSB2');

    const { sell, timeline, stateOf } = await shop(dir, [
      onPort('modem-1', path.join(dir, 'ttyUSB1'), GENERIC_ICCID),
    ]);
    expect(stateOf('modem-1')).toMatchObject({ state: 'ready', iccid: GENERIC_ICCID });
    expect(timeline).toEqual(['modem-1 replugged', 'modem-1 opened']);
    expect(await sell('687123456')).toMatchObject({ status: 'succeeded', modemId: 'modem-1' });
    expect(stick.topUps()).toEqual(['687123456']);
    // Each look: the ESC every AT channel starts with (it ends a left-open SMS prompt), one AT.
    expect(heard.split('\u001bAT\r').every((between) => between === '')).toBe(true);
    expect(heard).toContain('AT\r');
  });

  it('refuses a port holding another dealer SIM until a manager confirms it, then sells', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'by-id'));
    const stick = await plugIn(dir, 'ttyUSB0', 'sim-swapped');
    const { bank, sell, timeline, stateOf } = await shop(dir, [
      onPort('modem-1', path.join(dir, 'ttyUSB0'), GENERIC_ICCID),
    ]);
    expect(stateOf('modem-1')).toMatchObject({
      state: 'out-of-service',
      iccid: SWAPPED_ICCID,
      simChange: { expectedIccid: GENERIC_ICCID, foundIccid: SWAPPED_ICCID },
    });
    expect(timeline).toContain('modem-1 sim-changed');

    const refused = await sell('687123456');
    expect(refused).toMatchObject({ status: 'failed', modemId: null });
    expect(stick.topUps()).toEqual([]);

    // A confirmation for another SIM than the one found changes nothing.
    expect(bank.confirmSim('modem-1', GENERIC_ICCID)).toBe(false);
    expect(stateOf('modem-1')?.state).toBe('out-of-service');
    expect(bank.confirmSim('modem-1', SWAPPED_ICCID)).toBe(true);
    await until(
      () => stateOf('modem-1')?.state,
      (state) => state === 'ready',
      'the modem',
    );
    expect(timeline).toContain('modem-1 sim-confirmed');
    expect(await sell('687654321')).toMatchObject({ status: 'succeeded', modemId: 'modem-1' });
    expect(stick.topUps()).toEqual(['687654321']);
  });

  it('leaves a top-up cut by an unplug unknown, and never sends it again when the stick returns', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'by-id'));
    // The network takes the top-up at once and answers 2 s later: the stick goes in between.
    const stick = await plugIn(dir, 'ttyUSB0', ['generic', { networkLatencyMs: 2000 }]);
    const { sell, journal, stateOf } = await shop(dir, [
      onPort('modem-1', path.join(dir, 'ttyUSB0'), GENERIC_ICCID),
    ]);
    const selling = sell('687123456');
    await until(
      () => stick.topUps(),
      (taken) => taken.length === 1,
      'the network to take it',
    );
    await stick.replug('ttyUSB2', 200);
    const sale = await selling;
    expect(sale).toMatchObject({ status: 'unknown', modemId: 'modem-1' });
    // Said as soon as the port went, not after the carrier's time-out.
    expect(journal.events(sale.id).at(-1)?.reason).toMatch(/unplugged/);

    await until(
      () => stateOf('modem-1')?.state,
      (state) => state === 'ready',
      'the replug',
    );
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(stick.topUps()).toEqual(['687123456']);
    expect(journal.get(sale.id)?.status).toBe('unknown');
  });
});
