/**
 * A simulated modem on an in-process link pair, with the client's end recorded as a byte string
 * (latin1, one character per byte), so tests can compare exactly what went over the line.
 */
import { afterEach } from 'vitest';
import type { ModemLink } from '../../../../electron/gsm/link/link';
import { createMemoryLinkPair } from '../../../../electron/gsm/link/memory-link';
import {
  createManualClock,
  createSimulatedModem,
  type ManualClock,
  type SimulatedModem,
  type SimulatedModemOptions,
} from '../../../../electron/gsm/simulator';

/** A final result line, or the SMS prompt: where a command's answer ends. */
export const FINAL = /\r\n(?:OK|ERROR|COMMAND NOT SUPPORT|\+CM[ES] ERROR: [^\r\n]*)\r\n|\r\n> $/;

export interface Bench {
  modem: SimulatedModem;
  client: ModemLink;
  clock: ManualClock;
  /** Everything received since the last take(), then forgets it. */
  take(): string;
  /** Writes bytes (a string is latin1) without waiting for anything. */
  send(bytes: string | Uint8Array): Promise<void>;
  /** Writes, then waits until what came back since matches `until` (a final result by default). */
  exchange(bytes: string | Uint8Array, until?: RegExp): Promise<string>;
  /** Waits until what came back since the last take() matches `until`; returns it all. */
  waitFor(until: RegExp): Promise<string>;
  /**
   * Writes each of `before` and waits for its answer, forgets those answers, then writes `bytes`
   * and returns everything that came back once the line is quiet again.
   */
  answer(bytes: string, options?: { before?: readonly string[]; until?: RegExp }): Promise<string>;
  /** Lets pending deliveries and next-tick answers run. */
  settle(turns?: number): Promise<void>;
}

/** A whole +CUSD line, menus with line breaks included. */
export const CUSD_LINE = /\+CUSD: \d(?:,"[^"]*"(?:,\d+)?)?\r\n/;

const running: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const stop of running.splice(0)) await stop();
});

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function bench(options: SimulatedModemOptions = {}): Bench {
  const [client, modemEnd] = createMemoryLinkPair('simulator');
  const clock = createManualClock();
  const modem = createSimulatedModem(modemEnd, { clock, ...options });
  let received = '';
  client.onData((chunk) => {
    received += Buffer.from(chunk).toString('latin1');
  });
  running.push(async () => {
    modem.stop();
    await client.close();
  });
  const bytesOf = (bytes: string | Uint8Array) =>
    typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;

  async function waitFor(until: RegExp): Promise<string> {
    const deadline = Date.now() + 2000;
    while (!until.test(received)) {
      if (Date.now() > deadline) {
        throw new Error(`Waited for ${until} but got ${JSON.stringify(received)}`);
      }
      await turn();
    }
    const got = received;
    received = '';
    return got;
  }

  return {
    modem,
    client,
    clock,
    take() {
      const got = received;
      received = '';
      return got;
    },
    send: (bytes) => client.write(bytesOf(bytes)),
    async exchange(bytes, until = FINAL) {
      await client.write(bytesOf(bytes));
      return waitFor(until);
    },
    waitFor,
    async settle(turns = 20) {
      for (let i = 0; i < turns; i++) await turn();
    },
    async answer(bytes, options = {}) {
      for (const command of options.before ?? []) {
        await client.write(bytesOf(command));
        await waitFor(FINAL);
      }
      await client.write(bytesOf(bytes));
      let got = await waitFor(options.until ?? FINAL);
      for (let i = 0; i < 20; i++) await turn();
      got += received;
      received = '';
      return got;
    },
  };
}

/** The quoted string and DCS of the first +CUSD line in `output`. */
export function cusdOf(output: string): { m: number; str: string; dcs: number | null } {
  const match = /\+CUSD: (\d)(?:,"([^"]*)"(?:,(\d+))?)?/.exec(output);
  if (!match) throw new Error(`No +CUSD in ${JSON.stringify(output)}`);
  return {
    m: Number(match[1]),
    str: match[2] ?? '',
    dcs: match[3] === undefined ? null : Number(match[3]),
  };
}
