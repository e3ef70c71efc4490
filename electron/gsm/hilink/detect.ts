/**
 * Finding HiLink sticks on this machine. A stick in its factory "router" mode has no serial
 * port: it shows up as a USB network interface (driver cdc_ether or rndis_host) of a Huawei
 * device, and serves its web API on that network's gateway (192.168.8.1 on most). Linux: the
 * interfaces come from /sys/class/net and the gateway from /proc/net/route; each address to
 * try is then asked GET /api/device/information. Tests give a fake sysfs tree and 127.0.0.1.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ModemIdentity, SignalReading } from '../modem';
import { createHilinkClient } from './client';
import { openHilinkModem } from './modem';

/** Drivers a HiLink stick's network interface uses (the stick is an Ethernet gadget). */
export const HILINK_NET_DRIVERS: readonly string[] = ['cdc_ether', 'rndis_host'];
export const HUAWEI_USB_VENDOR = '12d1';
/** Where most HiLink sticks serve their API, when no route says otherwise. */
export const HILINK_DEFAULT_ADDRESS = 'http://192.168.8.1';

/** A network interface that may be a HiLink stick. */
export interface HilinkInterface {
  name: string;
  driver: string;
  vendorId: string;
  productId: string;
  /** The USB interface number (bInterfaceNumber), null when unreadable. */
  interface: number | null;
  /** The gateway this machine's routes give for it (`192.168.8.1`), null when none does. */
  gateway: string | null;
}

/** A stick that answered at an address. */
export interface FoundHilinkStick {
  /** The address to configure the modem with (modems.save's path). */
  path: string;
  usb: { vendorId: string; productId: string; interface: number | null; driver: string } | null;
  interfaceName: string | null;
  modem: {
    imei: string | null;
    iccid: string | null;
    imsi: string | null;
    model: string | null;
    operator: string | null;
    signal: SignalReading | null;
  };
}

const readText = (file: string) =>
  fs.readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => null,
  );

/**
 * `/proc/net/route`'s gateways by interface: the Gateway column is the address in hex, in the
 * machine's (little-endian) byte order: `0108A8C0` is 192.168.8.1. Pure.
 */
export function gatewaysOf(routeTable: string): Map<string, string> {
  const gateways = new Map<string, string>();
  for (const line of routeTable.split('\n').slice(1)) {
    const [name, , gateway] = line.trim().split(/\s+/);
    if (!name || !gateway || !/^[0-9a-f]{8}$/i.test(gateway) || /^0+$/.test(gateway)) continue;
    if (gateways.has(name)) continue;
    const octets = (gateway.match(/../g) ?? []).map((pair) => Number.parseInt(pair, 16)).reverse();
    gateways.set(name, octets.join('.'));
  }
  return gateways;
}

/** The network interfaces of Huawei USB devices with a HiLink driver (Linux sysfs). */
export async function hilinkInterfaces(
  options: { sysClassNet?: string; routeTable?: string } = {},
): Promise<HilinkInterface[]> {
  const sysClassNet = options.sysClassNet ?? '/sys/class/net';
  const routes = gatewaysOf((await readText(options.routeTable ?? '/proc/net/route')) ?? '');
  const names = await fs.readdir(sysClassNet).catch(() => []);
  const found: HilinkInterface[] = [];
  for (const name of names.sort()) {
    const device = await fs.realpath(path.join(sysClassNet, name, 'device')).catch(() => null);
    if (!device) continue;
    const driver = await fs
      .realpath(path.join(device, 'driver'))
      .then((target) => path.basename(target))
      .catch(() => null);
    if (!driver || !HILINK_NET_DRIVERS.includes(driver)) continue;
    // The interface's parent is the USB device, which carries the ids.
    const usbDevice = path.dirname(device);
    const vendorId = (await readText(path.join(usbDevice, 'idVendor')))?.toLowerCase();
    const productId = (await readText(path.join(usbDevice, 'idProduct')))?.toLowerCase();
    if (vendorId !== HUAWEI_USB_VENDOR || !productId) continue;
    const number = Number.parseInt(
      (await readText(path.join(device, 'bInterfaceNumber'))) ?? '',
      16,
    );
    found.push({
      name,
      driver,
      vendorId,
      productId,
      interface: Number.isInteger(number) ? number : null,
      gateway: routes.get(name) ?? null,
    });
  }
  return found;
}

/** The addresses to try for an interface: its gateway, then the usual 192.168.8.1. */
export function defaultHilinkAddresses(candidate: HilinkInterface): string[] {
  const gateway = candidate.gateway ? `http://${candidate.gateway}` : null;
  return [...new Set([...(gateway ? [gateway] : []), HILINK_DEFAULT_ADDRESS])];
}

/**
 * Asks an address whether a HiLink stick answers there, and what it holds (IMEI, ICCID, IMSI,
 * operator, signal); null when nothing answers as a stick within `timeoutMs`.
 */
export async function probeHilinkStick(
  url: string,
  timeoutMs = 2_000,
): Promise<FoundHilinkStick['modem'] | null> {
  const modem = await openHilinkModem(createHilinkClient({ url, timeoutMs })).catch(() => null);
  if (!modem) return null;
  try {
    const identity: ModemIdentity = modem.identity;
    const [operator, signal] = await Promise.all([
      modem.operator().catch(() => null),
      modem.signal().catch(() => null),
    ]);
    return {
      imei: identity.imei,
      iccid: identity.iccid,
      imsi: identity.imsi,
      model: identity.model,
      operator,
      signal,
    };
  } finally {
    await modem.close();
  }
}

/**
 * The HiLink sticks of this machine: each Huawei network interface's addresses (by default its
 * gateway and 192.168.8.1; `addressesFor` replaces them) probed until one answers. On other
 * systems than Linux, or with no such interface, `extraAddresses` are still probed (a stick
 * the shop named by its address).
 */
export async function findHilinkSticks(
  options: {
    sysClassNet?: string;
    routeTable?: string;
    addressesFor?: (candidate: HilinkInterface) => readonly string[];
    extraAddresses?: readonly string[];
    timeoutMs?: number;
  } = {},
): Promise<FoundHilinkStick[]> {
  const candidates =
    process.platform === 'linux' || options.sysClassNet ? await hilinkInterfaces(options) : [];
  const found: FoundHilinkStick[] = [];
  const tried = new Set<string>();
  const probe = async (url: string) => {
    if (tried.has(url)) return null;
    tried.add(url);
    return probeHilinkStick(url, options.timeoutMs);
  };
  for (const candidate of candidates) {
    for (const url of (options.addressesFor ?? defaultHilinkAddresses)(candidate)) {
      const modem = await probe(url);
      if (!modem) continue;
      found.push({
        path: new URL(url).origin,
        usb: {
          vendorId: candidate.vendorId,
          productId: candidate.productId,
          interface: candidate.interface,
          driver: candidate.driver,
        },
        interfaceName: candidate.name,
        modem,
      });
      break;
    }
  }
  for (const url of options.extraAddresses ?? []) {
    const modem = await probe(url);
    if (modem) found.push({ path: new URL(url).origin, usb: null, interfaceName: null, modem });
  }
  return found;
}
