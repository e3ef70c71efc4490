/**
 * The AT channel's reading side, still without a port or a timer: bytes in, events out.
 * framer → classifier → either the pending command's answer, or a URC for listeners.
 *
 * The owner (the channel with its port and its queue) calls `begin` after writing a command,
 * `sendBody` after writing an SMS body at the prompt, and `abandon` when its timer gives up.
 */

import { classifyText, cutEcho, type FinalResult, isLineNoise } from './classify';
import type { PendingCommand } from './command';
import { createLineFramer, decodeLine } from './framer';
import { type CusdAccumulator, createCusdAccumulator } from './parse-ussd';
import { type ReplyQuirks, type ReplyState, reduceReply, startReply } from './reply';
import { createUrcMatcher, defaultUrcMatcher, type UrcSpec } from './urc-table';

export type AtEvent =
  /** The pending command got its final result. */
  | { type: 'response'; command: string; final: FinalResult; lines: string[] }
  /** An unsolicited code; `lines` has the PDU of +CMT or the continuation lines of a +CUSD menu. */
  | { type: 'urc'; name: string; lines: string[]; truncated?: true }
  /** The SMS prompt `> `: write the body now. */
  | { type: 'prompt' }
  /** A line longer than the framer's cap was dropped. */
  | { type: 'overflow'; bytes: number }
  /** A line nobody waited for: a final result with no command pending, late echo, noise. */
  | { type: 'stray'; text: string };

export interface AtReaderOptions {
  maxLineBytes?: number;
  quirks?: ReplyQuirks;
  /** The URC table, when a modem profile extends the default one. */
  urcs?: readonly UrcSpec[];
}

/** What a modem profile changes in how its port is read. */
export interface ReadingProfile {
  urcs: readonly UrcSpec[];
  quirks: ReplyQuirks;
}

interface AtReader {
  push(chunk: Uint8Array): AtEvent[];
  /** A command was written; its answer starts now. Throws if another one is still pending.
   * `quirks` overrides the reader's for this command (a modem profile known only later). */
  begin(command: string, quirks?: ReplyQuirks): void;
  /** The body was written at the prompt; its echo is removed like the command's. */
  sendBody(body: string): void;
  /** Gives up the pending command (timeout); returns what it had collected. */
  abandon(): { command: string; lines: string[] } | null;
  pendingCommand(): string | null;
  /**
   * Reads with the modem profile's URC table and reply quirks from now on (the profile is known
   * only once the modem said its name). Quirks given to `begin` still win for that command.
   */
  adoptProfile(profile: ReadingProfile): void;
  /** Characters held in partial state: the framer's line, an open URC, a partial answer. */
  bufferedBytes(): number;
}

interface OpenUrc {
  spec: UrcSpec;
  lines: string[];
  cusd?: CusdAccumulator;
}

export function createAtReader(options: AtReaderOptions = {}): AtReader {
  const framer = createLineFramer({ maxLineBytes: options.maxLineBytes });
  let urcs = options.urcs ? createUrcMatcher(options.urcs) : defaultUrcMatcher;
  let quirks = options.quirks ?? {};
  let pending: PendingCommand | null = null;
  let reply: ReplyState | null = null;
  let openUrc: OpenUrc | null = null;

  const cusdEvent = (spec: UrcSpec, joined: { text: string; truncated: boolean }): AtEvent =>
    joined.truncated
      ? { type: 'urc', name: spec.name, lines: joined.text.split('\n'), truncated: true }
      : { type: 'urc', name: spec.name, lines: joined.text.split('\n') };

  /** Feeds a line to the open multi-line URC; returns the finished event, if any. */
  function continueUrc(open: OpenUrc, text: string): AtEvent | null {
    if (open.cusd) {
      const joined = open.cusd.push(text);
      return joined && cusdEvent(open.spec, joined);
    }
    open.lines.push(text.trim());
    return open.lines.length >= 2 ? { type: 'urc', name: open.spec.name, lines: open.lines } : null;
  }

  function startUrc(spec: UrcSpec, text: string): AtEvent | null {
    if (spec.lines === 1) return { type: 'urc', name: spec.name, lines: [text] };
    const open: OpenUrc =
      spec.lines === 'quoted'
        ? { spec, lines: [], cusd: createCusdAccumulator() }
        : { spec, lines: [] };
    const done = continueUrc(open, text);
    if (!done) openUrc = open;
    return done;
  }

  /** A finished URC goes out, unless its profile silenced it. */
  function emitUrc(spec: UrcSpec, event: AtEvent | null, events: AtEvent[]): void {
    if (event && !spec.silent) events.push(event);
  }

  function handleLine(raw: string, events: AtEvent[]): void {
    // Noise is neither an answer line nor part of a URC: keeping it would corrupt both.
    if (isLineNoise(raw)) {
      events.push({ type: 'stray', text: raw });
      return;
    }
    if (openUrc?.cusd && urcs.match(raw.trim()) !== undefined) {
      // The closing quote was lost (field note 11): no menu line looks like a URC, so the text
      // ended before this one, the modem's next word. (A lone "OK" can be a menu choice.)
      const held = openUrc.cusd.flush();
      if (held) emitUrc(openUrc.spec, cusdEvent(openUrc.spec, held), events);
      openUrc = null;
    }
    if (openUrc) {
      const open = openUrc;
      const done = continueUrc(open, raw);
      if (done) {
        openUrc = null;
        emitUrc(open.spec, done, events);
      }
      return;
    }
    const cut = cutEcho(raw, pending);
    if (pending && cut.echo === 'command') pending = { ...pending, commandEchoed: true };
    if (pending && cut.echo === 'body') pending = { ...pending, bodyEchoed: true };
    const line = classifyText(cut.text, pending, urcs);
    if (line.kind === 'empty') return;
    if (line.kind === 'urc') {
      emitUrc(line.spec, startUrc(line.spec, line.text), events);
      return;
    }
    if (!pending || !reply) {
      events.push({ type: 'stray', text: raw.trim() });
      return;
    }
    reply = reduceReply(reply, line);
    if (reply.final) {
      events.push({
        type: 'response',
        command: pending.command,
        final: reply.final,
        lines: [...reply.lines],
      });
      pending = null;
      reply = null;
    }
  }

  return {
    push(chunk) {
      const events: AtEvent[] = [];
      for (const frame of framer.push(chunk)) {
        if (frame.type === 'line') handleLine(decodeLine(frame.bytes), events);
        else events.push(frame);
      }
      return events;
    },
    begin(command, commandQuirks = quirks) {
      if (pending) throw new Error(`AT command "${pending.command}" is still pending`);
      const text = command.trim();
      pending = { command: text };
      reply = startReply(text, commandQuirks);
    },
    sendBody(body) {
      if (pending) pending = { ...pending, body, bodyEchoed: false };
    },
    abandon() {
      if (!pending || !reply) return null;
      const partial = { command: pending.command, lines: [...reply.lines] };
      pending = null;
      reply = null;
      return partial;
    },
    pendingCommand: () => pending?.command ?? null,
    adoptProfile(profile) {
      urcs = createUrcMatcher(profile.urcs);
      quirks = profile.quirks;
    },
    bufferedBytes() {
      const urcChars = openUrc
        ? (openUrc.cusd?.bufferedChars() ?? 0) + openUrc.lines.reduce((n, l) => n + l.length, 0)
        : 0;
      return framer.bufferedBytes() + urcChars + (reply?.chars ?? 0);
    },
  };
}
