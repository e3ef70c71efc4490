import fs from 'node:fs/promises';
import type { z } from 'zod';
import type { modemStatusSchema, modemTimelineEventSchema } from '../../shared/api/contract/modems';
import type { ReplyQuirks } from '../gsm/at/reply';
import type { AtChannelOptions } from '../gsm/channel';
import { createAtChannel } from '../gsm/channel';
import { realClock } from '../gsm/clock';
import type { ModemLink } from '../gsm/link/link';
import { type Modem, openModem } from '../gsm/modem';
import { loadModemProfiles, type ModemProfile, type UssdRequestEncoding } from '../gsm/profiles';
import { createUssdSession, type UssdSession } from '../gsm/ussd';
import type { ModemPort } from './links';
import { usbIdOfPort } from './ports';
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
export type ModemState = ModemStatus['state'];
type ModemTimelineEvent = z.output<typeof modemTimelineEventSchema>;

/** How many signal readings a modem's status keeps (every poll, 30 s apart by default). */
const signalHistoryLength = 24;

/** One modem lent to one job (a renewal, a balance check) until released. */
export interface ModemLease {
  id: string;
  carrierId: string;
  modem: Modem;
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
  onOpened?(modemId: string, modem: Modem): Promise<void> | void;
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
}

interface Slot {
  config: ModemConfig;
  status: ModemStatus;
  modem: Modem | null;
  ussd: UssdSession | null;
  learned: UssdRequestEncoding | undefined;
  /** Reply quirks the modem showed that its profile lacks: kept across reconnects. */
  learnedQuirks: ReplyQuirks;
  transcript: string[] | null;
  lastUsed: number;
  /** Taken out of the bank by the manager: closed once its current job ends, never reopened. */
  retired: boolean;
  onRetired?: () => void;
  /** Where the modem is now: its configured port, or where its SIM was found after a replug. */
  port: ModemPort;
  /** The device its port was when opened (a by-id link resolved), to know it when it goes. */
  device: string | null;
  /** Its port went (hot-plug), or its SIM was found on another: its return is a replug. */
  unplugged: boolean;
}

interface Waiter {
  carrierId: string;
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
      state: 'starting',
      since: now().toISOString(),
      simulated: config.port.kind === 'simulated',
      link: 'serial',
      iccid: null,
      imei: null,
      simChange: null,
      manufacturer: null,
      model: null,
      registration: null,
      operator: null,
      signalBars: null,
      problem: null,
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
      // A modem the hot-plug watcher brought back meanwhile is not opened twice.
      if (!slot.retired && slot.status.state === 'offline') void connect(slot);
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

  async function connect(slot: Slot) {
    update(slot, { state: 'starting', problem: null, waitingUntil: null });
    try {
      const link = await options.openLink(slot.port);
      const channel = createAtChannel(link, {
        ...options.channel,
        // The bank's time stamps the transcript; timers stay the process's own.
        clock: { ...realClock, now },
        transcript: (entry) => slot.transcript?.push(describeEntry(entry)),
      });
      const knownBefore = Object.keys(slot.learnedQuirks);
      if (knownBefore.length > 0) {
        channel.learnReplyQuirks(slot.learnedQuirks, 'learnt from this modem before a reconnect');
      }
      channel.onClosed((error) => {
        if (letGo.has(link)) return;
        slot.modem = null;
        slot.ussd = null;
        update(slot, { state: 'offline', problem: error.message, waitingUntil: null });
        options.onTimeline?.(
          slot.config.id,
          slot.unplugged ? 'unplugged' : 'offline',
          error.message,
        );
        reconnectLater(slot);
      });
      const { port } = slot;
      const usbIdOf = options.usbIdOf ?? usbIdOfPort;
      const modem = await openModem(channel, {
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
      if (!(await bindToSim(slot, modem, link))) return;
      if (slot.retired) {
        await modem.close();
        return;
      }
      await options.onOpened?.(slot.config.id, modem);
      slot.modem = modem;
      const ussd = createUssdSession(channel, {
        profile: modem.profile,
        ...(options.lateAnswerMs !== undefined ? { lateAnswerMs: options.lateAnswerMs } : {}),
        ...(slot.learned ? { remembered: slot.learned } : {}),
        onLearned: (encoding) => {
          slot.learned = encoding;
        },
      });
      slot.ussd = ussd;
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
      update(slot, { state: 'ready' });
      options.onTimeline?.(slot.config.id, 'opened', modem.profile.id);
      serveWaiters();
      poll(slot);
    } catch (error) {
      slot.modem = null;
      if (await moveToSim(slot)) return;
      update(slot, { state: 'offline', problem: (error as Error).message });
      options.onTimeline?.(slot.config.id, 'offline', (error as Error).message);
      reconnectLater(slot);
    }
  }

  /**
   * Checks the dealer SIM a newly opened modem answers with: its own (or, the first time, any
   * SIM, learnt) → carry on (true). Otherwise the modem is closed before it was ever lent: its
   * SIM is looked for on the other ports; failing that, another SIM is out of service until a
   * manager confirms it, and an unreadable or another modem's SIM is tried again later.
   */
  async function bindToSim(slot: Slot, modem: Modem, link: ModemLink): Promise<boolean> {
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
      return true;
    }
    letGo.add(link);
    await modem.close().catch(() => {});
    if (verdict.kind !== 'unread' && (await moveToSim(slot))) return false;
    const where = slot.port.kind === 'serial' ? slot.port.path : slot.port.profile;
    if (verdict.kind === 'changed') {
      update(slot, {
        state: 'out-of-service',
        simChange: { expectedIccid: verdict.expectedIccid, foundIccid: verdict.foundIccid },
        iccid,
        imei,
        problem: `${where} holds another dealer SIM (${verdict.foundIccid}) than ${id}'s (${verdict.expectedIccid}): a manager confirms the change`,
      });
      options.onTimeline?.(id, 'sim-changed', `${verdict.expectedIccid} → ${verdict.foundIccid}`);
      return false;
    }
    const problem =
      verdict.kind === 'unread'
        ? `The SIM in ${where} told no ICCID: it cannot be checked as ${id}'s dealer SIM`
        : `${where} holds the dealer SIM of ${verdict.modemId}, not ${id}'s`;
    update(slot, { state: 'offline', problem });
    options.onTimeline?.(id, 'offline', problem);
    reconnectLater(slot);
    return false;
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
      await connect(slot);
      return true;
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
      const waiting =
        slot.status.state === 'offline' ||
        (slot.status.state === 'out-of-service' && slot.status.simChange !== null);
      if (!slot.retired && !closed && waiting) void connect(slot);
    }
  }

