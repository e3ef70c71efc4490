/**
 * One modem, opened: synchronised, identified, matched to its profile, its SIM unlocked when it
 * can be, and asked about its state through the command queue of its AT channel (DESIGN,
 * "Modems"). Plain Node: the channel may sit on a serial port or on the in-process simulator.
 */

import { extendUrcTable, URCS } from './at/urc-table';
import type { AtChannel } from './channel';
import { askTolerantly, type ModemLine, newPatience, SIM_BUSY_PATIENCE_MS } from './modem-command';
import {
  checkPin,
  readSimState,
  readSimStateOrUnknown,
  type SimState,
  simRefusal,
  unlockSim,
} from './modem-sim';
import { readIccid, readIdentity, readNumber, type StartContext, synchronise } from './modem-start';
import {
  type RegistrationStatus,
  readOperator,
  readRegistration,
  readSignal,
  type SignalReading,
} from './modem-status';
import { genericProfile, type ModemProfile, matchModemProfile } from './profiles';

export { ModemError } from './modem-command';
export type { SimState } from './modem-sim';
export type { RegistrationStatus, SignalReading } from './modem-status';

export interface ModemIdentity {
  manufacturer: string | null;
  model: string | null;
  revision: string | null;
  imei: string | null;
  /** Null while the SIM is locked (or absent). */
  imsi: string | null;
  iccid: string | null;
}

/** What `comptoir modem info --json` prints: keep the shape. */
export interface ModemInfo extends ModemIdentity {
  sim: SimState;
  registration: RegistrationStatus;
  operator: string | null;
  signal: SignalReading;
}

export interface Modem {
  readonly channel: AtChannel;
  readonly profile: ModemProfile;
  /** Why this profile: which of its rules matched the modem's answers, or that none did. */
  readonly matchedBy: string;
  /** Read at start-up; the IMSI (and ICCID) filled in once the SIM is unlocked. */
  readonly identity: Readonly<ModemIdentity>;
  /** Start-up steps that failed without stopping it, in plain English. */
  readonly warnings: readonly string[];
  /**
   * Quirks this modem showed that its profile did not list (`reply.cpinWithoutOk`), learnt
   * while open and applied to its later commands; kept in memory only, for as long as it is.
   */
  learnedQuirks(): string[];
  info(): Promise<ModemInfo>;
  simState(): Promise<SimState>;
  /** Enters the PIN if the SIM asks for one; resolves with the SIM state afterwards. */
  enterPin(pin: string): Promise<SimState>;
  registration(): Promise<RegistrationStatus>;
  signal(): Promise<SignalReading>;
  operator(): Promise<string | null>;
  close(): Promise<void>;
}

export interface OpenModemOptions {
  /** The SIM PIN, entered once if the SIM asks for it (4 to 8 digits). */
  pin?: string;
  /** Waits between attempts; tests pass one that does not. */
  sleep?: (ms: number) => Promise<void>;
  /** How many `AT` to send before giving up with `no_answer` (default 6). */
  syncAttempts?: number;
  /** How long each of those `AT` waits for its OK (default 1 s). */
  syncTimeoutMs?: number;
  /**
   * The profiles to match the modem against, in the order they are tried (loadModemProfiles);
   * by default only the generic one. They may still be loading: they are needed only once the
   * modem has said its name, so reading the files overlaps with getting its attention.
   */
  profiles?: readonly ModemProfile[] | Promise<readonly ModemProfile[]>;
  /**
   * Looks up the USB `vendor:product` id of the port's device; asked only when a profile
   * matches on it (reading the system's device list costs time on every start).
   */
  usbId?: () => Promise<string | null>;
}

const DEFAULT_SYNC_ATTEMPTS = 6;
const DEFAULT_SYNC_TIMEOUT_MS = 1_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// States in which the SIM can be read without its PIN (the ICCID can).
const SIM_PRESENT: ReadonlySet<SimState> = new Set(['ready', 'pin-required', 'puk-required']);

/** What the SIM tells once unlocked (IMSI) or merely present (ICCID); each asked at most once. */
interface SimIdentityReader {
  identity: ModemIdentity;
  profile: ModemProfile;
  asked: { imsi: boolean; iccid: boolean };
}

async function readSimIdentity(
  start: StartContext,
  reader: SimIdentityReader,
  sim: SimState,
): Promise<void> {
  const { identity, asked } = reader;
  if (sim === 'ready' && !asked.imsi) {
    asked.imsi = true;
    identity.imsi = await readNumber(start, 'imsi');
  }
  if (SIM_PRESENT.has(sim) && !asked.iccid) {
    asked.iccid = true;
    identity.iccid = await readIccid(start, reader.profile.iccidCommands);
  }
}

