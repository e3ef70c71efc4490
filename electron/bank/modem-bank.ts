import fs from 'node:fs/promises';
import type { z } from 'zod';
import type { modemStatusSchema, modemTimelineEventSchema } from '../../shared/api/contract/modems';
import type { ReplyQuirks } from '../gsm/at/reply';
import type { AtChannel, AtChannelOptions } from '../gsm/channel';
import { createAtChannel } from '../gsm/channel';
import { realClock } from '../gsm/clock';
import { createHilinkClient } from '../gsm/hilink/client';
import { type HilinkModem, isHilinkModem, openHilinkModem } from '../gsm/hilink/modem';
import { createHilinkUssdSession } from '../gsm/hilink/ussd';
import type { ModemLink } from '../gsm/link/link';
import { type Modem, ModemError, type OpenModemOptions, openModem } from '../gsm/modem';
import {
  genericProfile,
  loadModemProfiles,
  type ModemProfile,
  type UssdRequestEncoding,
} from '../gsm/profiles';
import { createUssdSession, type UssdAnswer, type UssdSession } from '../gsm/ussd';
import {
  createHealingLadder,
  defaultHealingPolicy,
  type HealingLadder,
  type HealingStep,
  type LadderDecision,
} from './healing-ladder';
import type { ModemPort } from './links';
import { usbIdOfPort } from './ports';
import { type PowerCycleCommand, runPowerCycle } from './power-cycle';
import { chooseModem, type RoutingNeed, type RoutingRefusal } from './routing';
import { judgeSim } from './sim-binding';
import { describeEntry } from './transcript-text';

export interface ModemConfig {
  /** The shop's name for it, e.g. "modem-1" (printed on reports: which dealer SIM sold what). */
  id: string;
  /** The carrier of its dealer SIM. */
  carrierId: string;
  port: ModemPort;
  simPin?: string;
  /** The dealer SIM it is (null or absent: learnt when it first opens), and its stick's IMEI. */
  iccid?: string | null;
  imei?: string | null;
}

export type ModemStatus = z.output<typeof modemStatusSchema>;

/** The problem a modem a manager took out of service shows. */
const HELD_OUT = 'Taken out of service by a manager';
/** How long a resync step waits for the modem's OK. */
const RESYNC_PROBE_MS = 2_000;
/** How long a reset command may take to be answered (often never: the modem reboots first). */
const RESET_ANSWER_MS = 2_000;
export type ModemState = ModemStatus['state'];
type ModemTimelineEvent = z.output<typeof modemTimelineEventSchema>;

const noModems: ReadonlySet<string> = new Set();

/** How many signal readings a modem's status keeps (every poll, 30 s apart by default). */
const signalHistoryLength = 24;

/** A modem of the bank: AT over a serial link, or a HiLink stick over its web API. */
export type BankModem = Modem | HilinkModem;

/** One modem lent to one job (a renewal, a balance check) until released. */
export interface ModemLease {
  id: string;
  carrierId: string;
  modem: BankModem;
  ussd: UssdSession;
  /** What went over the line during the lease, secrets already masked by the channel. */
  transcript(): string;
  release(): void;
}

interface ModemBankOptions {
  modems: readonly ModemConfig[];
  openLink(port: ModemPort): Promise<ModemLink>;
  onStatus?(statuses: ModemStatus[]): void;
  /** What happened to a modem, for its timeline (kept by the caller). */
  onTimeline?(modemId: string, event: ModemTimelineEvent, detail: string | null): void;
  /**
   * Runs once a modem is opened (again after each reconnect), before it is lent to any job:
   * what must listen to the modem from the start (its SMS inbox) starts here.
   */
  onOpened?(modemId: string, modem: BankModem): Promise<void> | void;
  /** A modem's dealer SIM learnt at its first opening (or its IMEI changed): to keep. */
  onSimLearnt?(modemId: string, sim: { iccid: string; imei: string | null }): void;
  /**
   * This machine's serial ports (by-id links first), where a modem whose SIM is no longer on its
   * port looks for it. Without it, a modem is only ever looked for on its own port.
   */
  candidatePorts?(): Promise<readonly string[]>;
  /** Wait before reopening a lost modem. */
  reconnectMs?: number;
  /** How often idle modems' signal and registration are refreshed. */
  pollMs?: number;
  /** How long a modem waits for the late answer of a timed-out USSD request (USSD default). */
  lateAnswerMs?: number;
  channel?: Pick<AtChannelOptions, 'timeouts' | 'resyncTimeoutMs'>;
  /**
   * Folders of modem profiles (the shipped one, then the shop's `modems/` folder), read once
   * when the first modem opens. Required: a bank without the shipped profiles would drive every
   * stick as the generic modem (a Huawei's USSD in plain text first).
   */
  profileDirs: readonly string[];
  /** The USB id of a serial port's device, for profiles that match on it (default: sysfs). */
  usbIdOf?(portPath: string): Promise<string | null>;
  /** Where a profile file that could not be loaded is reported. */
  log?: { warn(message: string): void };
  now?: () => Date;
  /** How a modem is first reached when opened (tests shorten the default 6 tries of 1 s). */
  opening?: Pick<OpenModemOptions, 'syncAttempts' | 'syncTimeoutMs'>;
  /** Whether a manager took the modem out of service (kept by the caller across restarts). */
  heldOut?(modemId: string): boolean;
  /** The shop's power-cycle command for a modem (null: none): read when the ladder needs it. */
  powerCycleOf?(modemId: string): PowerCycleCommand | null;
  /** Runs a power-cycle command (default: execFile with its arguments, never a shell). */
  runPowerCycle?(command: PowerCycleCommand): Promise<string>;
  /** The healing ladder's backoff, and how often a restarted modem is tried while it boots. */
  healing?: { backoffMs?: number; retryMs?: number };
  /** A dealer SIM's float as last known and what it may still sell today (routing). */
  floatOf?(modemId: string): { float: number | null; capLeft: number | null };
  /** How often a HiLink stick is asked whether a USSD answer came (default 500 ms). */
  hilinkPollMs?: number;
}

