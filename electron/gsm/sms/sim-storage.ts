/**
 * The SIM's message storage through AT commands, in PDU mode: list everything (`AT+CMGL=4`),
 * read one index (`AT+CMGR`), delete one (`AT+CMGD`); and the PDU of a direct `+CMT`.
 * Each PDU comes back decoded, or raw with the reason it could not be.
 */

import { afterPrefix, decimalField, splitFields } from '../at/fields';
import { parseCmgl, parseCmgr } from '../at/parsers';
import type { AtChannel } from '../channel';
import { ensurePduMode } from './pdu-mode';
import { type ReadPdu, readPdu } from './received';

interface StoredListing {
  messages: ReadPdu[];
  /** `+CMGL` lines whose header could not be read (no index to act on). */
  unreadable: string[];
}

/**
 * Pairs each header with the line after it, one entry at a time: a malformed entry becomes an
 * undecodable PDU (or an unreadable line) instead of costing the whole listing, as
 * parseCmglList's all-or-nothing answer would on a full SIM.
 */
function readListing(lines: readonly string[]): StoredListing {
  const messages: ReadPdu[] = [];
  const unreadable: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (afterPrefix(line, '+CMGL') === null) continue;
    const header = parseCmgl(line);
    if (!header.ok) {
      unreadable.push(line);
      continue;
    }
    const { index, length, inlinePdu } = header.value;
    let pdu = inlinePdu ?? '';
    const next = lines[i + 1];
    if (inlinePdu === undefined && next !== undefined && afterPrefix(next, '+CMGL') === null) {
      pdu = next.trim();
      i++;
    }
    messages.push(readPdu(pdu, { index, length }));
  }
  return { messages, unreadable };
}

export async function listStored(channel: AtChannel): Promise<StoredListing> {
  await ensurePduMode(channel);
  const response = await channel.expectOk('AT+CMGL=4', { kind: 'sim' });
  return readListing(response.lines);
}

/** Reads one index; null when the index is empty (the modem answers a bare OK). */
function readStoredAnswer(index: number, lines: readonly string[]): ReadPdu | null {
  const at = lines.findIndex((line) => afterPrefix(line, '+CMGR') !== null);
  const headerLine = lines[at];
  if (headerLine === undefined) return null;
  const header = parseCmgr(headerLine);
  const pdu =
    header.ok && header.value.inlinePdu !== undefined
      ? header.value.inlinePdu
      : (lines[at + 1]?.trim() ?? '');
  return readPdu(pdu, header.ok ? { index, length: header.value.length } : { index });
}

export async function readStored(channel: AtChannel, index: number): Promise<ReadPdu | null> {
  await ensurePduMode(channel);
  const response = await channel.expectOk(`AT+CMGR=${index}`, { kind: 'sim' });
  return readStoredAnswer(index, response.lines);
}

export async function deleteStored(channel: AtChannel, index: number): Promise<void> {
  await channel.expectOk(`AT+CMGD=${index}`, { kind: 'sim' });
}

/**
 * A direct delivery: `+CMT: [<alpha>],<length>` then the PDU line (the channel hands both
 * lines in one URC). Null when the URC is not a +CMT with a PDU.
 */
export function readDirectDelivery(lines: readonly string[]): ReadPdu | null {
  const rest = afterPrefix(lines[0] ?? '', '+CMT');
  const pdu = lines[1]?.trim();
  if (rest === null || !pdu) return null;
  const length = decimalField(splitFields(rest).at(-1));
  return readPdu(pdu, length === null ? { index: null } : { index: null, length });
}
