/**
 * Splits a text into the bodies of concatenated SMS parts in the alphabet it needs: GSM 7-bit
 * when every character has a 7-bit form, otherwise UCS2. One part holds 160 septets or 140
 * octets; a concatenated part loses the header's room (153 septets / 67 UCS2 units with an
 * 8-bit reference, 152 / 66 with a 16-bit one).
 */
import { PduError } from '../errors';
import { encodeGsm7, GSM7_ESCAPE } from '../gsm7';
import { encodeUcs2 } from '../ucs2';
import { headerSeptets, MAX_OCTETS, MAX_SEPTETS, type UserDataBody } from './user-data';

const MAX_PARTS = 255;

export function splitText(text: string, refBits: 8 | 16 = 8): UserDataBody[] {
  // Octets of the concatenation header, UDHL included.
  const headerOctets = refBits === 8 ? 6 : 7;
  const septets = encodeGsm7(text);
  let bodies: UserDataBody[];
  if (septets !== null) {
    const perPart = MAX_SEPTETS - headerSeptets(headerOctets).septets;
    const size = septets.length <= MAX_SEPTETS ? MAX_SEPTETS : perPart;
    bodies = chunks(septets, size, escapeAtEnd).map((run) => ({ alphabet: 'gsm7', septets: run }));
  } else {
    const octets = Array.from(encodeUcs2(text));
    const perPart = (MAX_OCTETS - headerOctets) & ~1; // whole UTF-16 units
    const size = octets.length <= MAX_OCTETS ? MAX_OCTETS : perPart;
    bodies = chunks(octets, size, highSurrogateAtEnd).map((run) => ({
      alphabet: 'ucs2',
      octets: Uint8Array.from(run),
    }));
  }
  if (bodies.length > MAX_PARTS) {
    throw new PduError('too_long', `The text needs ${bodies.length} parts; 255 is the most`);
  }
  return bodies;
}

/**
 * Cuts `items` into runs of at most `size`, shortening a run by `backOff(run)` items where
 * its end would split a character (an escape from its code, a surrogate from its pair).
 */
function chunks(items: number[], size: number, backOff: (run: number[]) => number): number[][] {
  if (items.length === 0) return [[]];
  const runs: number[][] = [];
  for (let start = 0; start < items.length; ) {
    let run = items.slice(start, start + size);
    if (start + run.length < items.length) run = run.slice(0, run.length - backOff(run));
    runs.push(run);
    start += run.length;
  }
  return runs;
}

// In encoder output an escape is always a prefix (no extension code is 0x1B), so a run
// ending in one would part it from its code.
function escapeAtEnd(run: number[]): number {
  return run.at(-1) === GSM7_ESCAPE ? 1 : 0;
}

// Runs are whole UTF-16 units (even lengths); a last unit that is a high surrogate has its
// low half in the next run.
function highSurrogateAtEnd(run: number[]): number {
  const high = run[run.length - 2] ?? 0;
  return high >= 0xd8 && high <= 0xdb ? 2 : 0;
}
