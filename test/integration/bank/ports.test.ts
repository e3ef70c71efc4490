import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  kernelSerialPorts,
  listSerialPorts,
  serialDevicePaths,
  usbIdOfPort,
} from '../../../electron/bank/ports';
import { createDeviceTree } from '../../support/device-tree';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();

/** A sysfs tree as a Linux kernel lays it out: devices under devices/, buses under bus/. */
function sysfs() {
  const root = tempDir();
  const at = (...parts: string[]) => path.join(root, ...parts);
  const folder = (...parts: string[]) => {
    fs.mkdirSync(at(...parts), { recursive: true });
    return at(...parts);
  };
  const onBus = (device: string, bus: string) =>
    fs.symlinkSync(folder('bus', bus), path.join(device, 'subsystem'));
  const tty = (name: string, device: string | null) => {
    const entry = folder('devices', 'virtual', 'tty', name);
    if (device) fs.symlinkSync(device, path.join(entry, 'device'));
    fs.symlinkSync(entry, path.join(folder('class', 'tty'), name));
  };
  return { root, at, folder, onBus, tty };
}

describe('the serial ports the kernel lists', () => {
  it('names each USB port’s maker and ids, and leaves consoles and placeholders out', async () => {
    const sys = sysfs();
    // A Huawei stick (usb-serial driver): ttyUSB0 → its port → interface → the USB device.
    const stick = sys.folder('devices', 'pci0000:00', 'usb1', '1-1');
    sys.onBus(stick, 'usb');
    fs.writeFileSync(path.join(stick, 'idVendor'), '12d1\n');
    fs.writeFileSync(path.join(stick, 'idProduct'), '1506\n');
    fs.writeFileSync(path.join(stick, 'manufacturer'), 'HUAWEI\n');
    const stickInterface = sys.folder('devices', 'pci0000:00', 'usb1', '1-1', '1-1:1.0');
    sys.onBus(stickInterface, 'usb');
    const stickPort = sys.folder('devices', 'pci0000:00', 'usb1', '1-1', '1-1:1.0', 'ttyUSB0');
    sys.onBus(stickPort, 'usb-serial');
    sys.tty('ttyUSB0', stickPort);
    // A modem with a CDC ACM interface and no manufacturer string.
    const acm = sys.folder('devices', 'pci0000:00', 'usb1', '1-2');
    sys.onBus(acm, 'usb');
    fs.writeFileSync(path.join(acm, 'idVendor'), '1e0e');
    fs.writeFileSync(path.join(acm, 'idProduct'), '9001');
    const acmInterface = sys.folder('devices', 'pci0000:00', 'usb1', '1-2', '1-2:1.2');
    sys.onBus(acmInterface, 'usb');
    sys.tty('ttyACM0', acmInterface);
    // A real UART on the board, seen through the serial core's port device (kernel 6.x).
    const uart = sys.folder('devices', 'pnp0', '00:00');
    sys.onBus(uart, 'pnp');
    const uartPort = sys.folder('devices', 'pnp0', '00:00', '00:00:0', '00:00:0.0');
    sys.onBus(uartPort, 'serial-base');
    sys.onBus(path.dirname(uartPort), 'serial-base');
    sys.tty('ttyS0', uartPort);
    // serial8250's placeholders, made whether or not a UART is there.
    const placeholder = sys.folder('devices', 'platform', 'serial8250');
    sys.onBus(placeholder, 'platform');
    const placeholderPort = sys.folder('devices', 'platform', 'serial8250', 'serial8250:0.3');
    sys.onBus(placeholderPort, 'serial-base');
    sys.tty('ttyS3', placeholderPort);
    // Virtual terminals and the console have no device.
    sys.tty('tty1', null);
    sys.tty('console', null);

    expect(await kernelSerialPorts(sys.at('class', 'tty'))).toEqual([
      { path: '/dev/ttyACM0', vendorId: '1e0e', productId: '9001', manufacturer: undefined },
      { path: '/dev/ttyS0' },
      { path: '/dev/ttyUSB0', vendorId: '12d1', productId: '1506', manufacturer: 'HUAWEI' },
    ]);
  });

  it('tells each port’s USB interface: its number, class triple and driver', async () => {
    const tree = createDeviceTree(tempDir());
    const huawei = { device: '1-1', usbId: '12d1:1506', manufacturer: 'HUAWEI' };
    tree.addUsbSerialPort({ ...huawei, name: 'ttyUSB0', interface: 0, interfaceClass: 'ff/02/01' });
    tree.addUsbSerialPort({
      ...huawei,
      name: 'ttyUSB1',
      interface: 10,
      interfaceClass: 'FF/02/02',
    });
    tree.addUsbSerialPort({ name: 'ttyACM0', device: '1-2', usbId: '1bc7:1201', interface: 0 });
    const usbPort = (name: string, usbInterface: number, usbClass: string, driver: string) => ({
      path: tree.devicePath(name),
      usbInterface,
      usbClass,
      driver,
    });
    expect(
      await kernelSerialPorts(path.join(tree.root, 'sys/class/tty'), path.join(tree.root, 'dev')),
    ).toEqual([
      { ...usbPort('ttyACM0', 0, 'ff/ff/ff', 'cdc_acm'), vendorId: '1bc7', productId: '1201' },
      {
        ...usbPort('ttyUSB0', 0, 'ff/02/01', 'option'),
        vendorId: '12d1',
        productId: '1506',
        manufacturer: 'HUAWEI',
      },
      {
        ...usbPort('ttyUSB1', 10, 'ff/02/02', 'option'),
        vendorId: '12d1',
        productId: '1506',
        manufacturer: 'HUAWEI',
      },
    ]);
  });

  it('lists nothing where there is no sysfs', async () => {
    expect(await kernelSerialPorts(path.join(tempDir(), 'missing'))).toEqual([]);
  });

  it.runIf(process.platform === 'linux')(
    'lists this machine’s ports without udev: real devices only, each in /dev',
    async () => {
      const ports = await listSerialPorts();
      for (const port of ports) {
        expect(port.path).toMatch(/^\/dev\/(?!tty\d|console|ptmx)/);
        expect(fs.existsSync(port.path)).toBe(true);
      }
    },
  );
});

