/**
 * A folder laid out like `/` on a Linux machine with USB modems plugged in, as the kernel shows
 * them (sys/devices, sys/class/tty, the drivers' links) and as udev names them
 * (dev/serial/by-id): what `modems.detect` reads, for tests and for trying detection without
 * hardware. The ports' device files (dev/ttyUSB2...) are the test's: a simulated modem's PTY link
 * or nothing at all.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface UsbSerialPortSpec {
  /** The kernel's name for the port: ttyUSB2, ttyACM0. */
  name: string;
  /** The USB device's place on the bus, e.g. 1-1 (ports of one modem share it). */
  device: string;
  /** `2c7c:0125`. */
  usbId: string;
  manufacturer?: string;
  product?: string;
  interface: number;
  /** class/subclass/protocol in hex, `ff/ff/ff` by default (vendor-specific, as most modems). */
  interfaceClass?: string;
  driver?: string;
  /** The by-id name udev would give it; none when left out. */
  byId?: string;
}

const hex2 = (value: number) => value.toString(16).padStart(2, '0');

export function createDeviceTree(root: string) {
  const at = (...parts: string[]) => path.join(root, ...parts);
  const folder = (...parts: string[]) => {
    fs.mkdirSync(at(...parts), { recursive: true });
    return at(...parts);
  };
  const write = (dir: string, name: string, text: string) =>
    fs.writeFileSync(path.join(dir, name), `${text}\n`);
  const onBus = (dir: string, bus: string) => {
    const link = path.join(dir, 'subsystem');
    if (!fs.existsSync(link)) fs.symlinkSync(folder('sys', 'bus', bus), link);
  };
  folder('dev', 'serial', 'by-id');
  folder('sys', 'class', 'tty');

  return {
    root,
    /** Where a port's device file goes: give it to the simulator as its link path. */
    devicePath: (name: string) => at('dev', name),
    byIdPath: (name: string) => at('dev', 'serial', 'by-id', name),
    addUsbSerialPort(spec: UsbSerialPortSpec) {
      const [vendorId = '', productId = ''] = spec.usbId.split(':');
      const usbDevice = folder('sys', 'devices', 'pci0000:00', 'usb1', spec.device);
      onBus(usbDevice, 'usb');
      write(usbDevice, 'idVendor', vendorId);
      write(usbDevice, 'idProduct', productId);
      if (spec.manufacturer) write(usbDevice, 'manufacturer', spec.manufacturer);
      if (spec.product) write(usbDevice, 'product', spec.product);
      const usbInterface = folder(
        'sys',
        'devices',
        'pci0000:00',
        'usb1',
        spec.device,
        `${spec.device}:1.${spec.interface}`,
      );
      onBus(usbInterface, 'usb');
      const [klass = 'ff', subclass = 'ff', protocol = 'ff'] = (
        spec.interfaceClass ?? 'ff/ff/ff'
      ).split('/');
      write(usbInterface, 'bInterfaceNumber', hex2(spec.interface));
      write(usbInterface, 'bInterfaceClass', klass);
      write(usbInterface, 'bInterfaceSubClass', subclass);
      write(usbInterface, 'bInterfaceProtocol', protocol);
      const driver = spec.driver ?? (spec.name.startsWith('ttyACM') ? 'cdc_acm' : 'option');
      fs.symlinkSync(
        folder('sys', 'bus', 'usb', 'drivers', driver),
        path.join(usbInterface, 'driver'),
      );
      // ttyACM hangs off the interface itself; ttyUSB off a usb-serial port device below it.
      let port = usbInterface;
      if (!spec.name.startsWith('ttyACM')) {
        port = path.join(usbInterface, spec.name);
        fs.mkdirSync(port);
        onBus(port, 'usb-serial');
      }
      const entry = path.join(port, 'tty', spec.name);
      fs.mkdirSync(entry, { recursive: true });
      fs.symlinkSync(port, path.join(entry, 'device'));
      fs.symlinkSync(entry, at('sys', 'class', 'tty', spec.name));
      if (spec.byId) {
        fs.symlinkSync(path.join('..', '..', spec.name), at('dev', 'serial', 'by-id', spec.byId));
      }
    },
  };
}
