import { extendUrcTable, URCS } from '../../../electron/gsm/at/urc-table';
import { AtNotSentError, AtTimeoutError, createAtChannel } from '../../../electron/gsm/channel';
import { createManualClock } from '../../../electron/gsm/clock';
import { LinkClosedError } from '../../../electron/gsm/link/link';
import { createMemoryLinkPair } from '../../../electron/gsm/link/memory-link';
import { genericProfile } from '../../../electron/gsm/profiles';
import {
  type Expected,
  MASKED,
  type ReplayEvent,
  type ReplayTranscript,
} from '../../../electron/gsm/replay/transcript';
import { createUssdSession, UssdBusyError } from '../../../electron/gsm/ussd';
import { shippedModemProfiles } from '../../support/modem-profiles';

/** The file and the code part ways: the message says where, and what the host did instead. */
export class ReplayMismatch extends Error {
  override name = 'ReplayMismatch';
}

/** A few turns of the event loop: what the bytes just delivered set in motion has run. */
async function settle(turns = 30) {
  for (let turn = 0; turn < turns; turn++) await new Promise((resolve) => setImmediate(resolve));
}

const shown = (bytes: Uint8Array) => {
  const text = Buffer.from(bytes).toString('latin1');
  return /^[\x20-\x7e]*\r$/.test(text)
    ? `"${text.slice(0, -1)}"`
    : `bytes ${Buffer.from(bytes).toString('hex')}`;
};

/** Whether the host's write is the one the file names; • in the file matches any character. */
function matches(
  event: Extract<ReplayEvent, { kind: 'write' | 'write-bytes' }>,
  bytes: Uint8Array,
) {
  if (event.kind === 'write-bytes') return Buffer.from(event.bytes).equals(Buffer.from(bytes));
  const text = Buffer.from(bytes).toString('latin1');
  if (!text.endsWith('\r')) return false;
  const written = [...text.slice(0, -1)];
  const expected = [...event.text];
  return (
    written.length === expected.length &&
    expected.every((char, index) => char === MASKED || char === written[index])
  );
}

function outcomeOfError(error: unknown): Expected {
  if (error instanceof UssdBusyError) return { outcome: 'busy' };
  if (error instanceof AtNotSentError) return { outcome: 'not-sent' };
  if (error instanceof AtTimeoutError) return { outcome: 'no-answer' };
  if (error instanceof LinkClosedError) return { outcome: 'unplugged' };
  throw error;
}

interface ReplayResult {
  /** Each step's line in the file, what it was to give, and what the code gave. */
  steps: { line: number; expected: Expected; actual: Expected }[];
}

/**
 * Plays a transcript against the real AT channel (reader included) and the real USSD session,
 * on a manual clock: the file is the modem. Each `>` must be what the host writes next, each `<`
 * is sent to it, each `+` steps the clock, each step is started where its line stands.
 */
export async function replay(transcript: ReplayTranscript): Promise<ReplayResult> {
  const clock = createManualClock();
  const [host, modem] = createMemoryLinkPair('replay');
  const writes: Uint8Array[] = [];
  modem.onData((chunk) => writes.push(chunk));
  const profile =
    transcript.profile === undefined
      ? genericProfile
      : (await shippedModemProfiles()).find((candidate) => candidate.id === transcript.profile);
  if (!profile) throw new ReplayMismatch(`No modem profile "${transcript.profile}"`);
  const channel = createAtChannel(host, { clock });
  // As the modem bank does once the modem has said what it is.
  channel.adoptProfile({ urcs: extendUrcTable(URCS, profile.urcs), quirks: profile.reply });
  const ussd = createUssdSession(channel, { profile, clock });
  const timeoutMs = transcript.timeoutMs ?? 10_000;
  const steps: ReplayResult['steps'] = [];
  let running: { line: number; done: boolean } | null = null;

  async function nextWrite(line: number, wanted: string) {
    for (let turn = 0; turn < 100 && writes.length === 0; turn++) await settle(1);
    const bytes = writes.shift();
    if (!bytes) throw new ReplayMismatch(`line ${line}: the host wrote nothing, not ${wanted}`);
    return bytes;
  }

  for (const event of transcript.events) {
    switch (event.kind) {
      case 'step': {
        await settle();
        if (running && !running.done) {
          throw new ReplayMismatch(
            `line ${event.line}: the step of line ${running.line} has not ended yet`,
          );
        }
        const current = { line: event.line, done: false };
        running = current;
        const run =
          event.step === 'dial'
            ? ussd.start(event.text, timeoutMs)
            : ussd.reply(event.text, timeoutMs);
        void run
          .then((step): Expected => ({ outcome: step.status, text: step.text }), outcomeOfError)
          .then((actual) => {
            steps.push({ line: event.line, expected: event.expect, actual });
            current.done = true;
          });
        break;
      }
      case 'write':
      case 'write-bytes': {
        const wanted = event.kind === 'write' ? `"${event.text}"` : 'those bytes';
        const bytes = await nextWrite(event.line, wanted);
        if (!matches(event, bytes)) {
          throw new ReplayMismatch(
            `line ${event.line}: the host wrote ${shown(bytes)}, not ${wanted}`,
          );
        }
        break;
      }
      case 'receive':
        await modem.write(Buffer.from(`${event.text}\r\n`, 'utf8'));
        await settle();
        break;
      case 'receive-bytes':
        await modem.write(event.bytes);
        await settle();
        break;
      case 'pause':
        await settle();
        clock.advance(event.ms);
        await settle();
        break;
      case 'unplug':
        await modem.close();
        await settle();
        break;
      case 'comment':
        break;
    }
  }
  await settle();
  const extra = writes.shift();
  if (extra) throw new ReplayMismatch(`after the last line, the host wrote ${shown(extra)}`);
  const waiting = running as { line: number; done: boolean } | null;
  if (waiting && !waiting.done) {
    throw new ReplayMismatch(`the step of line ${waiting.line} is still waiting at the end`);
  }
  await channel.close();
  return { steps };
}
