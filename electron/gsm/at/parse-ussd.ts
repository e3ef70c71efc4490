/**
 * `+CUSD: <m>[,"<str>"[,<dcs>]]` (27.007 §7.15). The string is left as the modem sent it:
 * decoding it by its DCS (packed GSM 7-bit hex, UCS2 hex, plain text) is the codecs' job.
 *
 * Real answers break the textbook (field notes 9 and 11): menus span several lines, the
 * closing quote or the DCS can be missing, the text itself contains commas and quotes.
 */

import { afterPrefix, type Parsed, parsed, parseError } from './fields';

type UssdStatus =
  | 'done'
  | 'action-required'
  | 'terminated-by-network'
  | 'other-client-answered'
  | 'not-supported'
  | 'timeout';

const STATUSES: readonly UssdStatus[] = [
  'done',
  'action-required',
  'terminated-by-network',
  'other-client-answered',
  'not-supported',
  'timeout',
];

interface UssdAnswer {
  /** <m>: 0 done, 1 the network waits for a reply, 2 ended by network, 3..5 see UssdStatus. */
  status: number;
  meaning: UssdStatus | 'unknown';
  /** The raw <str>, line breaks of a multi-line menu kept as "\n". */
  text?: string;
  dcs?: number;
  /** False when the modem sent the string without quotes. */
  quoted: boolean;
  /** False when a quoted string never got its closing quote. */
  closed: boolean;
}

const STATUS_AND_REST = /^(\d{1,3})\s*(?:,\s*([\s\S]*))?$/;
// A closing quote, then optionally `,<dcs>`, at the very end of the text.
const QUOTE_THEN_DCS = /"\s*(?:,\s*(\d{1,3})\s*)?$/;
const QUOTE_COMMA_DCS = /"\s*,\s*\d{1,3}\s*$/;
const UNQUOTED_WITH_DCS = /^([\s\S]*?)\s*,\s*(\d{1,3})\s*$/;

function statusAndRest(text: string): { status: number; rest: string | undefined } | null {
  const body = afterPrefix(text, '+CUSD');
  if (body === null) return null;
  const match = STATUS_AND_REST.exec(body);
  if (!match?.[1]) return null;
  return { status: Number.parseInt(match[1], 10), rest: match[2] };
}

/** Parses a whole +CUSD answer (continuation lines already joined with "\n"). */
export function parseCusd(text: string): Parsed<UssdAnswer> {
  const head = statusAndRest(text);
  if (!head) {
    return text.trimStart().toUpperCase().startsWith('+CUSD')
      ? parseError('malformed', 'USSD status <m> missing', text)
      : parseError('wrong_prefix', 'not a +CUSD line', text);
  }
  const { status, rest } = head;
  const meaning = STATUSES[status] ?? 'unknown';
  if (rest === undefined || rest.trim() === '')
    return parsed({ status, meaning, quoted: false, closed: true });
  if (!rest.startsWith('"')) {
    // No quotes (field note 11): a trailing `,<number>` is taken as the DCS.
    const match = UNQUOTED_WITH_DCS.exec(rest);
    const answer: UssdAnswer = { status, meaning, text: rest.trim(), quoted: false, closed: true };
    if (match?.[2] !== undefined) {
      answer.text = match[1] ?? '';
      answer.dcs = Number.parseInt(match[2], 10);
    }
    return parsed(answer);
  }
  const inner = rest.slice(1);
  const end = QUOTE_THEN_DCS.exec(inner);
  if (!end) return parsed({ status, meaning, text: inner, quoted: true, closed: false });
  // The last quote closes the string: quotes inside the text are kept as text.
  const answer: UssdAnswer = {
    status,
    meaning,
    text: inner.slice(0, end.index),
    quoted: true,
    closed: true,
  };
  if (end[1] !== undefined) answer.dcs = Number.parseInt(end[1], 10);
  return parsed(answer);
}

/** Upper bounds for one joined answer, so a lost closing quote cannot swallow the line forever. */
export const CUSD_MAX_LINES = 32;
export const CUSD_MAX_CHARS = 4096;

/**
 * Whether the +CUSD text joined so far is a whole answer, or a menu still waiting for lines.
 * Complete when: no string follows <m>; the string is unquoted (nothing tells its end, so it is
 * one line); or the text ends with `",<dcs>`; or it ends with a quote that balances the quotes
 * opened since the string began. `1. Say "yes"` ends with a quote but leaves one open.
 */
export function isCusdComplete(text: string): boolean {
  const head = statusAndRest(text);
  if (!head || head.rest === undefined) return true;
  const rest = head.rest.trimStart();
  if (!rest.startsWith('"')) return true;
  if (QUOTE_COMMA_DCS.test(rest)) return true;
  const trimmed = rest.trimEnd();
  if (trimmed.length < 2 || !trimmed.endsWith('"')) return false;
  const quotes = trimmed.split('"').length - 1;
  return quotes % 2 === 0;
}

export interface CusdAccumulator {
  /** Adds one line; returns the joined answer once it is complete, else null. */
  push(line: string): { text: string; truncated: boolean } | null;
  /** Hands out what is held as a truncated answer (the line after it is not USSD text). */
  flush(): { text: string; truncated: true } | null;
  /** Characters held while the menu is still open. */
  bufferedChars(): number;
}

/**
 * Joins the lines of a multi-line USSD menu (`+CUSD: 1,"Menu` / `1. Balance` / `2. Top-up",15`)
 * with "\n" until the string is closed. A menu that never closes is cut at CUSD_MAX_LINES or
 * CUSD_MAX_CHARS, or flushed by the reader when another URC shows the modem has moved on,
 * and handed out as truncated.
 */
export function createCusdAccumulator(): CusdAccumulator {
  let lines: string[] = [];
  let chars = 0;
  return {
    push(line) {
      lines.push(line);
      chars += line.length + 1;
      const text = lines.join('\n');
      const truncated = !isCusdComplete(text);
      if (truncated && lines.length < CUSD_MAX_LINES && chars < CUSD_MAX_CHARS) return null;
      lines = [];
      chars = 0;
      return { text, truncated };
    },
    flush() {
      if (lines.length === 0) return null;
      const text = lines.join('\n');
      lines = [];
      chars = 0;
      return { text, truncated: true };
    },
    bufferedChars: () => chars,
  };
}
