/**
 * The simulator on a real pseudo-terminal pair, reached by clients exactly as a USB modem is
 * (serialport, gammu, minicom): what `comptoir simulate` and the integration tests run.
 * Linux and macOS only: it needs socat.
 */

import fs from 'node:fs';
import type { Clock } from '../clock';
import { createPtyPair } from '../link/pty-pair';
import { openSerialLink } from '../link/serial-link';
import type { CarrierBehaviour } from './carrier';
import { createSimulatedModem, type SimulatedModem, type SimulatedModemOptions } from './modem';

/**
 * How long socat gets, after the modem dropped the line, before it is ended. Ended at once, it
 * loses the last bytes still in flight, and serialport on the client's side sometimes misses
 * the hang-up (measured: 1 run in 10 with no delay, none in 120 with 20 ms or more).
 */
const UNPLUG_GRACE_MS = 100;

export interface PtySimulatorOptions {
  profile?: SimulatedModemOptions['profile'];
  /** Where the client's end of the pair appears, e.g. /tmp/comptoir/ttyModem0. */
  linkPath: string;
  carrier?: CarrierBehaviour;
  clock?: Clock;
  /** How long the port is gone when a reset re-enumerates it (default 300 ms). */
  reenumerateMs?: number;
  /**
   * Where udev would give the stick its stable name (a /dev/serial/by-id/... in a test's
   * folder): a link to `linkPath`, gone while the stick is out, following it when it returns.
   */
  byIdLink?: string;
}

export interface PtySimulator {
  /** The path a client opens, as it would open /dev/ttyUSB0. */
  modemPath: string;
  /** The modem now on the port: a new one after a re-enumeration or a power-cycle. */
  readonly modem: SimulatedModem;
  /**
   * Cuts the modem's power: the port goes, and after `offMs` a freshly powered modem of the same
   * profile appears on the same path (what a hub's per-port power switch does).
   */
  powerCycle(offMs?: number): Promise<void>;
  /**
   * The stick pulled out (its port and by-id link go, the client sees a hang-up), left out for
   * `outMs`, and plugged back in under another name (ttyUSB0 → ttyUSB3): the same modem and SIM,
   * freshly powered on, on a new pseudo-terminal at `linkPath`. The stopped one stays stopped.
   */
  replug(linkPath: string, outMs?: number): Promise<PtySimulator>;
  /** Stops the modem, closes its end and ends socat; safe to call twice. */
  stop(): Promise<void>;
}

interface Powered {
  modem: SimulatedModem;
  /** Ends this power-on: the modem, its end of the pair and socat. */
  off(): Promise<void>;
}

export async function startSimulatorOnPty(options: PtySimulatorOptions): Promise<PtySimulator> {
  let stopping: Promise<void> | null = null;
  let current: Powered;
  const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function powerOn(): Promise<Powered> {
    const pair = await createPtyPair(options.linkPath);
    const link = await openSerialLink({ path: pair.simulatorPath }).catch(
      async (error: unknown) => {
        await pair.close();
        throw error;
      },
    );
    let reenumerating = false;
    const modem = createSimulatedModem(link, {
      ...(options.profile === undefined ? {} : { profile: options.profile }),
      ...(options.carrier === undefined ? {} : { carrier: options.carrier }),
      ...(options.clock === undefined ? {} : { clock: options.clock }),
      onReenumerate: () => {
        reenumerating = true;
      },
    });
    if (options.byIdLink) {
      fs.rmSync(options.byIdLink, { force: true });
      fs.symlinkSync(pair.modemPath, options.byIdLink);
    }
    // When the modem drops the line (the drop fault, a re-enumerating reset), the client's port
    // must go too, as when a stick is pulled out: ending socat hangs up the client's side.
    link.onClose(() => {
      setTimeout(async () => {
        await pair.close();
        if (!reenumerating || stopping) return;
        await later(options.reenumerateMs ?? 300);
        if (!stopping) await replace();
      }, UNPLUG_GRACE_MS);
    });
    return {
      modem,
      async off() {
        if (options.byIdLink) fs.rmSync(options.byIdLink, { force: true });
        modem.stop();
        await link.close();
        await pair.close();
      },
    };
  }

  /** The next power-on; switched off again at once if the simulator stopped meanwhile. */
  async function replace() {
    const next = await powerOn();
    current = next;
    if (stopping) await next.off();
  }

  const stop = () => {
    stopping ??= current.off();
    return stopping;
  };

  current = await powerOn();
  return {
    modemPath: options.linkPath,
    get modem() {
      return current.modem;
    },
    async powerCycle(offMs = 300) {
      await current.off();
      await later(offMs);
      if (!stopping) await replace();
    },
    stop,
    async replug(linkPath, outMs = 0) {
      await stop();
      await later(outMs);
      return startSimulatorOnPty({ ...options, linkPath });
    },
  };
}