/** What the bank knows about healing one modem. */
interface Care {
  ladder: HealingLadder;
  /**
   * A step (or going out of service) decided while the modem was lent: it runs once the job
   * releases it, and once the network can no longer answer the job's last request.
   */
  pending: { step: HealingStep | 'out-of-service'; why: string } | null;
  /** A step runs: the modem's closing and opening belong to it. */
  active: boolean;
  /** Taken out of service by a manager: stays out until put back. */
  heldOut: boolean;
  /** How its profile resets it (known once it opened; the generic reset before). */
  reset: ModemProfile['reset'];
}

interface Slot {
  config: ModemConfig;
  status: ModemStatus;
  modem: BankModem | null;
  ussd: UssdSession | null;
  learned: UssdRequestEncoding | undefined;
  /** Reply quirks the modem showed that its profile lacks: kept across reconnects. */
  learnedQuirks: ReplyQuirks;
  transcript: string[] | null;
  lastUsed: number;
  /** Taken out of the bank by the manager: closed once its current job ends, never reopened. */
  retired: boolean;
  onRetired?: () => void;
  care: Care;
  /** Where the modem is now: its configured port, or where its SIM was found after a replug. */
  port: ModemPort;
  /** The device its port was when opened (a by-id link resolved), to know it when it goes. */
  device: string | null;
  /** Its port went (hot-plug), or its SIM was found on another: its return is a replug. */
  unplugged: boolean;
}

