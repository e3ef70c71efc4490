/** Test helpers: raw bytes from readable strings, and events in a comparable form. */

import type { FrameEvent } from '../../../../electron/gsm/at/framer';
import { decodeLine } from '../../../../electron/gsm/at/framer';

/** Bytes of a string where each char code is one byte ("\xff" is the byte 0xFF). */
export function raw(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

/** Frame events with the lines decoded, for toEqual. */
export function readable(events: readonly FrameEvent[]): Array<string | FrameEvent> {
  return events.map((e) => (e.type === 'line' ? decodeLine(e.bytes) : e));
}