/**
 * Opens a modem on its channel: AT until OK (with backoff), ATE0, AT+CMEE=1, +CGMI/+CGMM to pick
 * the profile (the channel takes on its reply quirks and URC table at once), the profile's init
 * commands, then the SIM (PIN entered when given and asked for) and the identity. A SIM busy at any step is waited for, up to 20 s. Failures
 * that do not prevent using the modem end up in `warnings`; a SIM that wants a PIN nobody gave
 * opens as `pin-required`. The PIN is checked before anything is written. The channel stays the
 * caller's: it is not closed when opening fails.
 */
export async function openModem(
  channel: AtChannel,
  options: OpenModemOptions = {},
): Promise<Modem> {
  if (options.pin !== undefined) checkPin(options.pin);
  const line: ModemLine = { channel, sleep: options.sleep ?? realSleep };
  const start: StartContext = { line, patience: newPatience(), warnings: [] };

  await synchronise(
    line,
    options.syncAttempts ?? DEFAULT_SYNC_ATTEMPTS,
    options.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS,
  );
  // Echo is removed by the channel whether or not ATE0 is obeyed (field note 2).
  await askTolerantly(line, 'ATE0', start.patience, start.warnings);
  await askTolerantly(line, 'AT+CMEE=1', start.patience, start.warnings);

  const manufacturer = await readIdentity(start, 'manufacturer');
  const model = await readIdentity(start, 'model');
  const profiles = (await options.profiles) ?? [genericProfile];
  const usb = profiles.some((candidate) => candidate.match.usb)
    ? await (options.usbId?.() ?? null)
    : null;
  const { profile, matchedBy } = matchModemProfile(
    { manufacturer: manufacturer ?? '', model: model ?? '', usb },
    profiles,
  );
  channel.adoptProfile({ urcs: extendUrcTable(URCS, profile.urcs), quirks: profile.reply });
  for (const command of profile.init) {
    await askTolerantly(line, command, start.patience, start.warnings);
  }

  // Revision and IMEI come from the modem, not the SIM: asking them first gives the SIM time.
  const identity: ModemIdentity = {
    manufacturer,
    model,
    revision: await readIdentity(start, 'revision'),
    imei: await readNumber(start, 'imei'),
    imsi: null,
    iccid: null,
  };

  let sim = await readSimStateOrUnknown(line, start.patience, start.warnings);
  if (sim === 'pin-required' && options.pin !== undefined) {
    sim = await unlockSim(line, options.pin, start.patience);
  }
  if (sim === 'not-ready') {
    start.warnings.push(`The SIM was still busy after ${SIM_BUSY_PATIENCE_MS / 1000} s`);
  }
  const reader: SimIdentityReader = { identity, profile, asked: { imsi: false, iccid: false } };
  await readSimIdentity(start, reader, sim);

  return createModem(line, reader, matchedBy, start.warnings);
}

function createModem(
  line: ModemLine,
  reader: SimIdentityReader,
  matchedBy: string,
  warnings: string[],
): Modem {
  const { identity, profile } = reader;
  // Once open, what the SIM tells later (after a PIN) warns nobody: start-up warnings are final.
  const completeIdentity = (sim: SimState) =>
    readSimIdentity({ line, patience: newPatience(), warnings: [] }, reader, sim);

  const simState = () => readSimState(line, newPatience());

  return {
    channel: line.channel,
    profile,
    matchedBy,
    identity,
    warnings,
    learnedQuirks: () => Object.keys(line.channel.learnedQuirks).map((name) => `reply.${name}`),
    async info() {
      const sim = await readSimStateOrUnknown(line, newPatience(), []);
      await completeIdentity(sim);
      const registration = await readRegistration(line);
      const operator = await readOperator(line);
      const signal = await readSignal(line);
      return {
        manufacturer: identity.manufacturer,
        model: identity.model,
        revision: identity.revision,
        imei: identity.imei,
        imsi: identity.imsi,
        iccid: identity.iccid,
        sim,
        registration,
        operator,
        signal,
      };
    },
    simState,
    async enterPin(pin) {
      checkPin(pin);
      const patience = newPatience();
      const state = await readSimState(line, patience);
      if (state === 'ready') return state;
      if (state !== 'pin-required') throw simRefusal(state);
      const after = await unlockSim(line, pin, patience);
      await completeIdentity(after);
      return after;
    },
    registration: () => readRegistration(line),
    signal: () => readSignal(line),
    operator: () => readOperator(line),
    close: () => line.channel.close(),
  };
}
