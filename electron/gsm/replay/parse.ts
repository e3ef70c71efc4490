import {
  type Expected,
  OUTCOMES,
  OUTCOMES_WITH_TEXT,
  type Outcome,
  type ReplayEvent,
  type ReplayTranscript,
} from './transcript';

type ParsedTranscript =
  | { ok: true; transcript: ReplayTranscript }
  | { ok: false; line: number; message: string };

class LineError extends Error {}

const fail = (message: string): never => {
  throw new LineError(message);
};

/** `1b 0d0a` or `1b0d0a`: pairs of hex digits, spaces allowed between pairs. */
function hexBytes(text: string): Uint8Array {
  const digits = text.replaceAll(' ', '');
  if (digits === '' || !/^(?:[0-9a-fA-F]{2})+$/.test(digits)) {
    fail(`"${text}" is not hex bytes (pairs of 0-9, a-f)`);
  }
  return Uint8Array.from(Buffer.from(digits, 'hex'));
}

/** `250ms`, `2s`, `1.5s`: a whole number of milliseconds, more than zero. */
function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(text.trim());
  const ms = match ? Number(match[1]) * (match[2] === 's' ? 1000 : 1) : Number.NaN;
  if (!Number.isInteger(ms) || ms <= 0) fail(`"${text}" is not a duration such as 250ms or 2s`);
  return ms;
}

function parseExpected(text: string): Expected {
  const match = /^([a-z-]+)(?:\s+(.*))?$/.exec(text.trim());
  const outcome = match?.[1] as Outcome | undefined;
  if (!match || !outcome || !OUTCOMES.includes(outcome)) {
    return fail(`"${text}" is not an outcome: ${OUTCOMES.join(', ')}`);
  }
  const rest = match[2];
  if (rest === undefined) return { outcome };
  if (!OUTCOMES_WITH_TEXT.includes(outcome)) fail(`A ${outcome} outcome has no text`);
  let decoded: unknown;
  try {
    decoded = JSON.parse(rest);
  } catch {
    decoded = undefined;
  }
  if (typeof decoded !== 'string') fail(`The text after ${outcome} is a "quoted" JSON string`);
  return { outcome, text: decoded as string };
}

function parseEvent(line: string): ReplayEvent {
  const match = /^(>~|<~|>|<|\+|!)(?: (.*))?$/.exec(line);
  if (!match) {
    return fail(
      `"${line}" is neither an event (>, >~, <, <~, +, !, dial:, reply:) nor a # comment`,
    );
  }
  const [, mark, rest = ''] = match;
  switch (mark) {
    case '>':
      if (rest === '') fail('A written line ("> ") needs its text');
      return { kind: 'write', text: rest };
    case '<':
      if (rest === '') fail('A received line ("< ") needs its text; an empty line is <~ 0d0a');
      return { kind: 'receive', text: rest };
    case '>~':
      return { kind: 'write-bytes', bytes: hexBytes(rest) };
    case '<~':
      return { kind: 'receive-bytes', bytes: hexBytes(rest) };
    case '+':
      return { kind: 'pause', ms: parseDuration(rest) };
    default:
      if (rest !== 'unplugged') fail(`"${line}" is not an event: the only ! event is ! unplugged`);
      return { kind: 'unplug' };
  }
}

/**
 * Reads a replay file (the format is in transcript.ts). Pure: the text in, the transcript or the
 * first fault with its line number out.
 */
export function parseTranscript(text: string): ParsedTranscript {
  const transcript: ReplayTranscript = { about: [], events: [] };
  let step: { step: 'dial' | 'reply'; text: string; line: number } | null = null;
  let dialled = false;
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  let number = 0;
  const once = (key: string, present: boolean) => {
    if (present) fail(`"${key}:" is given twice`);
  };
  try {
    for (const line of lines) {
      number += 1;
      if (line.trim() === '') continue;
      if (step && !line.startsWith('expect:')) {
        fail(`"${step.step}: ${step.text}" (line ${step.line}) is followed by its "expect:"`);
      }
      if (line.startsWith('#')) {
        const comment = line.replace(/^# ?/, '');
        if (transcript.events.length > 0) {
          transcript.events.push({ kind: 'comment', text: comment, line: number });
        } else transcript.about.push(comment);
        continue;
      }
      const header = /^([a-z]+):(?: (.*))?$/.exec(line);
      if (!header) {
        transcript.events.push({ ...parseEvent(line), line: number });
        continue;
      }
      const [, key = '', value = ''] = header;
      if (value.trim() === '') fail(`"${key}:" needs a value`);
      switch (key) {
        case 'dial':
        case 'reply':
          if (key === 'reply' && !dialled) fail('"reply:" answers a menu: a "dial:" comes first');
          dialled = true;
          step = { step: key, text: value.trim(), line: number };
          break;
        case 'expect':
          if (!step) return fail('"expect:" follows the "dial:" or "reply:" it is the outcome of');
          transcript.events.push({
            kind: 'step',
            step: step.step,
            text: step.text,
            expect: parseExpected(value),
            line: step.line,
          });
          step = null;
          break;
        case 'profile':
        case 'timeout':
        case 'outcome':
          if (transcript.events.length > 0) {
            fail(`"${key}:" belongs in the header, before the first event`);
          }
          if (key === 'profile') {
            once(key, transcript.profile !== undefined);
            transcript.profile = value.trim();
          } else if (key === 'timeout') {
            once(key, transcript.timeoutMs !== undefined);
            transcript.timeoutMs = parseDuration(value);
          } else {
            once(key, transcript.outcome !== undefined);
            transcript.outcome = value.trim();
          }
          break;
        default:
          fail(`Unknown "${key}:" (dial, reply, expect, profile, timeout, outcome)`);
      }
    }
    if (step) {
      number = step.line;
      fail(`"${step.step}: ${step.text}" has no "expect:"`);
    }
  } catch (error) {
    if (error instanceof LineError) return { ok: false, line: number, message: error.message };
    throw error;
  }
  return { ok: true, transcript };
}
