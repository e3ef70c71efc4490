import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { stableLinks, withStablePaths } from '../../../electron/bank/ports';
import { type PtySimulator, startSimulatorOnPty } from '../../../electron/gsm/simulator/pty';
import { createClient } from '../../../shared/api/client';
import { httpTransport } from '../../../shared/api/http-transport';
import { refusal } from '../../support/api';
import { withTestHosts } from '../../support/host';
import { withTempDirs } from '../../support/temp';
import { until } from '../../support/until';

const startTestHost = withTestHosts();
const tempDir = withTempDirs();
const simulators: PtySimulator[] = [];
afterEach(async () => {
  for (const simulator of simulators.splice(0)) await simulator.stop();
});

function clientOf(url: string) {
  return createClient(
    httpTransport({ baseUrl: url, WebSocket: WebSocket as never, reconnectMs: 50 }),
  );
}

/** A shop (not the demo) with its first manager signed in, and a modem plugged into a port. */
async function shopWithModemPort() {
  const started = await startTestHost({ demo: false });
  const manager = clientOf(started.host.url);
  manager.setToken((await manager.call('auth.setup', { name: 'Mere', pin: '4711' })).token);
  const simulator = await startSimulatorOnPty({ linkPath: path.join(tempDir(), 'ttyUSB0') });
  simulators.push(simulator);
  return { ...started, manager, simulator };
}