  function poll(slot: Slot) {
    later(options.pollMs ?? 30_000, () => {
      if (slot.status.state !== 'ready' || !slot.modem) return;
      refresh(slot)
        .catch(() => {})
        .finally(() => {
          serveWaiters();
          poll(slot);
        });
    });
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

  function lend(carrierId: string): ModemLease | null {
    const slot = slots
      .filter((candidate) => usable(candidate, carrierId))
      .sort((a, b) => a.lastUsed - b.lastUsed)[0];
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
        if (slot.status.state === 'busy') afterJob(slot);
        serveWaiters();
      },
    };
  }

  function serveWaiters() {
    for (const waiter of [...waiters]) {
      const lease = lend(waiter.carrierId);
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

  return {
    /** Opens every modem; resolves once each is idle or has failed once. */
    async start() {
      await Promise.all(slots.map((slot) => connect(slot)));
    },
    statuses,
    /**
     * Lends an idle registered modem of the carrier, waiting up to `waitMs` for one to free up
     * (first come, first served); null if none did, and at once if the bank has none of it.
     */
    acquire(carrierId: string, waitMs = 0): Promise<ModemLease | null> {
      const lease = waiters.length === 0 ? lend(carrierId) : null;
      const none = !slots.some((slot) => slot.config.carrierId === carrierId);
      if (lease || waitMs <= 0 || none) return Promise.resolve(lease);
      return new Promise((resolve) => {
        const waiter: Waiter = {
          carrierId,
          resolve,
          timer: setTimeout(() => {
            waiters.splice(waiters.indexOf(waiter), 1);
            resolve(null);
          }, waitMs),
        };
        waiters.push(waiter);
      });
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
    /** Adds a modem the manager configured; resolves once it is idle or has failed once. */
    async add(config: ModemConfig) {
      if (slots.some((slot) => slot.config.id === config.id && !slot.retired)) {
        throw new Error(`The bank already has a modem ${config.id}`);
      }
      const slot = slotOf(config);
      slots.push(slot);
      publish();
      await closing.get(config.id);
      if (!slot.retired && !closed) await connect(slot);
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
    devicesChanged,
    /**
     * A manager accepts the SIM now in a modem's port as its dealer SIM: the modem opens again
     * bound to it. False (nothing changed) unless that very SIM is the change waiting.
     */
    confirmSim(id: string, iccid: string): boolean {
      const slot = slots.find((candidate) => candidate.config.id === id && !candidate.retired);
      if (!slot || slot.status.simChange?.foundIccid !== iccid) return false;
      slot.config = { ...slot.config, iccid, imei: slot.status.imei };
      update(slot, { simChange: null, problem: null });
      options.onTimeline?.(id, 'sim-confirmed', iccid);
      void connect(slot);
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