interface Waiter {
  carrierId: string;
  need: RoutingNeed | undefined;
  /** Modems this job must not be lent (a top-up that already failed on them). */
  except: ReadonlySet<string>;
  resolve(lease: ModemLease | null): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * The shop's modems: opens each, keeps its status, lends an idle registered modem of the right
 * carrier to one job at a time (so several renewals run in parallel on several modems), and
 * reopens a modem that was unplugged.
 */
export function createModemBank(options: ModemBankOptions) {
  const now = options.now ?? (() => new Date());
  const slotOf = (config: ModemConfig): Slot => ({
    config,
    status: {
      id: config.id,
      carrierId: config.carrierId,
      state: options.heldOut?.(config.id) ? 'out-of-service' : 'starting',
      since: now().toISOString(),
      simulated: config.port.kind === 'simulated',
      link: config.port.kind === 'hilink' ? 'hilink' : 'serial',
      iccid: null,
      imei: null,
      simChange: null,
      manufacturer: null,
      model: null,
      registration: null,
      operator: null,
      signalBars: null,
      problem: options.heldOut?.(config.id) ? HELD_OUT : null,
      waitingUntil: null,
      signalHistory: [],
    },
    modem: null,
    ussd: null,
    learned: undefined,
    learnedQuirks: {},
    transcript: null,
    lastUsed: 0,
    retired: false,
    care: careOf(config.id),
    port: config.port,
    device: null,
    unplugged: false,
  });
  const slots: Slot[] = options.modems.map(slotOf);
  let profiles: Promise<ModemProfile[]> | null = null;
  const modemProfiles = () => {
    profiles ??= loadModemProfiles(options.profileDirs).then((loaded) => {
      for (const problem of loaded.problems) options.log?.warn(`Modem profile ${problem.message}`);
      return loaded.profiles;
    });
    return profiles;
  };
  const waiters: Waiter[] = [];
  const lateAnswerListeners = new Set<(modemId: string, answer: UssdAnswer) => void>();
  // A modem taken out while busy closes when its job ends; a re-added one waits for its port.
  const closing = new Map<string, Promise<void>>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let closed = false;
  // Links the bank closes itself (a port holding another SIM): their closing is no loss.
  const letGo = new WeakSet<ModemLink>();

  const statuses = (): ModemStatus[] =>
    slots.filter((slot) => !slot.retired).map((slot) => ({ ...slot.status }));
  const publish = () => options.onStatus?.(statuses());
  const reconnectLater = (slot: Slot) =>
    later(options.reconnectMs ?? 5000, () => {
      // A modem the hot-plug watcher brought back meanwhile is not opened twice; a healing step
      // opens its modem itself; out of service, it stays closed.
      if (!slot.retired && !slot.care.active && slot.status.state === 'offline') {
        void connect(slot);
      }
    });
  const later = (ms: number, run: () => void) => {
    // Closing the bank closes its links, which asks for a reconnect: a timer set then would
    // keep the process alive for its whole delay after everything else has stopped.
    if (closed) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) run();
    }, ms);
    timers.add(timer);
  };

  function update(slot: Slot, change: Partial<ModemStatus>) {
    const moved = change.state !== undefined && change.state !== slot.status.state;
    slot.status = {
      ...slot.status,
      ...change,
      ...(moved ? { since: now().toISOString() } : {}),
    };
    publish();
  }

  async function refresh(slot: Slot) {
    const modem = slot.modem;
    if (!modem) return;
    const [registration, signal, operator] = await Promise.all([
      modem.registration(),
      modem.signal(),
      modem.operator(),
    ]);
    update(slot, {
      registration: registration.state,
      signalBars: signal.bars,
      operator,
      signalHistory:
        signal.bars === null
          ? slot.status.signalHistory
          : [...slot.status.signalHistory, { at: now().toISOString(), bars: signal.bars }].slice(
              -signalHistoryLength,
            ),
    });
  }

  /** Opens a modem; true once it is open (in service, or healed when a step opened it). */
  async function connect(slot: Slot): Promise<boolean> {
    if (!slot.care.active) update(slot, { state: 'starting', problem: null, waitingUntil: null });
    let opened: { channel: AtChannel; unwatch: () => void } | null = null;
    if (slot.port.kind === 'hilink') return connectHilink(slot, slot.port.url);
    try {
      const link = await options.openLink(slot.port);
      const channel = createAtChannel(link, {
        ...options.channel,
        // The bank's time stamps the transcript; timers stay the process's own.
        clock: { ...realClock, now },
        transcript: (entry) => slot.transcript?.push(describeEntry(entry)),
        onTimeout: (command) => troubled(slot, channel, command),
      });
      const knownBefore = Object.keys(slot.learnedQuirks);
      if (knownBefore.length > 0) {
        channel.learnReplyQuirks(slot.learnedQuirks, 'learnt from this modem before a reconnect');
      }
      const unwatch = channel.onClosed((error) => {
        if (letGo.has(link)) return;
        slot.modem = null;
        slot.ussd = null;
        // A healing step closed it and opens it again; out of service, it stays closed.
        if (slot.care.active || slot.care.heldOut || slot.status.state === 'out-of-service') {
          return;
        }
        update(slot, { state: 'offline', problem: error.message, waitingUntil: null });
        options.onTimeline?.(
          slot.config.id,
          slot.unplugged ? 'unplugged' : 'offline',
          error.message,
        );
        reconnectLater(slot);
      });
      opened = { channel, unwatch };
      const { port } = slot;
      const usbIdOf = options.usbIdOf ?? usbIdOfPort;
      const modem = await openModem(channel, {
        ...options.opening,
        profiles: modemProfiles(),
        usbId: async () =>
          port.kind === 'serial' ? await usbIdOf(port.path).catch(() => null) : null,
        ...(slot.config.simPin ? { pin: slot.config.simPin } : {}),
      });
      slot.learnedQuirks = { ...channel.learnedQuirks };
      for (const quirk of modem.learnedQuirks()) {
        if (knownBefore.some((name) => quirk === `reply.${name}`)) continue;
        options.log?.warn(
          `Modem ${slot.config.id}: learnt ${quirk}, which its profile ${modem.profile.id} does not set (set it there to spare a timeout at each start)`,
        );
      }
      const bound = await bindToSim(slot, modem, link);
      if (bound !== 'carry-on') return bound === 'moved';
      slot.care.reset = modem.profile.reset;
      if (await letGoIfUnwanted(slot, modem, link)) return false;
      await options.onOpened?.(slot.config.id, modem);
      if (await letGoIfUnwanted(slot, modem, link)) return false;
      slot.modem = modem;
      const ussd = createUssdSession(channel, {
        profile: modem.profile,
        ...(options.lateAnswerMs !== undefined ? { lateAnswerMs: options.lateAnswerMs } : {}),
        ...(slot.learned ? { remembered: slot.learned } : {}),
        onLearned: (encoding) => {
          slot.learned = encoding;
        },
      });
      await takeJobs(slot, modem, ussd, modem.profile.id);
      return true;
    } catch (error) {
      // Only this attempt's modem: a nested opening (its SIM found on another port) may hold it.
      if (
        slot.modem !== null &&
        'channel' in slot.modem &&
        slot.modem.channel === opened?.channel
      ) {
        slot.modem = null;
        slot.ussd = null;
      }
      // The port stays ours when the modem did not answer: free it for the next attempt.
      opened?.unwatch();
      await opened?.channel.close().catch(() => {});
      if (slot.care.active || slot.retired || closed) return false;
      if (slot.care.heldOut) {
        update(slot, { state: 'out-of-service', problem: HELD_OUT, waitingUntil: null });
        return false;
      }
      if (await moveToSim(slot)) return true;
      update(slot, { state: 'offline', problem: (error as Error).message });
      options.onTimeline?.(slot.config.id, 'offline', (error as Error).message);
      if (!(opened && unanswered(slot, error))) reconnectLater(slot);
      return false;
    }
  }

  /** A modem just opened (either link) takes jobs: its USSD line heard, its status read. */
  async function takeJobs(slot: Slot, modem: BankModem, ussd: UssdSession, opened: string) {
    slot.ussd = ussd;
    ussd.onLateAnswer((answer) => {
      if (slot.ussd !== ussd) return;
      for (const listener of lateAnswerListeners) listener(slot.config.id, answer);
    });
    ussd.onLineFreed(() => {
      if (slot.ussd === ussd) backInService(slot);
    });
    update(slot, {
      manufacturer: modem.identity.manufacturer,
      model: modem.identity.model,
      iccid: modem.identity.iccid,
      imei: modem.identity.imei,
    });
    await refresh(slot);
    if (!slot.care.active) update(slot, { state: 'ready' });
    options.onTimeline?.(slot.config.id, 'opened', opened);
    serveWaiters();
    poll(slot);
  }

  /**
   * A modem that opened while it was taken out of the bank, held out by a manager or the bank
   * closed (its opening takes seconds): closed again at once, never lent (true).
   */
  async function letGoIfUnwanted(slot: Slot, modem: BankModem, link: ModemLink | null) {
    if (!closed && !slot.retired && !slot.care.heldOut) return false;
    if (link) letGo.add(link);
    await modem.close().catch(() => {});
    if (slot.care.heldOut && !slot.retired && !closed) {
      update(slot, { state: 'out-of-service', problem: HELD_OUT, waitingUntil: null });
    }
    return true;
  }

  /** As connect, for a HiLink stick: no AT link, its web API instead. */
  async function connectHilink(slot: Slot, url: string): Promise<boolean> {
    try {
      const modem = await openHilinkModem(createHilinkClient({ url }));
      modem.onClosed((error) => {
        if (slot.modem !== modem) return;
        slot.modem = null;
        slot.ussd = null;
        update(slot, { state: 'offline', problem: error.message, waitingUntil: null });
        options.onTimeline?.(slot.config.id, 'offline', error.message);
        reconnectLater(slot);
      });
      const bound = await bindToSim(slot, modem, null);
      if (bound !== 'carry-on') return bound === 'moved';
      if (await letGoIfUnwanted(slot, modem, null)) return false;
      await options.onOpened?.(slot.config.id, modem);
      if (await letGoIfUnwanted(slot, modem, null)) return false;
      slot.modem = modem;
      const ussd = createHilinkUssdSession(modem.client, {
        ...(options.lateAnswerMs !== undefined ? { lateAnswerMs: options.lateAnswerMs } : {}),
        ...(options.hilinkPollMs !== undefined ? { pollMs: options.hilinkPollMs } : {}),
        note: (direction, text) =>
          slot.transcript?.push(describeEntry({ at: now(), direction, text })),
      });
      await takeJobs(slot, modem, ussd, `hilink ${modem.url}`);
      return true;
    } catch (error) {
      // A stick that stopped answering meanwhile is offline already, its reopening planned; a
      // healing step opens it again itself.
      if (slot.status.state === 'offline' || slot.care.active || slot.retired || closed) {
        return false;
      }
      slot.modem = null;
      update(slot, { state: 'offline', problem: (error as Error).message });
      options.onTimeline?.(slot.config.id, 'offline', (error as Error).message);
      reconnectLater(slot);
      return false;
    }
  }

  /**
   * Checks the dealer SIM a newly opened modem answers with: its own (or, the first time, any
   * SIM, learnt) → carry on. Otherwise the modem is closed before it was ever lent: its
   * SIM is looked for on the other ports; failing that, another SIM is out of service until a
   * manager confirms it, and an unreadable or another modem's SIM is tried again later.
   */
  async function bindToSim(
    slot: Slot,
    modem: BankModem,
    link: ModemLink | null,
  ): Promise<'carry-on' | 'moved' | 'stop'> {
    const { id } = slot.config;
    const { iccid, imei } = modem.identity;
    const verdict = judgeSim(slot.config.iccid ?? null, iccid, (found) => {
      // A modem being replaced (saved again while busy) is not another modem.
      const owner = slots.find(
        (other) =>
          !other.retired && other.config.id !== slot.config.id && other.config.iccid === found,
      );
      return owner ? owner.config.id : null;
    });
    if (verdict.kind === 'same' || verdict.kind === 'learnt' || verdict.kind === 'unbound') {
      // The same SIM in another stick: the stick's IMEI is kept up to date.
      const otherStick = verdict.kind === 'same' && imei !== null && imei !== slot.config.imei;
      if (iccid !== null && (verdict.kind === 'learnt' || otherStick)) {
        slot.config = { ...slot.config, iccid, imei };
        options.onSimLearnt?.(id, { iccid, imei });
      }
      const where = slot.port.kind === 'serial' ? slot.port.path : null;
      slot.device = where ? await fs.realpath(where).catch(() => where) : null;
      if (slot.status.simChange) update(slot, { simChange: null });
      if (slot.unplugged) {
        slot.unplugged = false;
        options.onTimeline?.(id, 'replugged', where);
      }
      return 'carry-on';
    }
    if (link) letGo.add(link);
    await modem.close().catch(() => {});
    if (verdict.kind !== 'unread' && (await moveToSim(slot))) return 'moved';
    const where =
      slot.port.kind === 'serial'
        ? slot.port.path
        : slot.port.kind === 'hilink'
          ? slot.port.url
          : slot.port.profile;
    if (verdict.kind === 'changed') {
      update(slot, {
        state: 'out-of-service',
        simChange: { expectedIccid: verdict.expectedIccid, foundIccid: verdict.foundIccid },
        iccid,
        imei,
        problem: `${where} holds another dealer SIM (${verdict.foundIccid}) than ${id}'s (${verdict.expectedIccid}): a manager confirms the change`,
      });
      options.onTimeline?.(id, 'sim-changed', `${verdict.expectedIccid} → ${verdict.foundIccid}`);
      return 'stop';
    }
    const problem =
      verdict.kind === 'unread'
        ? `The SIM in ${where} told no ICCID: it cannot be checked as ${id}'s dealer SIM`
        : `${where} holds the dealer SIM of ${verdict.modemId}, not ${id}'s`;
    update(slot, { state: 'offline', problem });
    options.onTimeline?.(id, 'offline', problem);
    reconnectLater(slot);
    return 'stop';
  }

  /**
   * A bound modem not on its port (gone, or holding something else) looks for its SIM among the
   * ports no other modem holds, and opens there (true). Each port is asked AT once: a device
   * that does not answer OK (not a modem) gets nothing else.
   */
  async function moveToSim(slot: Slot): Promise<boolean> {
    const expected = slot.config.iccid;
    const { port } = slot;
    if (!expected || port.kind !== 'serial' || !options.candidatePorts || closed) return false;
    // Its own port was just tried; another modem's is left alone while that modem holds it.
    // (A device seen before is no proof: a new port may get a gone one's name.)
    const held = new Set<string>([await fs.realpath(port.path).catch(() => port.path)]);
    for (const other of slots) {
      const holding = other.modem !== null || other.status.state === 'starting';
      if (other !== slot && holding && other.port.kind === 'serial') {
        const { path } = other.port;
        held.add(await fs.realpath(path).catch(() => path));
        if (other.device) held.add(other.device);
      }
    }
    const candidates = await options.candidatePorts().catch(() => []);
    for (const candidate of candidates) {
      const device = await fs.realpath(candidate).catch(() => candidate);
      if (held.has(device)) continue;
      held.add(device);
      const moved: ModemPort = { ...port, path: candidate };
      if ((await probeIccid(moved)) !== expected || slot.retired || closed) continue;
      slot.port = moved;
      slot.unplugged = true;
      return connect(slot);
    }
    return false;
  }

  /** The ICCID of the SIM on a port, or null when nothing there answers as a modem. */
  async function probeIccid(port: Extract<ModemPort, { kind: 'serial' }>): Promise<string | null> {
    const link = await options.openLink(port).catch(() => null);
    if (!link) return null;
    try {
      const channel = createAtChannel(link, { ...options.channel, clock: { ...realClock, now } });
      // One AT (after the channel's ESC, which closes a left-open SMS prompt): a device that
      // does not answer OK gets nothing more.
      const hello = await channel.run('AT', { kind: 'quick', timeoutMs: 500 }).catch(() => null);
      if (hello?.final.kind !== 'ok') return null;
      const usbIdOf = options.usbIdOf ?? usbIdOfPort;
      const modem = await openModem(channel, {
        profiles: modemProfiles(),
        usbId: () => usbIdOf(port.path).catch(() => null),
        syncAttempts: 2,
        syncTimeoutMs: 1000,
      });
      return modem.identity.iccid;
    } catch {
      return null;
    } finally {
      await link.close().catch(() => {});
    }
  }

  /**
   * Devices came or went (the hot-plug watcher): a modem whose port went is offline at once,
   * and every modem waiting for its port or its SIM looks again now.
   */
  function devicesChanged(change: { added: readonly string[]; removed: readonly string[] }) {
    for (const slot of slots) {
      const path = slot.port.kind === 'serial' ? slot.port.path : null;
      const gone = change.removed.some((removed) => removed === path || removed === slot.device);
      if (!gone || slot.unplugged) continue;
      slot.unplugged = true;
      if (slot.modem) void slot.modem.close().catch(() => {});
      // Its port hung up first: it is offline already, and now known to be out.
      else options.onTimeline?.(slot.config.id, 'unplugged', path);
    }
    if (change.added.length === 0) return;
    for (const slot of slots) {
      // A device plugged in may be this modem back (replugged by hand after nothing cured it,
      // or with its SIM): tried again, its ladder afresh. A manager's "out" stays out.
      const out = slot.status.state === 'out-of-service' && !slot.care.heldOut;
      const waiting = slot.status.state === 'offline' || out;
      if (slot.retired || closed || slot.care.active || !waiting) continue;
      if (out && slot.status.simChange === null) slot.care.ladder.restart();
      void connect(slot);
    }
  }

  /**
   * Refreshes an idle modem's signal and registration now and then, for as long as this opening
   * of it lasts (a reopened modem polls anew). A modem busy, waiting or healing when the time
   * comes is skipped once, not dropped for good.
   */
  function poll(slot: Slot) {
    const modem = slot.modem;
    const next = () =>
      later(options.pollMs ?? 30_000, () => {
        if (!modem || slot.modem !== modem) return;
        if (slot.status.state !== 'ready') {
          next();
          return;
        }
        refresh(slot)
          .catch(() => {})
          .finally(() => {
            serveWaiters();
            next();
          });
      });
    next();
  }

  /**
   * After a job, a modem whose last request may still be answered waits for that answer (its
   * top-ups would be refused meanwhile), then takes jobs again.
   */
  function afterJob(slot: Slot) {
    const ussd = slot.ussd;
    const waitMs = ussd?.lateAnswerWaitMs() ?? 0;
    if (waitMs <= 0) {
      update(slot, { state: 'ready' });
      return;
    }
    update(slot, {
      state: 'waiting',
      waitingUntil: new Date(now().getTime() + waitMs).toISOString(),
    });
    const recheck = (ms: number) =>
      later(ms, () => {
        if (slot.ussd !== ussd || slot.status.state !== 'waiting') return;
        // A timer may fire a moment before the clock reaches the end of the wait.
        const left = ussd?.lateAnswerWaitMs() ?? 0;
        if (left > 0) recheck(left);
        else backInService(slot);
      });
    recheck(waitMs);
  }

  /** A waiting modem whose late answer came, or whose wait is over, takes jobs again. */
  function backInService(slot: Slot) {
    if (slot.status.state !== 'waiting' || (slot.ussd?.lateAnswerWaitMs() ?? 0) > 0) return;
    update(slot, { state: 'ready', waitingUntil: null });
    const pending = slot.care.pending;
    if (pending) {
      runPending(slot, pending);
      return;
    }
    serveWaiters();
  }

  function usable(slot: Slot, carrierId: string) {
    return (
      !slot.retired &&
      slot.config.carrierId === carrierId &&
      slot.status.state === 'ready' &&
      slot.modem !== null &&
      slot.ussd !== null &&
      (slot.status.registration === 'registered-home' ||
        slot.status.registration === 'registered-roaming')
    );
  }

  function route(
    carrierId: string,
    need: RoutingNeed | undefined,
    except: ReadonlySet<string> = noModems,
  ) {
    // A modem out of service does not come back by itself: no job waits for it.
    const ofCarrier = slots.filter(
      (slot) =>
        !slot.retired &&
        slot.config.carrierId === carrierId &&
        slot.status.state !== 'out-of-service' &&
        !except.has(slot.config.id),
    );
    const choice = chooseModem(
      ofCarrier.map((slot) => ({
        id: slot.config.id,
        free: usable(slot, carrierId),
        lastUsed: slot.lastUsed,
        signalBars: slot.status.signalBars,
        ...(options.floatOf?.(slot.config.id) ?? { float: null, capLeft: null }),
      })),
      need,
    );
    return {
      choice,
      slot: ofCarrier.find((slot) => choice.kind === 'lend' && slot.config.id === choice.modemId),
    };
  }

  function lend(
    carrierId: string,
    need?: RoutingNeed,
    except: ReadonlySet<string> = noModems,
  ): ModemLease | null {
    const { slot } = route(carrierId, need, except);
    return slot ? lendSlot(slot) : null;
  }

  function lendSlot(slot: Slot): ModemLease | null {
    if (!slot.modem || !slot.ussd) return null;
    const { carrierId } = slot.config;
    const { modem, ussd } = slot;
    slot.transcript = [];
    slot.lastUsed = now().getTime();
    update(slot, { state: 'busy' });
    let released = false;
    return {
      id: slot.config.id,
      carrierId,
      modem,
      ussd,
      transcript: () => (slot.transcript ?? []).join('\n'),
      release() {
        if (released) return;
        released = true;
        slot.transcript = null;
        if (slot.retired) {
          void retire(slot);
          return;
        }
        // A lease of a modem since closed and reopened says nothing of the modem now.
        const same = slot.modem === modem;
        if (same && slot.status.state === 'busy' && !healAfterJob(slot)) afterJob(slot);
        serveWaiters();
      },
    };
  }

  function serveWaiters() {
    for (const waiter of [...waiters]) {
      const lease = lend(waiter.carrierId, waiter.need, waiter.except);
      if (!lease) continue;
      clearTimeout(waiter.timer);
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(lease);
    }
  }

  async function retire(slot: Slot) {
    if (slots.includes(slot)) slots.splice(slots.indexOf(slot), 1);
    publish();
    const modem = slot.modem;
    slot.modem = null;
    slot.ussd = null;
    await modem?.close().catch(() => {});
    if (slot.onRetired) {
      closing.delete(slot.config.id);
      slot.onRetired();
    }
  }

  // Healing (issue 12, item 4): the ladder of each modem, its steps, and out of service.

  function careOf(modemId: string): Care {
    const policy = () => ({
      ...defaultHealingPolicy,
      ...(options.healing?.backoffMs !== undefined ? { backoffMs: options.healing.backoffMs } : {}),
      powerCycle: (options.powerCycleOf?.(modemId) ?? null) !== null,
    });
    return {
      ladder: createHealingLadder(policy, { now }),
      pending: null,
      active: false,
      heldOut: options.heldOut?.(modemId) ?? false,
      reset: genericProfile.reset,
    };
  }

  const sleep = (ms: number) => new Promise<void>((resolve) => later(ms, resolve));

  /** A command of the modem in service got no answer: the ladder says what to do. */
  function troubled(slot: Slot, channel: AtChannel, command: string) {
    const modem = slot.modem;
    if (!modem || isHilinkModem(modem) || modem.channel !== channel || slot.care.active) return;
    if (!['ready', 'busy', 'waiting'].includes(slot.status.state)) return;
    if (slot.care.ladder.state.running !== null) return;
    options.onTimeline?.(slot.config.id, 'timeout', command);
    decide(slot, slot.care.ladder.observe({ kind: 'timeout' }), `${command}: no answer`);
  }

  /** The port opened but the modem answered nothing: true when the ladder takes it from here. */
  function unanswered(slot: Slot, error: unknown): boolean {
    if (!(error instanceof ModemError && error.code === 'no_answer')) return false;
    const decision = slot.care.ladder.observe({ kind: 'no-answer' });
    if (decision.kind === 'none') return false;
    decide(slot, decision, error.message);
    return true;
  }

  function decide(slot: Slot, decision: LadderDecision, why: string) {
    if (decision.kind === 'step') {
      if (slot.status.state === 'busy') slot.care.pending = { step: decision.step, why };
      else void runStep(slot, decision.step, why);
    } else if (decision.kind === 'out-of-service') {
      // A top-up in flight is never cut short: out once its job ends.
      if (slot.status.state === 'busy') {
        slot.care.pending = { step: 'out-of-service', why: decision.reason };
      } else void takeOutOfService(slot, decision.reason);
    } else if (decision.kind === 'healed') {
      backFromHealing(slot, decision.step);
    }
  }

  /** When a job releases its modem: a step asked meanwhile, or a manager's hold, comes first. */
  function healAfterJob(slot: Slot): boolean {
    if (slot.care.heldOut) {
      void takeOutOfService(slot, HELD_OUT);
      return true;
    }
    const pending = slot.care.pending;
    if (!pending) return false;
    // Closing the line would lose the late answer of the job's timed-out request: the step
    // waits for it (backInService) unless it keeps the line (a resync).
    if (pending.step !== 'resync' && (slot.ussd?.lateAnswerWaitMs() ?? 0) > 0) return false;
    runPending(slot, pending);
    return true;
  }

  function runPending(slot: Slot, pending: NonNullable<Care['pending']>) {
    if (pending.step === 'out-of-service') void takeOutOfService(slot, pending.why);
    else void runStep(slot, pending.step, pending.why);
  }

  async function runStep(slot: Slot, step: HealingStep, why: string) {
    const { care } = slot;
    care.pending = null;
    care.active = true;
    care.ladder.running(step);
    update(slot, { state: 'healing', problem: why, waitingUntil: null });
    options.onTimeline?.(slot.config.id, step, why);
    let healed = false;
    let failure = '';
    try {
      healed = await healingSteps[step](slot);
    } catch (error) {
      failure = `: ${(error as Error).message}`;
    }
    care.active = false;
    if (closed || slot.retired) return;
    if (care.heldOut) {
      await takeOutOfService(slot, HELD_OUT);
      return;
    }
    const decision = care.ladder.observe({ kind: 'step-done', step, healed });
    decide(slot, decision, `${step} did not cure it${failure}`);
  }

  async function closeModem(slot: Slot) {
    const modem = slot.modem;
    slot.modem = null;
    slot.ussd = null;
    await modem?.close().catch(() => {});
  }

  /** After a restart, tries to open the modem until it answers or `waitMs` is over. */
  async function comeBack(slot: Slot, waitMs: number): Promise<boolean> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      await sleep(options.healing?.retryMs ?? 1_000);
      if (slot.retired) return false;
      // A stick that came back under another name (a power-cycle renumbers ttys) is followed.
      if ((await connect(slot)) || (await moveToSim(slot))) return true;
      if (Date.now() >= deadline) return false;
    }
  }

  const healingSteps: Record<HealingStep, (slot: Slot) => Promise<boolean>> = {
    // The channel re-synchronises (AT until OK) before the probe goes out.
    async resync(slot) {
      const modem = slot.modem;
      // A HiLink stick has no AT line to resynchronise: it is reopened instead.
      if (!modem || isHilinkModem(modem)) return false;
      const answer = await modem.channel.run('AT', { timeoutMs: RESYNC_PROBE_MS });
      return answer.final.kind === 'ok';
    },
    async reopen(slot) {
      await closeModem(slot);
      return connect(slot);
    },
    // On a port of its own: the modem's channel may refuse to write to a modem out of step.
    async reset(slot) {
      await closeModem(slot);
      // A HiLink stick takes no AT command: its reset is opening it anew.
      if (slot.port.kind === 'hilink') return comeBack(slot, slot.care.reset.comeBackMs);
      const link = await options.openLink(slot.port);
      const channel = createAtChannel(link, {
        ...options.channel,
        clock: { ...realClock, now },
      });
      await channel.run(slot.care.reset.command, { timeoutMs: RESET_ANSWER_MS }).catch(() => {});
      await channel.close().catch(() => {});
      return comeBack(slot, slot.care.reset.comeBackMs);
    },
    async 'power-cycle'(slot) {
      const command = options.powerCycleOf?.(slot.config.id) ?? null;
      if (!command) throw new Error('no power-cycle command is set for this modem');
      await closeModem(slot);
      await (options.runPowerCycle ?? runPowerCycle)(command);
      return comeBack(slot, slot.care.reset.comeBackMs);
    },
  };

  function backFromHealing(slot: Slot, step: HealingStep) {
    options.onTimeline?.(slot.config.id, 'healed', step);
    update(slot, { problem: null });
    // Resynced, it is the same modem: a top-up's late answer may still be awaited.
    afterJob(slot);
    serveWaiters();
  }

  async function takeOutOfService(slot: Slot, reason: string) {
    slot.care.pending = null;
    update(slot, { state: 'out-of-service', problem: reason, waitingUntil: null });
    options.onTimeline?.(slot.config.id, 'out-of-service', reason);
    if (reason !== HELD_OUT)
      options.log?.warn(`Modem ${slot.config.id} is out of service: ${reason}`);
    await closeModem(slot);
  }

  return {
    /** Opens every modem; resolves once each is idle or has failed once. */
    async start() {
      await Promise.all(slots.map((slot) => (slot.care.heldOut ? null : connect(slot))));
    },
    statuses,
    /**
     * Lends an idle registered modem of the carrier (routing.ts chooses which; a top-up says what
     * it needs of the dealer SIM), waiting up to `waitMs` for one to free up (first come, first
     * served); null if none did, and at once if the bank has none able to take the job
     * (`refusal` then says why). A job never lent the modems in `except` (a top-up moved on from
     * them) has none to wait for when only those are left.
     */
    acquire(
      carrierId: string,
      waitMs = 0,
      need?: RoutingNeed,
      except: ReadonlySet<string> = noModems,
    ): Promise<ModemLease | null> {
      if (closed) return Promise.resolve(null);
      // First come, first served: the jobs already waiting take what they can of the free
      // modems; what none of them can take (a modem one is kept away from) goes to this job.
      serveWaiters();
      const lease = lend(carrierId, need, except);
      const none = route(carrierId, need, except).choice.kind === 'refuse';
      if (lease || waitMs <= 0 || none) return Promise.resolve(lease);
      return new Promise((resolve) => {
        const waiter: Waiter = {
          carrierId,
          need,
          except,
          resolve,
          timer: setTimeout(() => {
            waiters.splice(waiters.indexOf(waiter), 1);
            resolve(null);
          }, waitMs),
        };
        waiters.push(waiter);
      });
    },
    /** Something that happened to a modem outside the bank (its float ran low), for its timeline. */
    noteTimeline(modemId: string, event: ModemTimelineEvent, detail: string | null) {
      options.onTimeline?.(modemId, event, detail);
    },
    /** Why no modem of the carrier can take a job needing this (float, daily cap); null if one can. */
    refusal(carrierId: string, need: RoutingNeed): RoutingRefusal | null {
      const { choice } = route(carrierId, need);
      return choice.kind === 'refuse' && choice.reason !== 'none' ? choice.reason : null;
    },
    /**
     * Lends one given modem if it is idle and registered (a dealer SIM's own balance is read
     * on its own modem); null otherwise. Jobs waiting for any modem of the carrier go first.
     */
    acquireModem(id: string): ModemLease | null {
      const slot = slots.find((candidate) => candidate.config.id === id);
      if (!slot || !usable(slot, slot.config.carrierId)) return null;
      if (waiters.some((waiter) => waiter.carrierId === slot.config.carrierId)) return null;
      return lendSlot(slot);
    },
    /**
     * Tells `listener` of each late answer a modem receives within its wait (the answer to its
     * last timed-out USSD request), before the modem takes jobs again; returns the unsubscribe.
     */
    onLateAnswer(listener: (modemId: string, answer: UssdAnswer) => void): () => void {
      lateAnswerListeners.add(listener);
      return () => lateAnswerListeners.delete(listener);
    },
    /** Adds a modem the manager configured; resolves once it is idle or has failed once. */
    async add(config: ModemConfig) {
      if (slots.some((slot) => slot.config.id === config.id && !slot.retired)) {
        throw new Error(`The bank already has a modem ${config.id}`);
      }
      const slot = slotOf(config);
      slots.push(slot);
      publish();
      await closing.get(config.id);
      if (!slot.retired && !closed && !slot.care.heldOut) await connect(slot);
    },
    /**
     * Takes a modem out of the bank: nothing new is lent to it, and it is closed at once, or
     * when its current job ends (a top-up is never cut short).
     */
    async remove(id: string) {
      const slot = slots.find((candidate) => candidate.config.id === id && !candidate.retired);
      if (!slot) return;
      slot.retired = true;
      publish();
      if (slot.status.state !== 'busy') {
        await retire(slot);
        return;
      }
      closing.set(
        id,
        new Promise((resolve) => {
          slot.onRetired = resolve;
        }),
      );
    },
    /**
     * Runs one healing step on a modem for a manager: now, or once its current job ends.
     * `held-out`: a manager took it out of service (put it back first); `under-way`: it is
     * opening or a step already runs; `no-power-cycle`: no power-cycle command is set for it.
     */
    heal(
      id: string,
      step: HealingStep,
    ): 'started' | 'after-job' | 'unknown' | 'held-out' | 'under-way' | 'no-power-cycle' {
      const slot = slots.find((candidate) => candidate.config.id === id && !candidate.retired);
      if (!slot) return 'unknown';
      if (slot.care.heldOut) return 'held-out';
      if (step === 'power-cycle' && !options.powerCycleOf?.(id)) return 'no-power-cycle';
      if (slot.care.active || slot.status.state === 'starting') return 'under-way';
      const why = 'asked by a manager';
      if (slot.status.state === 'out-of-service') slot.care.ladder.restart();
      slot.care.ladder.running(step);
      if (slot.status.state === 'busy') {
        slot.care.pending = { step, why };
        return 'after-job';
      }
      void runStep(slot, step, why);
      return 'started';
    },
    /**
     * Takes a modem out of service for a manager (after its current job: a top-up is never cut
     * short) or puts it back: opened again, its ladder started afresh. False: no such modem.
     */
    async setInService(id: string, inService: boolean): Promise<boolean> {
      const slot = slots.find((candidate) => candidate.config.id === id && !candidate.retired);
      if (!slot) return false;
      const { care } = slot;
      if (!inService) {
        if (care.heldOut) return true;
        care.heldOut = true;
        care.pending = null;
        // A job or a step under way ends first, then the modem goes out (healAfterJob, runStep).
        if (slot.status.state !== 'busy' && !care.active) await takeOutOfService(slot, HELD_OUT);
        return true;
      }
      const wasOut = care.heldOut || slot.status.state === 'out-of-service';
      care.heldOut = false;
      care.ladder.restart();
      if (!wasOut) return true;
      options.onTimeline?.(slot.config.id, 'in-service', null);
      // A changed SIM is put back by confirming it (confirmSim), never by this.
      if (slot.status.state === 'out-of-service' && !slot.status.simChange) void connect(slot);
      return true;
    },
    devicesChanged,
    /**
     * A manager accepts the SIM now in a modem's port as its dealer SIM: the modem opens again
     * bound to it. False (nothing changed) unless that very SIM is the change waiting.
     */
    confirmSim(id: string, iccid: string): boolean {
      const slot = slots.find((candidate) => candidate.config.id === id && !candidate.retired);
      if (!slot || slot.status.simChange?.foundIccid !== iccid) return false;
      slot.config = { ...slot.config, iccid, imei: slot.status.imei };
      update(slot, { simChange: null, problem: slot.care.heldOut ? HELD_OUT : null });
      options.onTimeline?.(id, 'sim-confirmed', iccid);
      // A ladder run out on the wrong SIM starts afresh; a manager's hold stays.
      slot.care.ladder.restart();
      if (!slot.care.heldOut && slot.status.state === 'out-of-service') void connect(slot);
      return true;
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      for (const waiter of waiters.splice(0)) {
        clearTimeout(waiter.timer);
        waiter.resolve(null);
      }
      await Promise.all(slots.map((slot) => slot.modem?.close().catch(() => {})));
    },
  };
}

export type ModemBank = ReturnType<typeof createModemBank>;
