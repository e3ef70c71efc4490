import type { z } from 'zod';
import type { modemStatusSchema, modemTimelineEventSchema } from '../../shared/api/contract/modems';
import type { ReplyQuirks } from '../gsm/at/reply';
import type { AtChannelOptions } from '../gsm/channel';
import { createAtChannel } from '../gsm/channel';
import { realClock } from '../gsm/clock';
import { createHilinkClient } from '../gsm/hilink/client';
import { type HilinkModem, openHilinkModem } from '../gsm/hilink/modem';
import { createHilinkUssdSession } from '../gsm/hilink/ussd';
import type { ModemLink } from '../gsm/link/link';
import { type Modem, openModem } from '../gsm/modem';
import { loadModemProfiles, type ModemProfile, type UssdRequestEncoding } from '../gsm/profiles';
import { createUssdSession, type UssdSession } from '../gsm/ussd';
import type { ModemPort } from './links';
import { usbIdOfPort } from './ports';
import { describeEntry } from './transcript-text';

export interface ModemConfig {
  /** The shop's name for it, e.g. "modem-1" (printed on reports: which dealer SIM sold what). */
  id: string;
  /** The carrier of its dealer SIM. */
  carrierId: string;
  port: ModemPort;
  simPin?: string;
}

export type ModemStatus = z.output<typeof modemStatusSchema>;
export type ModemState = ModemStatus['state'];
type ModemTimelineEvent = z.output<typeof modemTimelineEventSchema>;

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
  /** How often a HiLink stick is asked whether a USSD answer came (default 500 ms). */
  hilinkPollMs?: number;
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
      link: config.port.kind === 'hilink' ? 'hilink' : 'serial',
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

  const statuses = (): ModemStatus[] =>
    slots.filter((slot) => !slot.retired).map((slot) => ({ ...slot.status }));
  const publish = () => options.onStatus?.(statuses());
  const reconnectLater = (slot: Slot) =>
    later(options.reconnectMs ?? 5000, () => {
      if (!slot.retired) void connect(slot);
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
    if (slot.config.port.kind === 'hilink') return connectHilink(slot, slot.config.port.url);
    try {
      const link = await options.openLink(slot.config.port);
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
        slot.modem = null;
        slot.ussd = null;
        update(slot, { state: 'offline', problem: error.message, waitingUntil: null });
        options.onTimeline?.(slot.config.id, 'offline', error.message);
        reconnectLater(slot);
      });
      const { port } = slot.config;
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
      update(slot, { state: 'offline', problem: (error as Error).message });
      options.onTimeline?.(slot.config.id, 'offline', (error as Error).message);
      reconnectLater(slot);
    }
  }

  /** As connect, for a HiLink stick: no AT link, its web API instead. */
  async function connectHilink(slot: Slot, url: string) {
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
      if (slot.retired) {
        await modem.close();
        return;
      }
      await options.onOpened?.(slot.config.id, modem);
      slot.modem = modem;
      const ussd = createHilinkUssdSession(modem.client, {
        ...(options.lateAnswerMs !== undefined ? { lateAnswerMs: options.lateAnswerMs } : {}),
        ...(options.hilinkPollMs !== undefined ? { pollMs: options.hilinkPollMs } : {}),
        note: (direction, text) =>
          slot.transcript?.push(describeEntry({ at: now(), direction, text })),
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
      options.onTimeline?.(slot.config.id, 'opened', `hilink ${modem.url}`);
      serveWaiters();
      poll(slot);
    } catch (error) {
      // A stick that stopped answering meanwhile is offline already, its reopening planned.
      if (slot.status.state === 'offline') return;
      slot.modem = null;
      update(slot, { state: 'offline', problem: (error as Error).message });
      options.onTimeline?.(slot.config.id, 'offline', (error as Error).message);
      reconnectLater(slot);
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
