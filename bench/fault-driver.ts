/**
 * The fault soak's simulated modems and the faults done to them: each modem is a simulator on a
 * real pseudo-terminal, reached by the shop through a by-id-like symlink this module owns, so a
 * modem can be pulled out and plugged back under another name by moving the link. One function
 * per fault, so that a fault can move to the simulator's own API (heal12's hang and reset,
 * bind12's replug, float12's float) in one place.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CarrierBehaviour, CustomerAccount } from '../electron/gsm/simulator/carrier';
import type { CarrierState } from '../electron/gsm/simulator/carrier-network';
import { DEMO_CARRIER } from '../electron/gsm/simulator/demo-carrier';
import { type PtySimulator, startSimulatorOnPty } from '../electron/gsm/simulator/pty';
import { seededRandom } from './shop';

export const FAULT_KINDS = [
  'unplug-during-top-up',
  'renumbering',
  'hang',
  'late-answers',
  'garbage',
  'float-runs-out',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** A time during which the driver had a modem faulted: it was not healthy from start to end. */
export interface FaultWindow {
  kind: FaultKind;
  modemId: string;
  start: number;
  end: number;
  detail: string;
}

const between = (random: () => number, min: number, max: number) =>
  Math.round(min + random() * (max - min));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A carrier behaviour the driver may change while its network runs (it is read at each top-up). */
type LiveCarrier = CarrierBehaviour & { ussd: CarrierBehaviour['ussd'] };

interface PluggedModem {
  id: string;
  /** The path the shop is configured with, as /dev/serial/by-id/usb-…-if00-port0. */
  byId: string;
  simulator: PtySimulator | null;
  carrier: LiveCarrier;
  /** The dealer float the SIM had when its last simulator stopped: a SIM keeps its float. */
  float: number;
  /** Each stopped simulator's network record: what reached the network through this modem. */
  past: CarrierState[];
  faulted: boolean;
}

export interface FaultBenchOptions {
  dir: string;
  modems: number;
  /** The customer lines the network knows besides the demo's. */
  customers: readonly CustomerAccount[];
  /** The dealer float each SIM starts with. */
  float: number;
  /** The simulator profile every modem has (faults add theirs to it): the network's pace. */
  profile: string;
  random: () => number;
  /** The modem's state as the shop's bank shows it (`modems.list`). */
  bankState(modemId: string): Promise<string | null>;
}

