/**
 * Assembles the answer of one command from classified lines: a pure reducer (state, line) →
 * state, plus a small collector object around it. URCs and echo never reach the answer.
 */

import { errorDetail, type FinalResult, type LineClass } from './classify';
import { commandShape } from './command';
import { afterPrefix } from './fields';

/** Deviations a modem profile can switch on; all off by default. */
export interface ReplyQuirks {
  /** `AT+CPIN?` is answered by `+CPIN: <code>` with no OK after it (Wavecom, Sierra; note 6). */
  cpinWithoutOk?: boolean;
  /** A bare `NA` line is a final "not allowed" error (some Samsung; note 3). Off by default
   * because a two-letter line is too easily ordinary answer text. */
  naIsError?: boolean;
}

/** Bound one answer's memory: a full SIM's `AT+CMGL=4` listing is ~500 lines, under 200 KB. */
export const MAX_REPLY_LINES = 2048;
export const MAX_REPLY_CHARS = 1024 * 1024;

export interface ReplyState {
  readonly command: string;
  readonly quirks: ReplyQuirks;
  readonly lines: readonly string[];
  readonly chars: number;
  /** Lines dropped once MAX_REPLY_LINES or MAX_REPLY_CHARS was reached. */
  readonly dropped: number;
  /** A bare `+CME ERROR:` / `+CMS ERROR:` was seen: the next answer line is its detail. */
  readonly incomplete?: 'cme' | 'cms';
  readonly final?: FinalResult;
}

export function startReply(command: string, quirks: ReplyQuirks = {}): ReplyState {
  return { command, quirks, lines: [], chars: 0, dropped: 0 };
}

function finish(state: ReplyState, final: FinalResult): ReplyState {
  const { incomplete: _, ...rest } = state;
  return { ...rest, final };
}

function withLine(state: ReplyState, text: string): ReplyState {
  const full = state.lines.length >= MAX_REPLY_LINES || state.chars + text.length > MAX_REPLY_CHARS;
  if (full) return { ...state, dropped: state.dropped + 1 };
  return { ...state, lines: [...state.lines, text], chars: state.chars + text.length };
}

function isCpinQuery(command: string): boolean {
  const shape = commandShape(command);
  return shape?.name === '+CPIN' && shape.form === 'read';
}

export function reduceReply(state: ReplyState, line: LineClass): ReplyState {
  if (state.final) return state;
  switch (line.kind) {
    case 'empty':
    case 'echo':
    case 'urc':
      return state;
    case 'final':
      return finish(state, line.final);
    case 'incomplete-error':
      return { ...state, incomplete: line.family };
    case 'response': {
      // ModemManager reads `+CME ERROR:\r\n5\r\n` as error 5: the detail follows the break.
      if (state.incomplete) return finish(state, errorDetail(state.incomplete, line.text));
      if (state.quirks.naIsError && line.text === 'NA')
        return finish(state, { kind: 'not-allowed' });
      const next = withLine(state, line.text);
      if (
        state.quirks.cpinWithoutOk &&
        isCpinQuery(state.command) &&
        afterPrefix(line.text, '+CPIN') !== null
      ) {
        return finish(next, { kind: 'ok' });
      }
      return next;
    }
  }
}
