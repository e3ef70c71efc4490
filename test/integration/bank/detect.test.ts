import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createPtyPair } from '../../../electron/gsm/link/pty-pair';
import { openSerialLink } from '../../../electron/gsm/link/serial-link';
import type { SimulatedModemOptions } from '../../../electron/gsm/simulator/modem';
import { startSimulatorOnPty } from '../../../electron/gsm/simulator/pty';
import { createClient } from '../../../shared/api/client';
import { httpTransport } from '../../../shared/api/http-transport';
import { refusal } from '../../support/api';
import { createDeviceTree } from '../../support/device-tree';
import { withTestHosts } from '../../support/host';
import { withTempDirs } from '../../support/temp';
import { until } from '../../support/until';

const startTestHost = withTestHosts();
const tempDir = withTempDirs();
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

function clientOf(url: string) {
  return createClient(
    httpTransport({ baseUrl: url, WebSocket: WebSocket as never, reconnectMs: 50 }),
  );
}

async function simulatorAt(linkPath: string, profile?: SimulatedModemOptions['profile']) {
  const simulator = await startSimulatorOnPty({ linkPath, ...(profile ? { profile } : {}) });
  stops.push(() => simulator.stop());
  return simulator;
}

/** A port with a device behind it that never answers: what it was sent is kept, byte for byte. */
async function silentDeviceAt(linkPath: string) {
  const pair = await createPtyPair(linkPath);
  const link = await openSerialLink({ path: pair.simulatorPath });
  const received: Buffer[] = [];
  link.onData((chunk) => received.push(Buffer.from(chunk)));
  stops.push(async () => {
    await link.close();
    await pair.close();
  });
  return { received: () => Buffer.concat(received).toString('latin1') };
}

