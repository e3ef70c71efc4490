import { TextDecoder } from 'node:util';
import { isWide } from './text-width';

/**
 * The two-byte GBK code of each wide (CJK) character, for printers with a Chinese font: in
 * their Chinese mode (ESC/POS FS &) they read these pairs, the two-byte part of GB18030. The
 * table is the platform's own GBK decoder (WHATWG TextDecoder, full ICU) read backwards, built
 * once on first use, so no encoding table ships with Comptoir.
 */
let table: Map<string, Uint8Array> | undefined;

class GbkUnavailableError extends Error {
  readonly code = 'gbk_unavailable';
  constructor() {
    super('This runtime has no GBK decoder (TextDecoder "gbk"), so it cannot print Chinese');
    this.name = 'GbkUnavailableError';
  }
}

/** The GBK bytes of every wide character GBK has. Throws GbkUnavailableError without ICU. */
export function gbkTable(): ReadonlyMap<string, Uint8Array> {
  if (table) return table;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder('gbk');
  } catch {
    throw new GbkUnavailableError();
  }
  const found = new Map<string, Uint8Array>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const bytes = Uint8Array.of(lead, trail);
      const char = decoder.decode(bytes);
      if ([...char].length === 1 && isWide(char) && !found.has(char)) found.set(char, bytes);
    }
  }
  table = found;
  return table;
}
