/**
 * Classifies one decoded line, given the command waiting for its answer (or none): final
 * result, echo, URC, or a line of the answer. Pure: the same line and pending command always
 * give the same class. What to do with a class (collect it, route it) is reply.ts and reader.ts.
 */

import type { PendingCommand } from './command';
import { cmeCodeFromText, cmsCodeFromText } from './error-codes';
import { defaultUrcMatcher, isSolicitedBy, type UrcMatcher, type UrcSpec } from './urc-table';

export type FinalKind =
  | 'ok'
  | 'connect'
  | 'error'
  | 'cme'
  | 'cms'
  | 'no-carrier'
  | 'busy'
  | 'no-answer'
  | 'no-dialtone'
  | 'not-supported'
  | 'not-allowed'
  | 'modem-error';

export interface FinalResult {
  kind: FinalKind;
  /** The number of +CME/+CMS/MODEM ERROR, also when the modem printed the verbose text. */
  code?: number;
  /** The verbose error text, or the rate of CONNECT. */
  text?: string;
}

export type LineClass =
  | { kind: 'empty' }
  | { kind: 'echo' }
  | { kind: 'final'; final: FinalResult; text: string }
  /** `+CME ERROR:` with nothing after the colon: not final, the code may follow (keep reading). */
  | { kind: 'incomplete-error'; family: 'cme' | 'cms'; text: string }
  | { kind: 'urc'; spec: UrcSpec; text: string }
  | { kind: 'response'; text: string };

export function isErrorFinal(final: FinalResult): boolean {
  return final.kind !== 'ok' && final.kind !== 'connect';
}

const SIMPLE_FINALS: Readonly<Record<string, FinalKind>> = {
  OK: 'ok',
  ERROR: 'error',
  'NO CARRIER': 'no-carrier',
  BUSY: 'busy',
  'NO ANSWER': 'no-answer',
  'NO DIALTONE': 'no-dialtone',
  // Huawei's non-standard error (ModemManager treats it as final, so do we).
  'COMMAND NOT SUPPORT': 'not-supported',
};

const CMX_ERROR = /^\+CM([ES]) ERROR:(.*)$/;
// Motorola EZX; only the numeric form is final (ModemManager: "MODEM ERROR: apple" is not).
const MODEM_ERROR = /^MODEM ERROR:\s*(\d+)\s*$/;
const CONNECT = /^CONNECT(?:\s+(.*?))?\s*$/;

/** The code or text of an error detail: `14` → code 14; `SIM busy` → code 14 and the text. */
export function errorDetail(family: 'cme' | 'cms', detail: string): FinalResult {
  const text = detail.trim();
  if (text === '') return { kind: family };
  if (/^\d{1,5}$/.test(text)) return { kind: family, code: Number.parseInt(text, 10) };
  const code = family === 'cme' ? cmeCodeFromText(text) : cmsCodeFromText(text);
  return code === undefined ? { kind: family, text } : { kind: family, code, text };
}

/**
 * The final result a line stands for, 'incomplete' for a bare `+CME ERROR:`, or null.
 * `+CME ERROR: ` (a space, no code) is final with an unknown code, as in ModemManager;
 * `+CME ERROR:` (nothing at all after the colon) is not.
 */
export function finalResultOf(text: string): FinalResult | { incomplete: 'cme' | 'cms' } | null {
  const cmx = CMX_ERROR.exec(text);
  if (cmx) {
    const family = cmx[1] === 'E' ? 'cme' : 'cms';
    const detail = cmx[2] ?? '';
    return detail === '' ? { incomplete: family } : errorDetail(family, detail);
  }
  const trimmed = text.trim();
  const simple = SIMPLE_FINALS[trimmed];
  if (simple) return { kind: simple };
  const modem = MODEM_ERROR.exec(trimmed);
  if (modem?.[1]) return { kind: 'modem-error', code: Number.parseInt(modem[1], 10) };
  const connect = CONNECT.exec(trimmed);
  if (connect) return connect[1] ? { kind: 'connect', text: connect[1] } : { kind: 'connect' };
  return null;
}

function isBlank(code: number): boolean {
  // NUL (plug-in noise, ModemManager skips it too), tab, space and other whitespace.
  return code === 0 || code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/** Leading whitespace and NULs go; trailing NULs go; trailing spaces stay (see finalResultOf). */
function clean(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && text.charCodeAt(end - 1) === 0) end--;
  return text.slice(start, end);
}

const CTRL_Z = 0x1a;
const ESC = 0x1b;

function isSubmitKey(code: number): boolean {
  return code === CTRL_Z || code === ESC;
}

/** The body echo ends with the Ctrl-Z (or ESC) that submitted it; compare without it. */
function withoutSubmitKey(text: string): string {
  let end = text.length;
  while (end > 0 && (isSubmitKey(text.charCodeAt(end - 1)) || isBlank(text.charCodeAt(end - 1))))
    end--;
  return text.slice(0, end);
}

function withoutLeadingSubmitKey(text: string): string {
  let start = 0;
  while (start < text.length && isSubmitKey(text.charCodeAt(start))) start++;
  return text.slice(start);
}

interface EchoCut {
  /** The line without the echo: empty when the whole line was echo. */
  text: string;
  /** Which echo was cut, if any. */
  echo: 'command' | 'body' | null;
}

/**
 * Cuts the echo of the pending command (or of the SMS body) off the start of a line. Echo is
 * removed whether or not ATE0 was obeyed (field note 2), also when it arrives glued to the next
 * line without a line end (`AT+CSQ+CSQ: 20,99`). Compared case-insensitively.
 */
export function cutEcho(line: string, pending: PendingCommand | null): EchoCut {
  const text = clean(line);
  if (!pending) return { text, echo: null };
  const upper = text.toUpperCase();
  const candidates = [
    { echo: 'command' as const, sent: pending.commandEchoed ? undefined : pending.command },
    { echo: 'body' as const, sent: pending.bodyEchoed ? undefined : pending.body },
  ];
  for (const { echo, sent } of candidates) {
    const expected = sent === undefined ? '' : withoutSubmitKey(sent.trim()).toUpperCase();
    if (expected !== '' && upper.startsWith(expected)) {
      return { text: clean(withoutLeadingSubmitKey(text.slice(expected.length))), echo };
    }
  }
  return { text, echo: null };
}

/** Classifies a line whose echo, if any, was already cut (see cutEcho). */
export function classifyText(
  line: string,
  pending: PendingCommand | null,
  urcs: UrcMatcher = defaultUrcMatcher,
): LineClass {
  const text = clean(line);
  if (text.trim() === '') return { kind: 'empty' };
  const final = finalResultOf(text);
  if (final && 'incomplete' in final) {
    return { kind: 'incomplete-error', family: final.incomplete, text };
  }
  if (final) return { kind: 'final', final, text };
  const spec = urcs.match(text);
  if (spec && !isSolicitedBy(spec, pending, text)) return { kind: 'urc', spec, text: text.trim() };
  return { kind: 'response', text: text.trim() };
}

/**
 * Line noise (a burst at plug-in, 8-bit garbage): mostly bytes that are not UTF-8. Raw GSM code
 * points (é is 0x05 in the GSM charset) and a lone Latin-1 letter in a text are not noise.
 */
export function isLineNoise(text: string): boolean {
  let invalid = 0;
  let printable = 0;
  for (const char of text) {
    if (char === '\uFFFD') invalid += 1;
    else if (char >= ' ' && char <= '~') printable += 1;
  }
  return invalid > 0 && invalid >= printable;
}
