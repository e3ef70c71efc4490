/**
 * A simulator on a real pseudo-terminal pair, reached through serialport as a USB modem would
 * be, with what the client receives recorded as a byte string (latin1).
 */
import path from 'node:path';
import type { LinkClosed, ModemLink } from '../../../../electron/gsm/link/link';
import { openSerialLink } from '../../../../electron/gsm/link/serial-link';
import {
  type PtySimulator,
  type PtySimulatorOptions,
  startSimulatorOnPty,
} from '../../../../electron/gsm/simulator';
import { FINAL } from '../../../unit/gsm/simulator/harness';

export interface PtyBench {
  simulator: PtySimulator;
  client: ModemLink;
  closed: Promise<LinkClosed>;
  take(): string;
  /** Writes, then waits (real time) until what came back matches `until`; returns it. */
  exchange(bytes: string, until?: RegExp, timeoutMs?: number): Promise<string>;
  /** Waits until what came back since the last read matches; returns it. */
  waitFor(until: RegExp, timeoutMs?: number): Promise<string>;
  /** Waits `ms` and returns whatever came meanwhile. */
  quietFor(ms: number): Promise<string>;
  stop(): Promise<void>;
}

export async function simulatorOnPty(
  dir: string,
  options: Omit<PtySimulatorOptions, 'linkPath'>,
): Promise<PtyBench> {
  const simulator = await startSimulatorOnPty({ ...options, linkPath: path.join(dir, 'ttyModem') });
  const client = await openSerialLink({ path: simulator.modemPath }).catch(async (error) => {
    await simulator.stop();
    throw error;
  });
  let received = '';
  client.onData((chunk) => {
    received += Buffer.from(chunk).toString('latin1');
  });
  const closed = new Promise<LinkClosed>((resolve) => client.onClose(resolve));

  async function waitFor(until: RegExp, timeoutMs = 5000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (!until.test(received)) {
      if (Date.now() > deadline) {
        throw new Error(`Waited for ${until} but got ${JSON.stringify(received)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const got = received;
    received = '';
    return got;
  }

  return {
    simulator,
    client,
    closed,
    take() {
      const got = received;
      received = '';
      return got;
    },
    async exchange(bytes, until = FINAL, timeoutMs = 5000) {
      await client.write(Buffer.from(bytes, 'latin1'));
      return waitFor(until, timeoutMs);
    },
    waitFor,
    async quietFor(ms) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      const got = received;
      received = '';
      return got;
    },
    async stop() {
      await client.close();
      await simulator.stop();
    },
  };
}
