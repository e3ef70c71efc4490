/**
 * Splits the raw byte stream of an AT port into lines, without knowing anything about AT.
 *
 * Line ends are found on BYTES (CR or LF, in any combination or run), never on decoded text:
 * modems put non-UTF-8 noise on the line, and a multi-byte character must not be able to hide
 * a terminator. Lines are handed out as bytes and decoded late, by `decodeLine`.
 */

const CR = 0x0d;
const LF = 0x0a;
const GT = 0x3e;
const SPACE = 0x20;

/** 64 KiB: far above any real AT line (a PDU line is at most ~350 hex chars). */
const DEFAULT_MAX_LINE_BYTES = 64 * 1024;

export type FrameEvent =
  /** One line, terminator removed; never empty. */
  | { type: 'line'; bytes: Buffer }
  /** The SMS prompt `> ` (the modem waits for the message body; no line end follows it). */
  | { type: 'prompt' }
  /** A line grew past the cap without a terminator: it was dropped up to the next line end. */
  | { type: 'overflow'; bytes: number };

interface LineFramer {
  push(chunk: Uint8Array): FrameEvent[];
  /** Bytes held for the line under construction (bounded by the cap). */
  bufferedBytes(): number;
  /** Forget the partial line (e.g. after the port was reopened). */
  reset(): void;
}

interface LineFramerOptions {
  maxLineBytes?: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Decodes a line as UTF-8, replacing invalid sequences with U+FFFD. Never throws. */
export function decodeLine(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

export function createLineFramer(options: LineFramerOptions = {}): LineFramer {
  const max = Math.max(2, options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES);
  // One fixed buffer: memory stays bounded whatever the modem sends.
  const line = Buffer.alloc(max);
  let length = 0;
  // After an overflow, the rest of the runaway line is discarded up to its terminator, so its
  // tail does not come out later as a bogus line.
  let skipping = false;

  function flush(events: FrameEvent[]): void {
    if (length === 1 && line[0] === GT) {
      // A bare ">" followed by a line end: a prompt from a modem that omits the space.
      events.push({ type: 'prompt' });
    } else if (length > 0) {
      events.push({ type: 'line', bytes: Buffer.from(line.subarray(0, length)) });
    }
    length = 0;
  }

  return {
    push(chunk) {
      const events: FrameEvent[] = [];
      for (const byte of chunk) {
        if (byte === CR || byte === LF) {
          if (!skipping) flush(events);
          skipping = false;
          continue;
        }
        if (skipping) continue;
        if (length === max) {
          events.push({ type: 'overflow', bytes: max });
          length = 0;
          skipping = true;
          continue;
        }
        line[length++] = byte;
        // "> " at the start of a line is the prompt whatever follows, decided byte by byte so
        // the result cannot depend on where the chunks were cut. What follows it on the same
        // line is the modem echoing the body we type, and comes out as a line of its own.
        if (length === 2 && line[0] === GT && line[1] === SPACE) {
          events.push({ type: 'prompt' });
          length = 0;
        }
      }
      return events;
    },
    bufferedBytes: () => length,
    reset() {
      length = 0;
      skipping = false;
    },
  };
}
