/**
 * The modem's receive side: bytes arrive in chunks of any size, and the modem reads them either
 * as command lines (ended by CR, or LF from clients that send Unix line ends) or, after the
 * `> ` prompt of AT+CMGS, as a message body ended by Ctrl-Z or cancelled by ESC. Which reading
 * applies depends on the command being run, so the caller pulls one unit at a time.
 */

const CR = 0x0d;
const LF = 0x0a;
const BACKSPACE = 0x08;
const CTRL_Z = 0x1a;
const ESC = 0x1b;

/** Longer lines overflow the command buffer; real modems have a few hundred bytes. */
export const MAX_COMMAND_BYTES = 2048;
/** A PDU body is at most 2 × (12 SMSC + 164 TPDU) hex digits; more is a runaway sender. */
const MAX_BODY_BYTES = 1024;

export interface CommandLine {
  /** The bytes as received, terminator included: what the modem echoes. */
  echo: Uint8Array;
  /** The line without terminator, backspaces applied, each byte one character (latin1). */
  text: string;
  overflowed: boolean;
}

export interface MessageBody {
  echo: Uint8Array;
  text: string;
  ending: 'submit' | 'cancel';
}

export function createModemInput() {
  let buffer = new Uint8Array(0);

  function consume(count: number): Uint8Array {
    const taken = buffer.slice(0, count);
    buffer = buffer.slice(count);
    return taken;
  }

  return {
    push(chunk: Uint8Array): void {
      const joined = new Uint8Array(buffer.length + chunk.length);
      joined.set(buffer);
      joined.set(chunk, buffer.length);
      buffer = joined;
    },

    /**
     * The next complete command line, or null until its terminator has arrived. A line that is
     * empty once edited (the LF of a CRLF that came late, the CR after an ESC) comes back with
     * empty text, for its echo only.
     */
    takeCommandLine(): CommandLine | null {
      const end = buffer.findIndex((byte) => byte === CR || byte === LF);
      if (end < 0) {
        if (buffer.length > MAX_COMMAND_BYTES * 2) consume(buffer.length - MAX_COMMAND_BYTES);
        return null;
      }
      const crlf = buffer[end] === CR && buffer[end + 1] === LF;
      const taken = consume(end + (crlf ? 2 : 1));
      const text = editedText(taken.subarray(0, end));
      return {
        // ESC and Ctrl-Z outside a message body do nothing, so a modem does not echo them.
        echo: taken.filter((byte) => byte !== ESC && byte !== CTRL_Z),
        text: text.trim() === '' ? '' : text.slice(0, MAX_COMMAND_BYTES),
        overflowed: end > MAX_COMMAND_BYTES,
      };
    },

    /** The body typed after the prompt, or null until Ctrl-Z or ESC has arrived. */
    takeBody(): MessageBody | null {
      const end = buffer.findIndex((byte) => byte === CTRL_Z || byte === ESC);
      if (end < 0) return null;
      const ending = buffer[end] === CTRL_Z ? 'submit' : 'cancel';
      const body = consume(end + 1).subarray(0, end);
      const kept = body.filter((byte) => byte !== CR && byte !== LF);
      return {
        echo: body,
        text: Buffer.from(kept.subarray(0, MAX_BODY_BYTES)).toString('latin1'),
        ending,
      };
    },
  };
}

/** Applies backspaces (V.250 S5) and drops the control characters a command cannot hold. */
function editedText(bytes: Uint8Array): string {
  const kept: number[] = [];
  for (const byte of bytes) {
    if (byte === BACKSPACE) kept.pop();
    else if (byte !== ESC && byte !== CTRL_Z && byte !== 0) kept.push(byte);
  }
  return Buffer.from(kept).toString('latin1');
}
