import { createAtChannel } from '../../../electron/gsm/channel';
import type { ModemLink } from '../../../electron/gsm/link/link';
import { createMemoryLinkPair } from '../../../electron/gsm/link/memory-link';
import { steppedClock } from './stepped-clock';

/** What the scripted modem answers to one command line: bytes, or nothing at all. */
export type Script = (command: string) => string | null;

/**
 * A few lines of fake modem for channel tests: each command line (ended by CR) is answered by
 * the script, raw. The real simulator lives in electron/gsm/simulator; this one lets a test say
 * exactly which bytes come back.
 */
export function scriptedModem(script: Script) {
  const [client, modem] = createMemoryLinkPair('scripted');
  const received: string[] = [];
  let buffer = '';
  modem.onData((chunk) => {
    // ESC outside an SMS body is ignored by modems (the channel sends one before its first
    // command, to end a prompt an earlier session may have left open).
    buffer += Buffer.from(chunk).toString('latin1').replaceAll('\x1b', '');
    for (;;) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: Ctrl-Z ends an SMS body
      const body = /^([0-9A-Fa-f]*)\x1a/.exec(buffer);
      if (body) {
        received.push(`${body[1]}<Ctrl-Z>`);
        buffer = buffer.slice(body[0].length);
        const answer = script(`${body[1]}<Ctrl-Z>`);
        if (answer !== null) void modem.write(Buffer.from(answer, 'latin1'));
        continue;
      }
      const end = buffer.indexOf('\r');
      if (end < 0) break;
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      received.push(line);
      const answer = script(line);
      if (answer !== null) void modem.write(Buffer.from(answer, 'latin1'));
    }
  });
  return { client, modem: modem as ModemLink, received };
}

/**
 * A modem whose AT interpreter stalls (network search, SIM refresh, a Huawei busy with a USSD
 * session): it keeps reading lines but answers none of them until `wake()`, then answers every
 * line it read, in order, as a real modem does. It starts stalled unless told otherwise;
 * `stall()` stalls it again.
 */
export function stallingModem(answer: (command: string) => string, { stalled = true } = {}) {
  let asleep = stalled;
  const backlog: string[] = [];
  const modem = scriptedModem((command) => {
    if (!asleep) return answer(command);
    backlog.push(command);
    return null;
  });
  return {
    ...modem,
    stall() {
      asleep = true;
    },
    async wake() {
      asleep = false;
      for (const command of backlog.splice(0))
        await modem.modem.write(Buffer.from(answer(command), 'latin1'));
    },
  };
}

/**
 * An AT channel that soon gives up on a stalled modem (100 ms for a quick command, 250 ms to
 * resync), on a stepped clock the test moves.
 */
export function impatientChannel(client: ModemLink, onTimeout?: (command: string) => void) {
  const time = steppedClock();
  const channel = createAtChannel(client, {
    ...(onTimeout ? { onTimeout } : {}),
    timeouts: { quick: 100 },
    resyncTimeoutMs: 250,
    resyncQuietMs: 10,
    clock: time.clock,
  });
  return { time, channel };
}