describe('the USB id of a port, for modem profiles that match on it', () => {
  it('is found by the port’s name or by a link to it; a port of no USB device has none', async () => {
    const dev = tempDir();
    const ttyUSB0 = path.join(dev, 'ttyUSB0');
    const ttyS0 = path.join(dev, 'ttyS0');
    fs.writeFileSync(ttyUSB0, '');
    fs.writeFileSync(ttyS0, '');
    const byId = path.join(dev, 'usb-HUAWEI_Mobile-if00-port0');
    fs.symlinkSync(ttyUSB0, byId);
    const found = async () => [
      { path: ttyUSB0, vendorId: '12D1', productId: '1506', manufacturer: 'HUAWEI' },
      { path: ttyS0 },
    ];
    expect(await usbIdOfPort(ttyUSB0, found)).toBe('12d1:1506');
    expect(await usbIdOfPort(byId, found)).toBe('12d1:1506');
    expect(await usbIdOfPort(ttyS0, found)).toBeNull();
    expect(await usbIdOfPort(path.join(dev, 'ttyUSB9'), found)).toBeNull();
  });
});

describe('the devices a modem may be found on', () => {
  it('are each by-id link, then each port no link names', async () => {
    const dir = tempDir();
    const byId = path.join(dir, 'by-id');
    fs.mkdirSync(byId);
    for (const name of ['ttyUSB0', 'ttyUSB1', 'ttyACM0'])
      fs.writeFileSync(path.join(dir, name), '');
    const link = path.join(byId, 'usb-Quectel_EC25-if02-port0');
    fs.symlinkSync(path.join(dir, 'ttyUSB1'), link);
    const found = async () =>
      ['ttyUSB0', 'ttyUSB1', 'ttyACM0'].map((name) => ({
        path: fs.realpathSync(path.join(dir, name)),
      }));
    expect(await serialDevicePaths(byId, found)).toEqual([
      link,
      fs.realpathSync(path.join(dir, 'ttyUSB0')),
      fs.realpathSync(path.join(dir, 'ttyACM0')),
    ]);
    expect(await serialDevicePaths(path.join(dir, 'none'), async () => [])).toEqual([]);
  });
});