describe('configuring the real modem bank', () => {
  it('takes a modem on a port into service and renews through it with its sealed dealer PIN', async () => {
    const { manager, simulator, core, databaseFile } = await shopWithModemPort();
    const { modem } = await manager.call('modems.save', {
      id: 'modem-1',
      carrierId: 'nc-demo',
      path: simulator.modemPath,
      dealerPin: '1234',
    });
    expect(modem).toEqual({
      id: 'modem-1',
      carrierId: 'nc-demo',
      path: simulator.modemPath,
      baudRate: null,
      hardwareFlowControl: false,
      iccid: null,
      imei: null,
      hasDealerPin: true,
    });
    const { modems } = await until(
      () => manager.call('modems.list', {}),
      ({ modems }) => modems[0]?.state === 'ready',
    );
    expect(modems).toEqual([
      expect.objectContaining({ id: 'modem-1', simulated: false, registration: 'registered-home' }),
    ]);

    const { sale } = await manager.call('sales.renew', {
      msisdn: '687 77 78 88',
      planId: '1go',
      payment: { method: 'card', reference: 'TPE-0042' },
      idempotencyKey: 'real-modem-sale-0001',
    });
    expect(sale).toMatchObject({ status: 'succeeded', modemId: 'modem-1' });

    // The PIN is in no answer, no journal row and not in the database file.
    const settings = await manager.call('modems.listSettings', {});
    // Its SIM's ICCID, 89687010000123456788, has the digits 1234 in it: not the PIN.
    const withoutIccid = settings.modems.map(({ iccid, ...rest }) => rest);
    expect(settings.modems[0]?.iccid).toBe('89687010000123456788');
    expect(JSON.stringify(withoutIccid)).not.toContain('1234');
    const transcripts = core.db
      .prepare('SELECT transcript FROM sale_events WHERE transcript IS NOT NULL')
      .pluck()
      .all()
      .join('\n');
    expect(transcripts).toMatch(/AT\+CUSD/);
    expect(transcripts).not.toMatch(/"1234"|,1234\b/);
    const pinFile = path.join(path.dirname(databaseFile), 'shop.dealer-pins.json');
    expect(fs.readFileSync(pinFile, 'utf8')).not.toContain('1234');
  });

  it('binds a modem to the dealer SIM it learns, and uses another SIM only once a manager confirms it', async () => {
    const { manager, simulator } = await shopWithModemPort();
    await manager.call('modems.save', {
      id: 'modem-1',
      carrierId: 'nc-demo',
      path: simulator.modemPath,
      dealerPin: '1234',
    });
    // Learnt at its first opening, and kept with the settings.
    const { modems: learnt } = await until(
      () => manager.call('modems.listSettings', {}),
      ({ modems }) => modems[0]?.iccid !== null,
      'the SIM to be learnt',
    );
    expect(learnt[0]).toMatchObject({ iccid: '89687010000123456788', imei: '356938035643809' });

    // Another stick, holding another SIM, set up as the same dealer SIM: not used.
    const swapped = await startSimulatorOnPty({
      linkPath: path.join(tempDir(), 'ttyUSB1'),
      profile: 'sim-swapped',
    });
    simulators.push(swapped);
    await manager.call('modems.save', {
      id: 'modem-2',
      carrierId: 'nc-demo',
      path: swapped.modemPath,
      dealerPin: '1234',
      iccid: '89687010000555555558',
    });
    const { modems } = await until(
      () => manager.call('modems.list', {}),
      (listed) => listed.modems.find((m) => m.id === 'modem-2')?.state === 'out-of-service',
      'the SIM change',
    );
    expect(modems.find((m) => m.id === 'modem-2')).toMatchObject({
      iccid: '89687010000999999994',
      simChange: { expectedIccid: '89687010000555555558', foundIccid: '89687010000999999994' },
    });

    const confirm = { id: 'modem-2', iccid: '89687010000999999994' };
    const stale = await refusal(
      manager.call('modems.confirmSim', { ...confirm, iccid: '89687010000555555558' }),
    );
    expect(stale.code).toBe('conflict');
    expect(
      (await refusal(manager.call('modems.confirmSim', { ...confirm, id: 'modem-9' }))).code,
    ).toBe('not_found');
    expect(await manager.call('modems.confirmSim', confirm)).toEqual({});
    await until(
      () => manager.call('modems.list', {}),
      (listed) => listed.modems.every((m) => m.state === 'ready' && m.simChange === null),
      'the confirmed modem',
    );
    const settings = (await manager.call('modems.listSettings', {})).modems;
    expect(settings.find((m) => m.id === 'modem-2')?.iccid).toBe('89687010000999999994');
    // Now the SIM is modem-2: no other modem may be set up as it.
    const taken = await refusal(
      manager.call('modems.save', {
        id: 'modem-3',
        carrierId: 'nc-demo',
        path: '/dev/ttyUSB7',
        dealerPin: '1234',
        iccid: '89687010000999999994',
      }),
    );
    expect(taken.issues?.[0]).toMatchObject({ path: 'iccid', code: 'sim_in_use' });
    expect((await manager.call('modems.listSettings', {})).modems).toHaveLength(2);
  });

  it('keeps the dealer PIN when a modem is edited without one, and forgets it on removal', async () => {
    const { manager, simulator } = await shopWithModemPort();
    const base = { id: 'modem-1', carrierId: 'nc-demo', path: simulator.modemPath };
    await manager.call('modems.save', { ...base, dealerPin: '1234' });
    const { modem } = await manager.call('modems.save', { ...base, baudRate: 9600 });
    expect(modem).toMatchObject({ baudRate: 9600, hasDealerPin: true });
    await manager.call('modems.remove', { id: 'modem-1' });
    expect(await manager.call('modems.listSettings', {})).toEqual({ modems: [] });
    expect((await manager.call('modems.list', {})).modems).toEqual([]);
    const again = await refusal(manager.call('modems.save', base));
    expect(again.issues?.[0]).toMatchObject({ path: 'dealerPin', code: 'required' });
  });

  it('refuses bad modem settings and changes nothing', async () => {
    const { manager, simulator } = await shopWithModemPort();
    const good = {
      id: 'modem-1',
      carrierId: 'nc-demo',
      path: simulator.modemPath,
      dealerPin: '1234',
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, id: 'Modem 1' }, 'id'],
      [{ ...good, carrierId: 'nowhere' }, 'carrierId'],
      [{ ...good, dealerPin: '12*4#' }, 'dealerPin'],
      [{ ...good, dealerPin: '123' }, 'dealerPin'],
      [{ ...good, path: '/dev/ttyUSB0\r\nATZ' }, 'path'],
      [{ ...good, baudRate: 1234 }, 'baudRate'],
    ];
    for (const [input, field] of cases) {
      const error = await refusal(manager.call('modems.save', input as never));
      expect(error.code, field).toBe('invalid_input');
      expect(error.issues?.[0]?.path, field).toBe(field);
    }
    await manager.call('modems.save', good);
    const taken = await refusal(manager.call('modems.save', { ...good, id: 'modem-2' }));
    expect(taken.issues?.[0]).toMatchObject({ path: 'path', code: 'port_in_use' });
    expect((await manager.call('modems.listSettings', {})).modems.map((m) => m.id)).toEqual([
      'modem-1',
    ]);
    expect((await refusal(manager.call('modems.remove', { id: 'modem-9' }))).code).toBe(
      'not_found',
    );
  });

  it('leaves modem settings to a manager, and the demo bank alone', async () => {
    const { host } = await shopWithModemPort();
    const anonymous = clientOf(host.url);
    expect((await refusal(anonymous.call('modems.listSettings', {}))).code).toBe('unauthorized');

    const demo = await startTestHost({ demo: true });
    const clerk = clientOf(demo.host.url);
    clerk.setToken((await clerk.call('auth.login', { name: 'clerk', pin: '1111' })).token);
    expect((await refusal(clerk.call('modems.listSettings', {}))).code).toBe('forbidden');
    const demoManager = clientOf(demo.host.url);
    demoManager.setToken(
      (await demoManager.call('auth.login', { name: 'manager', pin: '9999' })).token,
    );
    expect(await demoManager.call('modems.listSettings', {})).toEqual({ modems: [] });
    const refused = await refusal(
      demoManager.call('modems.save', {
        id: 'modem-1',
        carrierId: 'nc-demo',
        path: '/dev/ttyUSB0',
        dealerPin: '1234',
      }),
    );
    expect(refused.code).toBe('conflict');
  });
});

describe('choosing a port', () => {
  it('names each port by the by-id link that survives replugging', async () => {
    const folder = tempDir();
    const target = path.join(tempDir(), 'ttyUSB3');
    fs.writeFileSync(target, '');
    fs.symlinkSync(target, path.join(folder, 'usb-HUAWEI_Mobile-if00-port0'));
    fs.symlinkSync(path.join(folder, 'gone'), path.join(folder, 'usb-dangling'));
    const links = await stableLinks(folder);
    expect(
      withStablePaths(
        [
          { path: target, manufacturer: 'HUAWEI', vendorId: '12d1', productId: '1506' },
          { path: '/dev/ttyS0', manufacturer: undefined },
        ],
        links,
      ),
    ).toEqual([
      {
        path: target,
        stablePath: path.join(folder, 'usb-HUAWEI_Mobile-if00-port0'),
        manufacturer: 'HUAWEI',
        vendorId: '12d1',
        productId: '1506',
      },
      { path: '/dev/ttyS0', stablePath: null, manufacturer: null, vendorId: null, productId: null },
    ]);
    expect(await stableLinks(path.join(folder, 'missing'))).toEqual(new Map());
  });
});
