/**
 * `modems.detect` wired to this machine: its USB serial ports, the bank's own modems reported as
 * the bank knows them (their ports never opened by detection), the others probed and identified
 * with the shop's modem profiles, and the carrier guessed among the shop's carriers.
 */
import type { CarrierBook } from '../carriers/book';
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
      ...(deps.hilinkSticks ? { hilinkSticks: deps.hilinkSticks } : {}),
    });
  };
}
