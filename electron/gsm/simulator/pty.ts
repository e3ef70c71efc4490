/**
 * The simulator on a real pseudo-terminal pair, reached by clients exactly as a USB modem is
 * (serialport, gammu, minicom): what `comptoir simulate` and the integration tests run.
 * Linux and macOS only: it needs socat.
 */

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
}

export interface PtySimulator {
  /** The path a client opens, as it would open /dev/ttyUSB0. */
  modemPath: string;
  modem: SimulatedModem;
  /** Stops the modem, closes its end and ends socat; safe to call twice. */
  stop(): Promise<void>;
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
  let stopping: Promise<void> | null = null;
  return {
    modemPath: pair.modemPath,
    modem,
    stop() {
      stopping ??= (async () => {
        modem.stop();
        await link.close();
        await pair.close();
      })();
      return stopping;
    },
  };
}
