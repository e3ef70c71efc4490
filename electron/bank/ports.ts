import fs from 'node:fs/promises';
import path from 'node:path';
import { SerialPort } from 'serialport';
import type { ProcedureOutput } from '../../shared/api/contract';

type PortChoice = ProcedureOutput<'modems.listPorts'>['ports'][number];

export interface FoundPort {
  path: string;
  manufacturer?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
  /** The USB interface the port is (bInterfaceNumber): which of a modem's ports it is. */
  usbInterface?: number | undefined;
  /** The interface's class, subclass and protocol in hex, `ff/02/02` (Huawei tells ports so). */
  usbClass?: string | undefined;
  /** The kernel driver of the interface: option, qcserial, cdc_acm, sierra... */
  driver?: string | undefined;
}

/**
 * Pairs each port with its stable name: /dev/ttyUSB0 may become ttyUSB2 after a replug, but the
 * by-id link names the device itself, so a modem bound to it keeps its dealer SIM.
 */
export function withStablePaths(
  found: readonly FoundPort[],
  stableByTarget: ReadonlyMap<string, string>,
): PortChoice[] {
  return found.map((port) => ({
    path: port.path,
    stablePath: stableByTarget.get(port.path) ?? null,
    manufacturer: port.manufacturer ?? null,
    vendorId: port.vendorId ?? null,
    productId: port.productId ?? null,
  }));
}

/** The by-id links of a folder (Linux: /dev/serial/by-id), keyed by the port they point to. */
export async function stableLinks(folder: string): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  const names = await fs.readdir(folder).catch(() => []);
  for (const name of names) {
    const link = path.join(folder, name);
    const target = await fs.realpath(link).catch(() => null);
    if (target) links.set(target, link);
  }
  return links;
}

const readText = (file: string) =>
  fs.readFile(file, 'utf8').then(
    (text) => text.trim() || undefined,
    () => undefined,
  );

/** The bus a sysfs device sits on (its `subsystem` link), or null at the top of the tree. */
const subsystemOf = (device: string) =>
  fs.realpath(path.join(device, 'subsystem')).then(
    (bus) => path.basename(bus),
    () => null,
  );

/** The USB interface a port belongs to: its number, class triple and driver. */
async function interfaceOf(folder: string): Promise<Partial<FoundPort> | null> {
  const number = await readText(path.join(folder, 'bInterfaceNumber'));
  if (number === undefined || !/^[0-9a-f]{1,2}$/i.test(number)) return null;
  const [klass, subclass, protocol] = await Promise.all(
    ['bInterfaceClass', 'bInterfaceSubClass', 'bInterfaceProtocol'].map((name) =>
      readText(path.join(folder, name)),
    ),
  );
  const driver = await fs.realpath(path.join(folder, 'driver')).then(
    (target) => path.basename(target),
    () => undefined,
  );
  return {
    usbInterface: Number.parseInt(number, 16),
    usbClass:
      klass && subclass && protocol ? `${klass}/${subclass}/${protocol}`.toLowerCase() : undefined,
    driver,
  };
}

/**
 * The serial ports as the Linux kernel lists them (/sys/class/tty), with the USB device and
 * interface each belongs to: what udev would say, without udev, which many machines
 * (containers, minimal installs) do not run. Consoles and virtual terminals have no device and
 * are left out, as are the serial8250 placeholders the kernel makes whether or not a UART is
 * there. `devFolder` is where the ports' device files are (tests give a folder of their own).
 */
export async function kernelSerialPorts(
  sysClassTty = '/sys/class/tty',
  devFolder = '/dev',
): Promise<FoundPort[]> {
  const names = await fs.readdir(sysClassTty).catch(() => []);
  const ports: FoundPort[] = [];
  for (const name of names.sort()) {
    const device = await fs.realpath(path.join(sysClassTty, name, 'device')).catch(() => null);
    if (!device) continue;
    let hardware = device;
    while ((await subsystemOf(hardware)) === 'serial-base') hardware = path.dirname(hardware);
    if (
      (await subsystemOf(hardware)) === 'platform' &&
      path.basename(hardware).startsWith('serial8250')
    ) {
      continue;
    }
    const port: FoundPort = { path: path.join(devFolder, name) };
    for (let folder = device; (await subsystemOf(folder)) !== null; folder = path.dirname(folder)) {
      if (port.usbInterface === undefined) {
        const usbInterface = await interfaceOf(folder);
        if (usbInterface) Object.assign(port, usbInterface);
      }
      const vendorId = await readText(path.join(folder, 'idVendor'));
      if (vendorId === undefined) continue;
      port.vendorId = vendorId;
      port.productId = await readText(path.join(folder, 'idProduct'));
      port.manufacturer = await readText(path.join(folder, 'manufacturer'));
      break;
    }
    ports.push(port);
  }
  return ports;
}

/** The ports a modem could be on: the kernel's list on Linux, the system's elsewhere. */
export async function listSerialPorts(byIdFolder = '/dev/serial/by-id'): Promise<PortChoice[]> {
  const [found, links] = await Promise.all([foundPorts(), stableLinks(byIdFolder)]);
  return withStablePaths(found, links);
}

/** The serial ports of this machine with their USB device, as the kernel or the system lists them. */
export async function foundPorts(): Promise<FoundPort[]> {
  if (process.platform === 'linux') return kernelSerialPorts();
  return (await SerialPort.list()).map((port) => ({
    ...port,
    usbInterface: interfaceFromPnpId(port.pnpId),
  }));
}

/**
 * The USB interface number Windows writes into a composite device's PnP id
 * (`USB\VID_2C7C&PID_0125&MI_02\...`); undefined where it is not there (macOS, single ports).
 */
export function interfaceFromPnpId(pnpId: string | undefined): number | undefined {
  const found = /[&\\]MI_([0-9a-f]{2})/i.exec(pnpId ?? '');
  return found?.[1] === undefined ? undefined : Number.parseInt(found[1], 16);
}

/**
 * The USB `vendor:product` id (lower-case hex) of the device a port belongs to, the port given
 * by any name (a by-id link resolves to its ttyUSB); null when it is not a USB device.
 */
export async function usbIdOfPort(
  portPath: string,
  found: () => Promise<readonly FoundPort[]> = foundPorts,
): Promise<string | null> {
  const target = await fs.realpath(portPath).catch(() => portPath);
  for (const port of await found()) {
    const same =
      port.path === target || (await fs.realpath(port.path).catch(() => null)) === target;
    if (same && port.vendorId && port.productId) {
      return `${port.vendorId}:${port.productId}`.toLowerCase();
    }
  }
  return null;
}

/**
 * This machine's serial devices under the names a modem may be found by: each by-id link (the
 * name that survives a replug), then each port no link names. What the hot-plug watcher
 * compares from one look to the next, and where a modem looks for its SIM after a replug.
 */
export async function serialDevicePaths(
  byIdFolder = '/dev/serial/by-id',
  found: () => Promise<readonly FoundPort[]> = foundPorts,
): Promise<string[]> {
  const [ports, links] = await Promise.all([found(), stableLinks(byIdFolder)]);
  const named = new Set(links.keys());
  return [...links.values(), ...ports.map((port) => port.path).filter((path) => !named.has(path))];
}
