import { classifyText, cutEcho, type LineClass } from '../../../../electron/gsm/at/classify';
import type { PendingCommand } from '../../../../electron/gsm/at/command';
import {
  type ReplyQuirks,
  type ReplyState,
  reduceReply,
  startReply,
} from '../../../../electron/gsm/at/reply';
import { defaultUrcMatcher, type UrcMatcher } from '../../../../electron/gsm/at/urc-table';

/** One line through the reader's two steps: echo first, then what is left. */
export function classifyLine(
  line: string,
  pending: PendingCommand | null,
  urcs: UrcMatcher = defaultUrcMatcher,
): LineClass {
  const cut = cutEcho(line, pending);
  if (cut.echo && cut.text.trim() === '') return { kind: 'echo' };
  return classifyText(cut.text, pending, urcs);
}

type ReplyProgress =
  | { done: false }
  | { done: true; final: NonNullable<ReplyState['final']>; lines: string[] };

/** The reply reducer with its state kept, as the reader keeps it. */
export function createResponseCollector(command: string, quirks: ReplyQuirks = {}) {
  let state = startReply(command, quirks);
  return {
    push(line: LineClass): ReplyProgress {
      state = reduceReply(state, line);
      return state.final
        ? { done: true, final: state.final, lines: [...state.lines] }
        : { done: false };
    },
    lines: () => [...state.lines],
  };
}
