import type { FinalResult } from './at/classify';
import { isErrorFinal } from './at/classify';
import { describeCmeError, describeCmsError } from './at/error-codes';
import {
  type AtEvent,
  type AtReaderOptions,
  createAtReader,
  type ReadingProfile,
} from './at/reader';
import type { ReplyQuirks } from './at/reply';
import { type Clock, pause, realClock, type TimerHandle } from './clock';
import { type LinkClosed, LinkClosedError, type ModemLink } from './link/link';

/** How long each kind of command may take before the channel gives up on it. */
export const defaultTimeouts = {
  /** Identity, settings, signal: a modem answers these in milliseconds. */
  quick: 5_000,
  /** SIM access (PIN, ICCID, reading a stored SMS) can take seconds on a busy SIM. */
  sim: 15_000,
  /** Sending an SMS or starting a USSD session waits on the network. */
  network: 60_000,
} as const;

export type CommandKind = keyof typeof defaultTimeouts;

export interface AtResponse {
  command: string;
  final: FinalResult;
  lines: string[];
}

/** A command answered with an error result (ERROR, +CME ERROR, +CMS ERROR, NO CARRIER…). */
export class AtCommandError extends Error {
  /** A stable id the interface translates, e.g. `sim_busy`, `cms_330`. */
  readonly id: string;

  constructor(readonly response: AtResponse) {
    const { final } = response;
    const meaning =
      final.kind === 'cme' && final.code !== undefined
        ? describeCmeError(final.code)
        : final.kind === 'cms' && final.code !== undefined
          ? describeCmsError(final.code)
          : { id: final.kind.replaceAll('-', '_'), message: final.text ?? final.kind };
    super(`${response.command}: ${meaning.message}`);
    this.name = 'AtCommandError';
    this.id = meaning.id;
  }
}

export class AtTimeoutError extends Error {
  constructor(
    readonly command: string,
    readonly timeoutMs: number,
    readonly partial: string[],
  ) {
    super(`${command}: no answer within ${timeoutMs} ms`);
    this.name = 'AtTimeoutError';
  }
}

/**
 * Not written: the modem stopped answering and could not be brought back in step, so sending
 * would attribute its late answers to the wrong command. Nothing of this command reached it.
 */
export class AtNotSentError extends Error {
  constructor(readonly command: string) {
    super(`${command}: not sent, the modem is not answering`);
    this.name = 'AtNotSentError';
  }
}

/** Refused before a byte was written: a command or body the line must never carry. */
export class AtInputError extends Error {
  override name = 'AtInputError';
}

export interface RunOptions {
  kind?: CommandKind;
  timeoutMs?: number;
  /** Written at the `> ` prompt and ended with Ctrl-Z (AT+CMGS): hex PDU only. */
  body?: string;
  /** The modem profile's deviations for this command (e.g. +CPIN: without OK). */
  quirks?: ReplyQuirks;
  /** Called just before the command's bytes go to the modem (after its turn in the queue). */
  onWriting?: () => void;
  /**
   * How the command appears in the transcript, in errors and in the response when it carries a
   * secret (a SIM PIN, a dealer PIN inside a USSD string): the real command never leaves here.
   */
  shownAs?: string;
}

/** One line of the transcript: what went to the modem and what came back. */
export interface TranscriptEntry {
  at: Date;
  direction: 'sent' | 'received' | 'note';
  text: string;
}

export interface AtChannelOptions extends AtReaderOptions {
  timeouts?: Partial<Record<CommandKind, number>>;
  /** After a timeout, how long to wait for `AT` → OK while re-synchronising. */
  resyncTimeoutMs?: number;
  /** After the resync OK, how long the line must stay free for the late answer to drain. */
  resyncQuietMs?: number;
  transcript?: (entry: TranscriptEntry) => void;
  /**
   * False for a probe of a port that may not be a modem at all: the first command goes out
   * without the ESC that normally precedes it, so only what the caller asks is written.
   */
  escapeFirst?: boolean;
  /** Told each time a command (a resync's `AT` included) gets no answer in time. */
  onTimeout?: (command: string) => void;
  /** Time for timeouts, pauses and the transcript; the process's own by default. */
  clock?: Clock;
}

export type Urc = Extract<AtEvent, { type: 'urc' }>;

export interface AtChannel {
  /** Queues a command (FIFO); resolves with its answer, whatever the final result. */
  run(command: string, options?: RunOptions): Promise<AtResponse>;
  /** Like run, but an error final result rejects with AtCommandError. */
  expectOk(command: string, options?: RunOptions): Promise<AtResponse>;
  onUrc(listener: (urc: Urc) => void): () => void;
  /**
   * Reads with the modem profile's URC table (its own codes, its silenced ones) and its reply
   * quirks from now on, for every command that does not bring its own.
   */
  adoptProfile(profile: ReadingProfile): void;
  /**
   * Reply quirks found out from this modem's own answers (its profile did not say), kept for
   * every later command, a later adoptProfile included, and noted in the transcript.
   */
  learnReplyQuirks(learned: ReplyQuirks, why: string): void;
  /** The reply quirks learnt so far (empty when none). */
  readonly learnedQuirks: Readonly<ReplyQuirks>;
  onClosed(listener: (error: LinkClosedError) => void): () => void;
  readonly closed: LinkClosedError | null;
  close(): Promise<void>;
}

