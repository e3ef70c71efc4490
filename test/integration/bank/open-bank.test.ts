/**
 * The shop's bank as the core opens it: the SIM a modem learns is kept with its settings, and
 * the hot-plug watcher brings a replugged stick back within seconds (before any reconnect timer).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventBus } from '../../../electron/api/event-bus';
import { openBank } from '../../../electron/bank/open-bank';
import { openCarrierBook } from '../../../electron/carriers/book';
import { type PtySimulator, startSimulatorOnPty } from '../../../electron/gsm/simulator/pty';
import { openDatabase } from '../../../electron/store/database';
import { shopProfileStore } from '../../../electron/store/shop-profile';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';
import { until } from '../../support/until';
import { SHIPPED_CARRIERS } from '../../unit/carriers/demo-profile';

const tempDir = withTempDirs();
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

const quiet = { error() {}, warn() {}, info() {} };
const caller = {
  user: null,
  token: null,
  client: 'test',
  till: { id: 'hub-till-1', name: '1', kind: 'hub' as const },
};

describe('the shop bank as opened by the core', () => {
  it('keeps the SIM a modem learns, and the watcher brings its stick back under a new name', async () => {
    const dir = tempDir();
    const byIdFolder = path.join(dir, 'by-id');
    fs.mkdirSync(byIdFolder);
    let stick: PtySimulator = await startSimulatorOnPty({
      linkPath: path.join(dir, 'ttyUSB0'),
      byIdLink: path.join(byIdFolder, 'usb-Comptoir_SIM-1-if00-port0'),
    });
    stops.push(() => stick.stop());
    const databaseFile = path.join(dir, 'shop.sqlite');
    const { db } = openDatabase(databaseFile);
    const now = () => new Date();
    const modems = openBank({
      db,
      databaseFile,
      demoBank: null,
      modemProfileDirs: [SHIPPED_MODEMS],
      shop: shopProfileStore(db, now),
      carriers: await openCarrierBook([SHIPPED_CARRIERS], path.join(dir, 'carriers'), quiet),
      events: createEventBus(quiet),
      now,
      log: quiet,
      devices: { byIdFolder, watchFolders: [byIdFolder] },
    });
    stops.push(async () => {
      await modems.close();
      db.close();
    });
    await modems.bank.start();
    const saved = {
      id: 'modem-1',
      carrierId: 'nc-demo',
      path: path.join(dir, 'ttyUSB0'),
      baudRate: null,
      hardwareFlowControl: false,
      iccid: null,
      imei: null,
      dealerPin: '1234',
    };
    await modems.handlers['modems.save'](saved, caller);
    const state = () => modems.bank.statuses()[0]?.state;
    await until(state, (now) => now === 'ready', 'the modem');
    const settings = await modems.handlers['modems.listSettings']({}, caller);
    expect(settings.modems[0]).toMatchObject({ iccid: '89687010000123456788' });

    const pulled = Date.now();
    stick = await stick.replug(path.join(dir, 'ttyUSB3'), 300);
    await until(state, (now) => now === 'offline', 'the unplug');
    await until(state, (now) => now === 'ready', 'the replug');
    // The bank's own reconnect waits 5 s: the watcher is what brought it back this soon.
    expect(Date.now() - pulled).toBeLessThan(4000);
  });
});
