/**
 * Reads a command line the way a modem does (ITU-T V.250 §5.2): characters before the `AT`
 * prefix are ignored, then basic commands (`E0`, `Z`, `&F`, `S0=0`) and extended ones
 * (`+CMGF=0`, `^CURC=0`) follow one another, extended ones separated by `;`.
 * This is the modem's side; the client's AT parsers live in electron/gsm/at/.
 */
import { decimalField, type Field, splitFields } from '../at/fields';

export type CommandForm = 'execute' | 'read' | 'test' | 'set';

export interface AtCommand {
  /** `+CMGF`, `^CURC`, `E`, `&F`, `S0`: upper case, without `AT`. */
  name: string;
  form: CommandForm;
  /** What follows `=` (set form), as written. */
  args: string;
  /** The command as written, without `AT`: `+CUSD=1,"*100#",15`. */
  text: string;
}

export interface ParsedLine {
  /** The line from its `AT` on, with `AT` in upper case: what fault rules match against. */
  text: string;
  commands: AtCommand[];
  /** Set when the line cannot be read past some point: the modem answers it with an error. */
  unreadable: string | null;
}

const EXTENDED_PREFIX = /^[+^$%*#!]/;
const EXTENDED_NAME = /^[+^$%*#!][A-Za-z0-9_]+/;
const BASIC = /^(&?[A-RT-Za-rt-z])(\d*)/;
const S_REGISTER = /^([Ss]\d+)(=\d*|\?)?/;

/** Null when the line holds no `AT` prefix (a real modem ignores it without answering). */
export function parseCommandLine(line: string): ParsedLine | null {
  const start = line.search(/AT/i);
  if (start < 0) return null;
  const body = line.slice(start + 2);
  const parsed: ParsedLine = { text: `AT${body}`, commands: [], unreadable: null };
  let rest = body;
  while (rest.length > 0) {
    rest = rest.replace(/^[\s;]+/, '');
    if (rest === '') break;
    const read = EXTENDED_PREFIX.test(rest) ? readExtended(rest) : readBasic(rest);
    if (!read) {
      parsed.unreadable = rest;
      break;
    }
    parsed.commands.push(read.command);
    rest = rest.slice(read.length);
  }
  return parsed;
}

function readExtended(text: string): { command: AtCommand; length: number } | null {
  const name = EXTENDED_NAME.exec(text)?.[0];
  if (!name) return null;
  let length = name.length;
  let form: CommandForm = 'execute';
  let args = '';
  if (text.startsWith('=?', length)) {
    form = 'test';
    length += 2;
  } else if (text.startsWith('?', length)) {
    form = 'read';
    length += 1;
  } else if (text.startsWith('=', length)) {
    form = 'set';
    length += 1;
    const end = endOfArguments(text, length);
    args = text.slice(length, end);
    length = end;
  }
  const written = text.slice(0, length).trim();
  return { command: { name: name.toUpperCase(), form, args, text: written }, length };
}

/** Arguments run to the next `;` outside quotes, or to the end of the line. */
function endOfArguments(text: string, from: number): number {
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ';' && !quoted) return i;
  }
  return text.length;
}

function readBasic(text: string): { command: AtCommand; length: number } | null {
  const register = S_REGISTER.exec(text);
  if (register?.[1]) {
    const suffix = register[2] ?? '';
    const form: CommandForm = suffix === '?' ? 'read' : suffix.startsWith('=') ? 'set' : 'execute';
    return {
      command: {
        name: register[1].toUpperCase(),
        form,
        args: form === 'set' ? suffix.slice(1) : '',
        text: register[0],
      },
      length: register[0].length,
    };
  }
  const basic = BASIC.exec(text);
  if (!basic?.[1]) return null;
  const digits = basic[2] ?? '';
  return {
    command: {
      name: basic[1].toUpperCase(),
      form: digits === '' ? 'execute' : 'set',
      args: digits,
      text: basic[0],
    },
    length: basic[0].length,
  };
}

/** The comma-separated arguments of a set command (quotes honoured, unquoted ones trimmed). */
export function argumentsOf(command: AtCommand): Field[] {
  return command.args.trim() === '' ? [] : splitFields(command.args);
}

/** A decimal argument (quoted digits allowed), or null when missing, empty or not a number. */
export function numberArgument(fields: readonly Field[], index: number): number | null {
  return decimalField(fields[index]);
}
