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
  /**
   * Where udev would give the stick its stable name (a /dev/serial/by-id/... in a test's
   * folder): a link to `linkPath`, gone while the stick is out, following it when it returns.
   */
  byIdLink?: string;
}

export interface PtySimulator {
  /** The path a client opens, as it would open /dev/ttyUSB0. */
  modemPath: string;
  modem: SimulatedModem;
  /** Stops the modem, closes its end and ends socat; safe to call twice. */
  stop(): Promise<void>;
  /**
   * The stick pulled out (its port and by-id link go, the client sees a hang-up), left out for
   * `outMs`, and plugged back in under another name (ttyUSB0 → ttyUSB3): the same modem and SIM,
   * freshly powered on, on a new pseudo-terminal at `linkPath`. The stopped one stays stopped.
   */
  replug(linkPath: string, outMs?: number): Promise<PtySimulator>;
}

export async function startSimulatorOnPty(options: PtySimulatorOptions): Promise<PtySimulator> {
  const pair = await createPtyPair(options.linkPath);
  const link = await openSerialLink({ path: pair.simulatorPath }).catch(async (error: unknown) => {
    await pair.close();
    throw error;
  });
  const modem = createSimulatedModem(link, {
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    ...(options.carrier === undefined ? {} : { carrier: options.carrier }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  // When the modem drops the line (the drop fault), the client's port must go too, as when a
  // stick is pulled out: ending socat hangs up the client's side.
  link.onClose(() => {
    setTimeout(() => void pair.close(), UNPLUG_GRACE_MS);
  });
  if (options.byIdLink) {
    fs.rmSync(options.byIdLink, { force: true });
    fs.symlinkSync(pair.modemPath, options.byIdLink);
  }
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      if (options.byIdLink) fs.rmSync(options.byIdLink, { force: true });
      modem.stop();
      await link.close();
      await pair.close();
    })();
    return stopping;
  };
  return {
    modemPath: pair.modemPath,
    modem,
    stop,
    async replug(linkPath, outMs = 0) {
      await stop();
      await new Promise((resolve) => setTimeout(resolve, outMs));
      return startSimulatorOnPty({ ...options, linkPath });
    },
  };
}