describe('detecting the modems plugged into this machine', () => {
  it('lists every USB serial port, identifies the modems, guesses their carrier, and writes only AT to a port that did not answer', async () => {
    const tree = createDeviceTree(tempDir());
    // A Quectel EC25: its diagnostics port (interface 0) and its AT port (interface 2).
    tree.addUsbSerialPort({
      name: 'ttyUSB0',
      device: '1-1',
      usbId: '2c7c:0125',
      manufacturer: 'Quectel',
      interface: 0,
      byId: 'usb-Quectel_EC25-if00-port0',
    });
    tree.addUsbSerialPort({
      name: 'ttyUSB2',
      device: '1-1',
      usbId: '2c7c:0125',
      manufacturer: 'Quectel',
      interface: 2,
      byId: 'usb-Quectel_EC25-if02-port0',
    });
    // A modem the table does not know, on CDC ACM: probed with AT, it answers, it is identified.
    tree.addUsbSerialPort({
      name: 'ttyACM0',
      device: '1-2',
      usbId: '1bc7:1201',
      interface: 0,
      byId: 'usb-Telit_LE910-if00',
    });
    // A USB serial adapter with a device behind it that never answers.
    tree.addUsbSerialPort({
      name: 'ttyUSB5',
      device: '1-3',
      usbId: '0403:6001',
      interface: 0,
      driver: 'ftdi_sio',
      byId: 'usb-FTDI_FT232R_A50285BI-if00-port0',
    });
    // A SIMCom SIM7600 the shop already has in its bank, by its by-id name.
    tree.addUsbSerialPort({
      name: 'ttyUSB7',
      device: '1-4',
      usbId: '1e0e:9001',
      interface: 2,
      byId: 'usb-SimTech_SIM7600-if02-port0',
    });

    const diagnostics = await silentDeviceAt(tree.devicePath('ttyUSB0'));
    await simulatorAt(tree.devicePath('ttyUSB2'));
    await simulatorAt(tree.devicePath('ttyACM0'), [
      'huawei',
      {
        identity: {
          imei: '356938035643825',
          imsi: '546019876543210',
          iccid: '89687010000987654320',
        },
      },
    ]);
    const adapter = await silentDeviceAt(tree.devicePath('ttyUSB5'));
    await simulatorAt(tree.devicePath('ttyUSB7'), [
      { identity: { imei: '356938035643999', iccid: '89687010000555555552' } },
    ]);

    const { host } = await startTestHost({ demo: false, deviceTree: { root: tree.root } });
    const manager = clientOf(host.url);
    manager.setToken((await manager.call('auth.setup', { name: 'Mere', pin: '4711' })).token);
    await manager.call('modems.save', {
      id: 'modem-1',
      carrierId: 'nc-demo',
      path: tree.byIdPath('usb-SimTech_SIM7600-if02-port0'),
      dealerPin: '1234',
    });
    await until(
      () => manager.call('modems.list', {}),
      ({ modems }) => modems[0]?.state === 'ready',
    );

    const { devices } = await manager.call('modems.detect', {});

    const usb = (vendorId: string, productId: string, usbInterface: number, driver: string) => ({
      vendorId,
      productId,
      interface: usbInterface,
      driver,
    });
    expect(devices).toEqual([
      {
        path: tree.devicePath('ttyACM0'),
        byId: tree.byIdPath('usb-Telit_LE910-if00'),
        usb: usb('1bc7', '1201', 0, 'cdc_acm'),
        role: 'at',
        modem: {
          imei: '356938035643825',
          iccid: '89687010000987654320',
          imsi: '546019876543210',
          operator: expect.any(String),
          signal: expect.any(Number),
          carrierGuess: 'nc-demo',
        },
        link: 'serial',
        configuredAs: null,
      },
      {
        path: tree.devicePath('ttyUSB0'),
        byId: tree.byIdPath('usb-Quectel_EC25-if00-port0'),
        usb: usb('2c7c', '0125', 0, 'option'),
        role: 'other',
        modem: null,
        link: 'serial',
        configuredAs: null,
      },
      {
        path: tree.devicePath('ttyUSB2'),
        byId: tree.byIdPath('usb-Quectel_EC25-if02-port0'),
        usb: usb('2c7c', '0125', 2, 'option'),
        role: 'at',
        modem: {
          imei: '356938035643809',
          iccid: '89687010000123456788',
          imsi: '546010123456789',
          operator: expect.any(String),
          signal: expect.any(Number),
          carrierGuess: 'nc-demo',
        },
        link: 'serial',
        configuredAs: null,
      },
      {
        path: tree.devicePath('ttyUSB5'),
        byId: tree.byIdPath('usb-FTDI_FT232R_A50285BI-if00-port0'),
        usb: usb('0403', '6001', 0, 'ftdi_sio'),
        role: 'unknown',
        modem: null,
        link: 'serial',
        configuredAs: null,
      },
      {
        path: tree.devicePath('ttyUSB7'),
        byId: tree.byIdPath('usb-SimTech_SIM7600-if02-port0'),
        usb: usb('1e0e', '9001', 2, 'option'),
        role: 'at',
        // What the bank knows of its own modem: detection did not open its port.
        modem: {
          imei: '356938035643999',
          iccid: '89687010000555555552',
          imsi: null,
          operator: expect.any(String),
          signal: expect.any(Number),
          carrierGuess: 'nc-demo',
        },
        link: 'serial',
        configuredAs: 'modem-1',
      },
    ]);
    // The adapter that did not answer got one AT and not a byte more; the diagnostics port nothing.
    expect(adapter.received()).toBe('AT\r');
    expect(diagnostics.received()).toBe('');
  });

  it('is for managers only', async () => {
    const tree = createDeviceTree(tempDir());
    const { host } = await startTestHost({ demo: true, deviceTree: { root: tree.root } });
    expect((await refusal(clientOf(host.url).call('modems.detect', {}))).code).toBe('unauthorized');
    const clerk = clientOf(host.url);
    clerk.setToken((await clerk.call('auth.login', { name: 'clerk', pin: '1111' })).token);
    expect((await refusal(clerk.call('modems.detect', {}))).code).toBe('forbidden');
    const manager = clientOf(host.url);
    manager.setToken((await manager.call('auth.login', { name: 'manager', pin: '9999' })).token);
    expect(await manager.call('modems.detect', {})).toEqual({ devices: [] });
  });
});
