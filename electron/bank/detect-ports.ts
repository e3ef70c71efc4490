/**
 * Detection's side effects on a real machine: the USB serial ports from /sys (or serialport's
 * list elsewhere), the AT-only probe and the identification through the GSM engine.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { createAtChannel } from '../gsm/channel';
import { openSerialLink } from '../gsm/link/serial-link';
import { openModem } from '../gsm/modem';
import type { ModemProfile } from '../gsm/profiles';
import type { ModemIdentification, UsbSerialPort } from './detect';
import { type FoundPort, foundPorts, kernelSerialPorts, stableLinks } from './ports';

/** How long an unknown port gets to answer the one `AT` it is sent. */
export const PROBE_TIMEOUT_MS = 1_000;
/** Identification gives a modem's first `AT` this many tries (its own timeout each). */
const IDENTIFY_SYNC_ATTEMPTS = 3;

/**
 * Where detection looks on Linux, as laid out from `/`: `sys/class/tty`, `dev`,
 * `dev/serial/by-id`. A test (or a developer without modems) gives a folder laid out the same.
 */
export interface SystemTree {
  root: string;
}

/** The device file a path leads to, symlinks followed; the path itself if it leads nowhere. */
export const deviceOf = (portPath: string) => fs.realpath(portPath).catch(() => portPath);

/**
 * The serial ports of USB devices, each with its by-id name: from the tree on Linux (the real
 * one by default), from serialport's list elsewhere. Ports of no USB device (a board's UART)
 * are not candidates: writing AT into them is what ModemManager is blamed for.
 */
export async function listUsbSerialPorts(tree: SystemTree | null): Promise<UsbSerialPort[]> {
  const onLinux = tree !== null || process.platform === 'linux';
  const root = tree?.root ?? '/';
  const [found, links] = await Promise.all([
    onLinux
      ? kernelSerialPorts(path.join(root, 'sys/class/tty'), path.join(root, 'dev'))
      : foundPorts(),
    onLinux ? stableLinks(path.join(root, 'dev/serial/by-id')) : Promise.resolve(new Map()),
  ]);
  const usbPorts = found.filter(
    (port): port is FoundPort & { vendorId: string; productId: string } =>
      port.vendorId !== undefined && port.productId !== undefined,
  );
  return Promise.all(
    usbPorts.map(async (port) => {
      const device = await deviceOf(port.path);
      return {
        path: port.path,
        byId: links.get(device) ?? null,
        device,
        usb: {
          vendorId: port.vendorId.toLowerCase(),
          productId: port.productId.toLowerCase(),
          interface: port.usbInterface ?? null,
          driver: port.driver ?? null,
        },
        usbClass: port.usbClass ?? null,
      };
    }),
  );
}

/**
 * Sends `AT` once, with no ESC before it and no resync after a silence: a port that does not
 * answer OK gets nothing else.
 */
export async function answersAt(portPath: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  const link = await openSerialLink({ path: portPath }).catch(() => null);
  if (!link) return false;
  const channel = createAtChannel(link, { escapeFirst: false });
  try {
    const response = await channel.run('AT', { timeoutMs });
    return response.final.kind === 'ok';
  } catch {
    return false;
  } finally {
    await channel.close();
  }
}

/**
 * Opens the modem on a port the way `comptoir modem info` does (synchronised, its profile
 * chosen, no PIN given) and reads its IMEI, SIM, operator and signal; closes it after.
 */
export async function identifyModem(
  portPath: string,
  options: {
    profiles: readonly ModemProfile[] | Promise<readonly ModemProfile[]>;
    usbId: () => Promise<string | null>;
  },
): Promise<ModemIdentification | null> {
  const link = await openSerialLink({ path: portPath }).catch(() => null);
  if (!link) return null;
  const channel = createAtChannel(link);
  try {
    const modem = await openModem(channel, {
      profiles: options.profiles,
      usbId: options.usbId,
      syncAttempts: IDENTIFY_SYNC_ATTEMPTS,
    });
    const info = await modem.info();
    return {
      imei: info.imei,
      iccid: info.iccid,
      imsi: info.imsi,
      operator: info.operator,
      signal: info.signal.bars,
    };
  } catch {
    return null;
  } finally {
    await channel.close();
  }
}