// Printable ASCII only: CR, LF, Ctrl-Z or ESC inside a command would end it early or start an
// SMS body; user text reaches the line only encoded (hex), never raw (DESIGN rule 4).
const commandPattern = /^AT[\x20-\x7e]*$/i;
const bodyPattern = /^[0-9A-Fa-f]+$/;

interface QueuedCommand {
  command: string;
  shownAs: string;
  body: string | undefined;
  quirks?: ReplyQuirks;
  onWriting?: () => void;
  timeoutMs: number;
  resolve(response: AtResponse): void;
  reject(error: Error): void;
}

/**
 * The AT channel of one port: a strict FIFO of commands, one on the line at a time, answers
 * read by the pure reader, URCs sent to listeners whenever they arrive. After a timeout it
 * re-synchronises (AT until OK) before the next command, so a late answer is never taken for
 * the next command's. When the port goes away every pending command fails with LinkClosedError.
 */
export function createAtChannel(link: ModemLink, options: AtChannelOptions = {}): AtChannel {
  const reader = createAtReader(options);
  let quirks: ReplyQuirks = options.quirks ?? {};
  let learnedQuirks: ReplyQuirks = {};
  const timeouts = { ...defaultTimeouts, ...options.timeouts };
  const clock = options.clock ?? realClock;
  const note = (direction: TranscriptEntry['direction'], text: string) =>
    options.transcript?.({ at: clock.now(), direction, text });
  const urcListeners = new Set<(urc: Urc) => void>();
  const closedListeners = new Set<(error: LinkClosedError) => void>();
  const queue: QueuedCommand[] = [];
  let current: (QueuedCommand & { timer: TimerHandle }) | null = null;
  let needsResync = false;
  // Set after an answer a quirk ended early (+CPIN: READY without OK): the OK may still come.
  let quietBeforeNext = false;
  let closed: LinkClosedError | null = null;

  function finish(outcome: { response: AtResponse } | { error: Error }) {
    const done = current;
    if (!done) return;
    clock.clearTimeout(done.timer);
    current = null;
    if ('response' in outcome) done.resolve(outcome.response);
    else done.reject(outcome.error);
    void pump();
  }

  function handle(event: AtEvent) {
    switch (event.type) {
      case 'response':
        note('received', [...event.lines, describeFinal(event.final)].join('\n'));
        if (current?.quirks?.cpinWithoutOk && /^AT\+CPIN\?$/i.test(event.command)) {
          quietBeforeNext = true;
        }
        finish({
          response: {
            command: current?.shownAs ?? event.command,
            final: event.final,
            lines: event.lines,
          },
        });
        break;
      case 'prompt':
        if (current?.body !== undefined) {
          const body = current.body;
          reader.sendBody(body);
          note('sent', `${body}<Ctrl-Z>`);
          link.write(Buffer.from(`${body}\x1a`, 'latin1')).catch(() => {});
        } else {
          // A prompt nobody will answer would swallow every later command as SMS text.
          writeEscape();
        }
        break;
      case 'urc':
        note('received', event.lines.join('\n'));
        for (const listener of urcListeners) listener(event);
        break;
      case 'overflow':
        note('note', `dropped a line of ${event.bytes} bytes without a line end`);
        break;
      case 'stray':
        note('note', `unexpected: ${event.text}`);
        break;
    }
  }

  link.onData((chunk) => {
    for (const event of reader.push(chunk)) handle(event);
  });

  link.onClose((reason: LinkClosed) => {
    closed = new LinkClosedError(reason, link.description);
    note('note', closed.message);
    reader.abandon();
    if (current) {
      clock.clearTimeout(current.timer);
      current.reject(closed);
      current = null;
    }
    for (const queued of queue.splice(0)) queued.reject(closed);
    for (const listener of closedListeners) listener(closed);
  });

  /**
   * Sends AT until OK, then leaves the line idle for a moment: the timed-out command's late
   * answer and the probe's own OK may arrive in either order, and whichever of them comes with
   * no command pending is dropped as stray instead of answering the next command.
   */
  async function resync() {
    writeEscape();
    const deadline = clock.now().getTime() + (options.resyncTimeoutMs ?? timeouts.quick);
    while (!closed && clock.now().getTime() < deadline) {
      try {
        const response = await send({
          command: 'AT',
          shownAs: 'AT',
          body: undefined,
          timeoutMs: Math.min(1_000, timeouts.quick),
        });
        if (response.final.kind === 'ok') {
          await pause(clock, options.resyncQuietMs ?? 200);
          needsResync = false;
          return;
        }
      } catch (error) {
        if (error instanceof LinkClosedError) return;
      }
    }
  }

  /** ESC ends an SMS prompt a crash or another program left open; in command mode it is ignored. */
  function writeEscape() {
    note('sent', '<ESC>');
    link.write(Uint8Array.of(0x1b)).catch(() => {});
  }

  let first = options.escapeFirst ?? true;

  /** Writes one command and waits for its final result or its timeout. */
  function send(item: Omit<QueuedCommand, 'resolve' | 'reject'>): Promise<AtResponse> {
    if (first) {
      first = false;
      writeEscape();
    }
    return new Promise((resolve, reject) => {
      const timer = clock.setTimeout(() => {
        const partial = reader.abandon();
        needsResync = true;
        note('note', `no answer to ${item.shownAs} within ${item.timeoutMs} ms`);
        const done = current;
        current = null;
        done?.reject(new AtTimeoutError(item.shownAs, item.timeoutMs, partial?.lines ?? []));
        options.onTimeout?.(item.shownAs);
      }, item.timeoutMs);
      const commandQuirks = item.quirks ?? quirks;
      current = { ...item, quirks: commandQuirks, resolve, reject, timer };
      reader.begin(item.command, commandQuirks);
      note('sent', item.shownAs);
      item.onWriting?.();
      link.write(Buffer.from(`${item.command}\r`, 'latin1')).catch((error: Error) => {
        if (current?.timer !== timer) return;
        // The port took an error but stays open: whatever it wrote, the line is out of step.
        reader.abandon();
        needsResync = true;
        finish({ error });
      });
    });
  }

  let pumping = false;
  async function pump() {
    if (pumping) return;
    pumping = true;
    try {
      while (!current && !closed && queue.length > 0) {
        if (needsResync) await resync();
        if (quietBeforeNext) {
          // An OK the modem sends after all arrives with nothing pending and is dropped as stray.
          quietBeforeNext = false;
          await pause(clock, options.resyncQuietMs ?? 200);
        }
        const next = queue.shift();
        if (!next) break;
        if (needsResync) {
          // Still out of step: writing now would give this command an earlier one's answer.
          next.reject(closed ?? new AtNotSentError(next.shownAs));
          continue;
        }
        await send(next).then(next.resolve, next.reject);
      }
    } finally {
      pumping = false;
    }
  }

  function run(command: string, runOptions: RunOptions = {}): Promise<AtResponse> {
    const shownAs = runOptions.shownAs ?? command;
    if (!commandPattern.test(command)) {
      return Promise.reject(new AtInputError(`Refused to send ${JSON.stringify(shownAs)}`));
    }
    if (runOptions.body !== undefined && !bodyPattern.test(runOptions.body)) {
      return Promise.reject(new AtInputError('An SMS body must be a hex PDU'));
    }
    if (closed) return Promise.reject(closed);
    return new Promise((resolve, reject) => {
      queue.push({
        command,
        shownAs,
        body: runOptions.body,
        quirks: runOptions.quirks,
        onWriting: runOptions.onWriting,
        timeoutMs: runOptions.timeoutMs ?? timeouts[runOptions.kind ?? 'quick'],
        resolve,
        reject,
      });
      void pump();
    });
  }

  return {
    run,
    async expectOk(command, runOptions) {
      const response = await run(command, runOptions);
      if (isErrorFinal(response.final)) throw new AtCommandError(response);
      return response;
    },
    onUrc(listener) {
      urcListeners.add(listener);
      return () => urcListeners.delete(listener);
    },
    adoptProfile(profile) {
      quirks = { ...profile.quirks, ...learnedQuirks };
      reader.adoptProfile({ ...profile, quirks });
    },
    learnReplyQuirks(learned, why) {
      learnedQuirks = { ...learnedQuirks, ...learned };
      quirks = { ...quirks, ...learned };
      note('note', `learned ${Object.keys(learned).join(', ')}: ${why}`);
    },
    get learnedQuirks() {
      return learnedQuirks;
    },
    onClosed(listener) {
      closedListeners.add(listener);
      return () => closedListeners.delete(listener);
    },
    get closed() {
      return closed;
    },
    close: () => link.close(),
  };
}

const finalWords: Readonly<Record<FinalResult['kind'], string>> = {
  ok: 'OK',
  connect: 'CONNECT',
  error: 'ERROR',
  cme: '+CME ERROR:',
  cms: '+CMS ERROR:',
  'no-carrier': 'NO CARRIER',
  busy: 'BUSY',
  'no-answer': 'NO ANSWER',
  'no-dialtone': 'NO DIALTONE',
  'not-supported': 'COMMAND NOT SUPPORT',
  'not-allowed': 'NA',
  'modem-error': 'MODEM ERROR:',
};

/** The final result as a modem prints it, for transcripts and the technician's `at` command. */
export function describeFinal(final: FinalResult): string {
  const detail = final.code ?? final.text;
  return detail === undefined ? finalWords[final.kind] : `${finalWords[final.kind]} ${detail}`;
}