export function createFaultBench(options: FaultBenchOptions) {
  /** Draws which modem a fault strikes and each fault's own seed, in the driver's order. */
  const { random } = options;
  const ttyDir = path.join(options.dir, 'dev');
  const byIdDir = path.join(options.dir, 'serial', 'by-id');
  fs.mkdirSync(ttyDir, { recursive: true });
  fs.mkdirSync(byIdDir, { recursive: true });
  let nextTty = 0;
  const windows: FaultWindow[] = [];
  const running = new Set<Promise<void>>();
  let stopping = false;

  const modems: PluggedModem[] = Array.from({ length: options.modems }, (_, index) => ({
    id: `modem-${index + 1}`,
    byId: path.join(byIdDir, `usb-Comptoir_Simulated_${index + 1}-if00-port0`),
    simulator: null,
    carrier: carrierWith(options.float),
    float: options.float,
    past: [],
    faulted: false,
  }));

  function carrierWith(float: number): LiveCarrier {
    return {
      ...DEMO_CARRIER,
      dealer: { ...DEMO_CARRIER.dealer, balance: float },
      customers: [...DEMO_CARRIER.customers, ...options.customers],
      ussd: { ...DEMO_CARRIER.ussd },
    };
  }

  /** Plugs the modem in under a new tty name and points its by-id link there. */
  async function plug(modem: PluggedModem, fault?: string) {
    const tty = path.join(ttyDir, `ttyUSB${nextTty++}`);
    modem.carrier = carrierWith(modem.float);
    const profile = fault ? `${options.profile}+${fault}` : options.profile;
    modem.simulator = await startSimulatorOnPty({ linkPath: tty, carrier: modem.carrier, profile });
    const staged = `${modem.byId}.new`;
    fs.rmSync(staged, { force: true });
    fs.symlinkSync(tty, staged);
    fs.renameSync(staged, modem.byId);
    return path.basename(tty);
  }

  /** Pulls the modem out: its port and its by-id link go, as when a stick leaves the hub. */
  async function unplug(modem: PluggedModem) {
    const simulator = modem.simulator;
    if (!simulator) return;
    // The record is read before the stop: a top-up in flight has reached the network or not.
    const record = simulator.modem.state.carrier;
    modem.past.push(record);
    modem.float = record.dealerBalance;
    modem.simulator = null;
    fs.rmSync(modem.byId, { force: true });
    await simulator.stop();
  }

  async function replug(modem: PluggedModem, outageMs: number, fault?: string) {
    await unplug(modem);
    await sleep(outageMs);
    return plug(modem, fault);
  }

  /** Waits until the bank is topping up through this modem (bounded); false if it never was. */
  async function whenBusy(modem: PluggedModem, withinMs: number) {
    const deadline = Date.now() + withinMs;
    while (Date.now() < deadline && !stopping) {
      if ((await options.bankState(modem.id)) === 'busy') return true;
      await sleep(100);
    }
    return false;
  }

  async function whenNotBusy(modem: PluggedModem, withinMs: number) {
    const deadline = Date.now() + withinMs;
    while (Date.now() < deadline) {
      if ((await options.bankState(modem.id)) !== 'busy') return;
      await sleep(100);
    }
  }

  /** The faults, one function each: what it does to the modem, and the window it was faulted. */
  const faults: Record<
    FaultKind,
    (modem: PluggedModem, random: () => number) => Promise<Omit<FaultWindow, 'kind'>>
  > = {
    async 'unplug-during-top-up'(modem, random) {
      const caught = await whenBusy(modem, 20_000);
      // Somewhere in the five-round dialogue: before, at or after the dealer PIN.
      await sleep(between(random, 0, 1500));
      const start = Date.now();
      const tty = await replug(modem, between(random, 1000, 4000));
      return {
        modemId: modem.id,
        start,
        end: Date.now(),
        detail: `${caught ? 'during a top-up' : 'idle (no top-up came in 20 s)'}, back as ${tty}`,
      };
    },
    async renumbering(modem, random) {
      await whenNotBusy(modem, 60_000);
      const start = Date.now();
      const tty = await replug(modem, between(random, 300, 1500));
      return { modemId: modem.id, start, end: Date.now(), detail: `between sales, now ${tty}` };
    },
    async hang(modem, random) {
      const start = Date.now();
      // The simulator stops reading and answering; its port stays open, as a hung stick's does.
      modem.simulator?.modem.stop();
      const silentMs = between(random, 5_000, 25_000);
      await sleep(silentMs);
      // Then what a reset or power cycle does: the device re-enumerates under another name.
      const tty = await replug(modem, between(random, 500, 2000));
      return {
        modemId: modem.id,
        start,
        end: Date.now(),
        detail: `silent ${silentMs} ms, power-cycled to ${tty}`,
      };
    },
    async 'late-answers'(modem, random) {
      const start = Date.now();
      // Shorter than the carrier's 30 s top-up timeout (a slow sale) or longer (unknown, then
      // settled by the late answer within the bank's 60 s wait).
      const afterMs = between(random, 5_000, 50_000);
      const onMs = between(random, 10_000, 30_000);
      const carrier = modem.carrier;
      carrier.ussd.lateTopUps = {
        customers: carrier.customers.map((line) => line.number),
        afterMs,
      };
      await sleep(onMs);
      delete carrier.ussd.lateTopUps;
      // A top-up sent just before the network mended is still answered afterMs later.
      await sleep(afterMs);
      return {
        modemId: modem.id,
        start,
        end: Date.now(),
        detail: `top-ups answered ${afterMs} ms late for ${onMs} ms`,
      };
    },
    async garbage(modem, random) {
      await whenNotBusy(modem, 60_000);
      const start = Date.now();
      const noisy = await replug(modem, 200, 'garbage');
      await sleep(between(random, 10_000, 30_000));
      await whenNotBusy(modem, 60_000);
      const clean = await replug(modem, 200);
      return {
        modemId: modem.id,
        start,
        end: Date.now(),
        detail: `noise bytes at plug-in and between answers on ${noisy}, clean again on ${clean}`,
      };
    },
    async 'float-runs-out'(modem, random) {
      await whenNotBusy(modem, 60_000);
      const start = Date.now();
      const before = modem.float;
      const cost = Math.min(...DEMO_CARRIER.plans.map((plan) => plan.dealerCost));
      // The SIM is replugged with the float for at most two more top-ups of the cheapest plan.
      await unplug(modem);
      const left = cost * between(random, 0, 2) + cost / 2;
      modem.float = left;
      await plug(modem);
      await sleep(between(random, 15_000, 40_000));
      await whenNotBusy(modem, 60_000);
      // The shop buys float again: the SIM is back to what it had.
      await unplug(modem);
      modem.float = before;
      await plug(modem);
      return {
        modemId: modem.id,
        start,
        end: Date.now(),
        detail: `float ${left} then refilled to ${before}`,
      };
    },
  };

  return {
    modems: () => modems.map(({ id, byId }) => ({ id, byId })),
    windows: () => [...windows],
    async plugAll() {
      for (const modem of modems) await plug(modem);
    },
    /** Runs one fault on a healthy modem, if one is free; the window is logged when it ends. */
    inject(kind: FaultKind): boolean {
      const healthy = modems.filter((modem) => !modem.faulted);
      const modem = healthy[Math.floor(random() * healthy.length)];
      if (!modem) return false;
      modem.faulted = true;
      // Each fault draws its durations from its own seed, so that a replay draws the same ones
      // whatever the other faults under way drew meanwhile.
      const own = seededRandom(Math.floor(random() * 2 ** 31));
      const run = faults[kind](modem, own)
        .then((window) => {
          windows.push({ kind, ...window });
        })
        .finally(() => {
          modem.faulted = false;
          running.delete(run);
        });
      running.add(run);
      return true;
    },
    faultedNow: () => modems.filter((modem) => modem.faulted).length,
    /** Lets the faults under way end (each mends its modem), then returns. */
    async settle() {
      stopping = true;
      while (running.size > 0) await Promise.all([...running]);
    },
    /** Every top-up that reached a simulated network, through any modem, in any of its lives. */
    appliedTopUps(): Array<CarrierState['topUps'][number] & { modemId: string }> {
      return modems.flatMap((modem) => {
        const lives = [...modem.past];
        if (modem.simulator) lives.push(modem.simulator.modem.state.carrier);
        return lives.flatMap((life) =>
          life.topUps.map((topUp) => ({ ...topUp, modemId: modem.id })),
        );
      });
    },
    async stopAll() {
      for (const modem of modems) await unplug(modem);
    },
  };
}

export type FaultBench = ReturnType<typeof createFaultBench>;

/**
 * The instants at which no modem was healthy: the intersection, over the modems, of the union of
 * each one's fault windows. Sorted, disjoint [start, end] pairs.
 */
export function noHealthyModem(
  windows: readonly FaultWindow[],
  modemIds: readonly string[],
): Array<[number, number]> {
  const unionOf = (id: string) => {
    const own = windows
      .filter((window) => window.modemId === id)
      .map((window): [number, number] => [window.start, window.end])
      .sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const [start, end] of own) {
      const last = merged.at(-1);
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else merged.push([start, end]);
    }
    return merged;
  };
  let common: Array<[number, number]> | null = null;
  for (const id of modemIds) {
    const own = unionOf(id);
    if (common === null) {
      common = own;
      continue;
    }
    const next: Array<[number, number]> = [];
    for (const [a, b] of common) {
      for (const [c, d] of own) {
        const start = Math.max(a, c);
        const end = Math.min(b, d);
        if (start < end) next.push([start, end]);
      }
    }
    common = next;
  }
  return common ?? [];
}
