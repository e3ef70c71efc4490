/**
 * `modems.detect` wired to this machine: its USB serial ports, the bank's own modems reported as
 * the bank knows them (their ports never opened by detection), the others probed and identified
 * with the shop's modem profiles, and the carrier guessed among the shop's carriers.
 */
import path from 'node:path';
import type { CarrierBook } from '../carriers/book';
import { findHilinkSticks } from '../gsm/hilink/detect';
import { loadModemProfiles } from '../gsm/profiles';
import { guessCarrier } from './carrier-guess';
import { type DetectedDevice, detectModems } from './detect';
import {
  answersAt,
  deviceOf,
  identifyModem,
  listUsbSerialPorts,
  type SystemTree,
} from './detect-ports';
import type { ModemBank } from './modem-bank';
import type { ShopModems } from './open-bank';
import { shippedUsbModels } from './usb-models';

export function modemDetector(deps: {
  bank: ModemBank;
  real: ShopModems | null;
  carriers: CarrierBook;
  modemProfileDirs: readonly string[];
  deviceTree: SystemTree | null;
  hilinkSticks: (() => Promise<DetectedDevice[]>) | undefined;
}) {
  const table = shippedUsbModels();
  return () => {
    // Read once per detection, while the ports are listed: a profile the shop just added counts.
    const profiles = loadModemProfiles(deps.modemProfileDirs).then((loaded) => loaded.profiles);
    return detectModems({
      table,
      listPorts: () => listUsbSerialPorts(deps.deviceTree),
      configured: async () => {
        const statuses = deps.bank.statuses();
        const settings = deps.real?.settings.list() ?? [];
        return Promise.all(
          settings.map(async (modem) => ({
            id: modem.id,
            carrierId: modem.carrierId,
            device: await deviceOf(modem.path),
            status: statuses.find((status) => status.id === modem.id) ?? null,
          })),
        );
      },
      answersAt: (port) => answersAt(port.path),
      identify: (port) =>
        identifyModem(port.path, {
          profiles,
          usbId: async () => `${port.usb.vendorId}:${port.usb.productId}`,
        }),
      guessCarrier: (imsi) => guessCarrier(imsi, deps.carriers.list()),
      hilinkSticks:
        deps.hilinkSticks ??
        (() =>
          hilinkDevices(deps.deviceTree, deps.real?.settings.list() ?? [], (imsi) =>
            guessCarrier(imsi, deps.carriers.list()),
          )),
    });
  };
}

/**
 * This machine's HiLink sticks as detection lists devices: no AT port, their web address to
 * configure them with. A stick the bank already has is named, not probed twice.
 */
async function hilinkDevices(
  tree: SystemTree | null,
  configured: readonly { id: string; path: string }[],
  guess: (imsi: string | null) => string | null,
): Promise<DetectedDevice[]> {
  const sticks = await findHilinkSticks(
    tree
      ? {
          sysClassNet: path.join(tree.root, 'sys/class/net'),
          routeTable: path.join(tree.root, 'proc/net/route'),
        }
      : {},
  );
  return sticks.map((stick) => ({
    path: stick.path,
    byId: null,
    usb: stick.usb,
    role: 'other',
    modem: {
      imei: stick.modem.imei,
      iccid: stick.modem.iccid,
      imsi: stick.modem.imsi,
      operator: stick.modem.operator,
      signal: stick.modem.signal?.bars ?? null,
      carrierGuess: guess(stick.modem.imsi),
    },
    link: 'hilink',
    configuredAs: configured.find((modem) => modem.path === stick.path)?.id ?? null,
  }));
}
