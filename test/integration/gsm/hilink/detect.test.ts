/**
 * Finding HiLink sticks: a fake sysfs tree laid out as the kernel lays out a Huawei E3372h in
 * HiLink mode (a cdc_ether interface of a 12d1 device), beside a PC's own Ethernet card and an
 * Ethernet gadget of another vendor, and a route table; the stick itself is the simulated one,
 * on 127.0.0.1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  defaultHilinkAddresses,
  findHilinkSticks,
  gatewaysOf,
  hilinkInterfaces,
} from '../../../../electron/gsm/hilink/detect';
import {
  type HilinkSimulator,
  startHilinkSimulator,
} from '../../../../electron/gsm/hilink/simulator';
import { withTempDirs } from '../../../support/temp';

const tempDir = withTempDirs('comptoir-sysfs-');
const sticks: HilinkSimulator[] = [];
afterEach(async () => {
  for (const stick of sticks.splice(0)) await stick.close();
});

const ROUTES = [
  'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT',
  'enp3s0\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0',
  'enx0c5b8f279a64\t00000000\t0108A8C0\t0003\t0\t0\t700\t00000000\t0\t0\t0',
  'enx0c5b8f279a64\t0008A8C0\t00000000\t0001\t0\t0\t700\t00FFFFFF\t0\t0\t0',
].join('\n');

/** One network interface: its class link, device folder, driver link and USB ids. */
function netInterface(
  root: string,
  name: string,
  device: {
    bus: string;
    driver: string;
    usb?: { vendor: string; product: string; number: string };
  },
) {
  const usbDevice = path.join(root, 'devices', device.bus);
  const iface = path.join(usbDevice, `${device.bus}:1.0`);
  fs.mkdirSync(path.join(iface, 'net', name), { recursive: true });
  const driver = path.join(root, 'bus', 'drivers', device.driver);
  fs.mkdirSync(driver, { recursive: true });
  fs.symlinkSync(driver, path.join(iface, 'driver'));
  fs.symlinkSync(iface, path.join(iface, 'net', name, 'device'));
  if (device.usb) {
    fs.writeFileSync(path.join(usbDevice, 'idVendor'), `${device.usb.vendor}\n`);
    fs.writeFileSync(path.join(usbDevice, 'idProduct'), `${device.usb.product}\n`);
    fs.writeFileSync(path.join(iface, 'bInterfaceNumber'), `${device.usb.number}\n`);
  }
  fs.mkdirSync(path.join(root, 'class', 'net'), { recursive: true });
  fs.symlinkSync(path.join(iface, 'net', name), path.join(root, 'class', 'net', name));
}

function machine() {
  const root = tempDir();
  netInterface(root, 'enx0c5b8f279a64', {
    bus: '1-1.2',
    driver: 'cdc_ether',
    usb: { vendor: '12d1', product: '14dc', number: '00' },
  });
  netInterface(root, 'enp3s0', { bus: 'pci0000:00', driver: 'r8169' });
  netInterface(root, 'usb0', {
    bus: '1-1.4',
    driver: 'rndis_host',
    usb: { vendor: '0525', product: 'a4a2', number: '00' },
  });
  fs.mkdirSync(path.join(root, 'class', 'net', 'lo'));
  const routeTable = path.join(root, 'route');
  fs.writeFileSync(routeTable, ROUTES);
  return { sysClassNet: path.join(root, 'class', 'net'), routeTable };
}

describe('finding HiLink sticks', () => {
  it('reads the gateways of the route table, in its byte order', () => {
    expect(gatewaysOf(ROUTES)).toEqual(
      new Map([
        ['enp3s0', '192.168.1.1'],
        ['enx0c5b8f279a64', '192.168.8.1'],
      ]),
    );
  });

  it('keeps only the network interfaces of Huawei devices with a HiLink driver', async () => {
    const found = await hilinkInterfaces(machine());
    expect(found).toEqual([
      {
        name: 'enx0c5b8f279a64',
        driver: 'cdc_ether',
        vendorId: '12d1',
        productId: '14dc',
        interface: 0,
        gateway: '192.168.8.1',
      },
    ]);
    expect(defaultHilinkAddresses(found[0] as (typeof found)[0])).toEqual(['http://192.168.8.1']);
  });

  it('asks each address given until the stick answers, and tells what it holds', async () => {
    const stick = await startHilinkSimulator();
    sticks.push(stick);
    const closed = 'http://127.0.0.1:9';
    const asked: string[] = [];
    const found = await findHilinkSticks({
      ...machine(),
      addressesFor: (candidate) => {
        asked.push(candidate.name);
        return [closed, `${stick.url}/`];
      },
      timeoutMs: 1000,
    });
    expect(asked).toEqual(['enx0c5b8f279a64']);
    expect(found).toEqual([
      {
        path: stick.url,
        usb: { vendorId: '12d1', productId: '14dc', interface: 0, driver: 'cdc_ether' },
        interfaceName: 'enx0c5b8f279a64',
        modem: {
          imei: '867000000000017',
          iccid: '8968700000000000017',
          imsi: '546010000000017',
          model: 'E3372h-320',
          operator: 'NC Mobile Demo',
          signal: { csq: 23, dbm: -67, bars: 4 },
        },
      },
    ]);
  });

  it('finds nothing where no stick answers, and probes a named address without sysfs', async () => {
    const stick = await startHilinkSimulator();
    sticks.push(stick);
    const empty = tempDir();
    expect(
      await findHilinkSticks({
        ...machine(),
        addressesFor: () => ['http://127.0.0.1:9'],
        timeoutMs: 500,
      }),
    ).toEqual([]);
    const named = await findHilinkSticks({
      sysClassNet: empty,
      routeTable: path.join(empty, 'route'),
      extraAddresses: [stick.url],
    });
    expect(named).toEqual([
      expect.objectContaining({ path: stick.url, usb: null, interfaceName: null }),
    ]);
  });
});
