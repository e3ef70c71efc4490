/**
 * Finding the modems plugged into this machine (`modems.detect`): each USB serial port with its
 * ids and interface, its role by the model table, and the modem it answers as. Nothing here
 * touches a port: listing, probing and identifying are passed in (detect-ports.ts), so the
 * rules (which port is probed, which is never touched) are tested with the real ones or not.
 */
import type { ProcedureOutput } from '../../shared/api/contract';
import type { ModemStatus } from './modem-bank';
import { type PortRole, portRole, type UsbModelTable } from './usb-models';

export type DetectedDevice = ProcedureOutput<'modems.detect'>['devices'][number];
export type FoundModem = NonNullable<DetectedDevice['modem']>;
/** What the modem on a port says about itself and its SIM; the carrier is guessed afterwards. */
export type ModemIdentification = Omit<FoundModem, 'carrierGuess'>;

/** A serial port of a USB device, as the system lists it. */
export interface UsbSerialPort {
  path: string;
  /** Its /dev/serial/by-id name, when there is one. */
  byId: string | null;
  /** The device file the port and its by-id name both lead to (symlinks followed). */
  device: string;
  usb: NonNullable<DetectedDevice['usb']>;
  /** The interface's class/subclass/protocol in hex (`ff/02/02`), when the system tells it. */
  usbClass: string | null;
}

/** A modem of the bank and the port it was configured on. */
export interface ConfiguredPort {
  id: string;
  carrierId: string;
  /**
   * The device file its configured path leads to (the path itself where it leads nowhere now, or
   * names no file, as COM3 does); null for a modem on no serial port.
   */
  device: string | null;
  status: ModemStatus | null;
}

export interface DetectDeps {
  listPorts(): Promise<UsbSerialPort[]>;
  table: UsbModelTable;
  configured(): Promise<ConfiguredPort[]>;
  /** Writes `AT` and nothing else; true when the port answered OK. */
  answersAt(port: UsbSerialPort): Promise<boolean>;
  /** Opens the modem on the port through the GSM engine and reads who it is; null if it fails. */
  identify(port: UsbSerialPort): Promise<ModemIdentification | null>;
  guessCarrier(imsi: string | null): string | null;
  /**
   * HiLink sticks (Huawei in "router" mode: no serial port, an HTTP API): found by their own
   * module and listed after the serial ports. None by default.
   */
  hilinkSticks?: () => Promise<DetectedDevice[]>;
}

/** What the bank already knows of a modem it holds, in the shape detection reports. */
function knownModem(modem: ConfiguredPort): FoundModem {
  return {
    imei: modem.status?.imei ?? null,
    iccid: modem.status?.iccid ?? null,
    imsi: null,
    operator: modem.status?.operator ?? null,
    signal: modem.status?.signalBars ?? null,
    carrierGuess: modem.carrierId,
  };
}

/**
 * One port: a configured modem's is reported as the bank knows it and never opened here (the
 * bank holds it, and a probe would cut into its commands); an `other` port is left alone; an
 * `unknown` one gets `AT` and, only if it answered OK, is identified like a known AT port.
 */
async function examine(
  port: UsbSerialPort,
  owner: ConfiguredPort | undefined,
  deps: DetectDeps,
): Promise<DetectedDevice> {
  const listed = { path: port.path, byId: port.byId, usb: port.usb, link: 'serial' as const };
  const marked = portRole(
    {
      vendorId: port.usb.vendorId,
      productId: port.usb.productId,
      interface: port.usb.interface,
      interfaceClass: port.usbClass,
    },
    deps.table,
  );
  if (owner) {
    return { ...listed, role: marked, modem: knownModem(owner), configuredAs: owner.id };
  }
  const unanswered = (role: PortRole) => ({ ...listed, role, modem: null, configuredAs: null });
  if (marked === 'other') return unanswered('other');
  if (marked === 'unknown' && !(await deps.answersAt(port))) return unanswered('unknown');
  const identity = await deps.identify(port);
  // A port that answered AT is an AT port, whether or not the modem behind it then opened.
  if (!identity) return unanswered('at');
  return {
    ...listed,
    role: 'at',
    modem: { ...identity, carrierGuess: deps.guessCarrier(identity.imsi) },
    configuredAs: null,
  };
}

/** Every USB serial port of the machine, then the HiLink sticks; the ports examined at once. */
export async function detectModems(deps: DetectDeps): Promise<{ devices: DetectedDevice[] }> {
  const [ports, configured, sticks] = await Promise.all([
    deps.listPorts(),
    deps.configured(),
    deps.hilinkSticks?.() ?? Promise.resolve([]),
  ]);
  const ownerOf = (port: UsbSerialPort) =>
    configured.find((modem) => modem.device !== null && modem.device === port.device);
  const devices = await Promise.all(ports.map((port) => examine(port, ownerOf(port), deps)));
  return { devices: [...devices, ...sticks] };
}
