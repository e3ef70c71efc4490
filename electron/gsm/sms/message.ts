/**
 * What the inbox hands to the app (and `comptoir sms list --json` prints): one message,
 * reassembled from its parts, or one PDU kept raw because it could not be decoded.
 */

import { createHash } from 'node:crypto';
import type { Alphabet, PduWarning } from '../codecs';
import type { ReceivedPart, UndecodablePdu } from './received';

export interface InboxMessage {
  /**
   * The same for the same message read again (after a restart that came between saving it and
   * deleting it from the SIM): a store can use it to save idempotently.
   */
  key: string;
  /** The key of the incomplete message this one completes, surfaced earlier; else null. */
  supersedes: string | null;
  /** SIM indexes this message holds there (deleted once saved); empty for a direct +CMT. */
  indexes: number[];
  /** Null only for an undecodable PDU. */
  sender: string | null;
  /** Service-centre time of the first part held, ISO 8601 with the network's offset. */
  timestamp: string | null;
  /** The parts held, joined in order (a missing part leaves nothing in its place). */
  text: string;
  encoding: Alphabet | null;
  complete: boolean;
  /** How many parts are held, out of `total`, and which are missing. */
  parts: number;
  total: number;
  missing: number[];
  smsc: string | null;
  /** When the first part reached the app (the app's clock, ISO 8601 UTC). */
  receivedAt: string;
  /** How the first part reached the app. */
  via: Arrival;
  /** Why the PDU could not be read; null for a decoded message. */
  error: { code: string; message: string } | null;
  /** The raw PDU of an undecodable message; null otherwise. */
  pdu: string | null;
  /** Flaws its parts were read despite, each with the part it was found in. */
  warnings: Array<PduWarning & { part: number }>;
  /** A part held stops short of the text its PDU announced (not the same as a missing part). */
  truncated: boolean;
}

/**
 * `startup`: found on the SIM by the listing at start (it may have come long before);
 * `cmti`/`cmt`: announced or delivered while we listened; `sweep`: found by a later listing;
 * `list`: read by list(), which hands nothing over.
 */
export type Arrival = 'startup' | 'cmti' | 'cmt' | 'sweep' | 'list';

export interface Arrived {
  at: number;
  via: Arrival;
}

export interface HeldPart {
  data: ReceivedPart;
  arrived: Arrived;
}

/** Joins the parts of one message (all of them, or those that came). */
export function messageFromParts(
  parts: readonly HeldPart[],
  fields: { total: number; indexes: number[]; supersedes: string | null },
): InboxMessage {
  const sorted = [...parts].sort((a, b) => partNumber(a) - partNumber(b));
  const first = sorted[0];
  if (!first) throw new Error('A message needs at least one part');
  const present = new Set(sorted.map(partNumber));
  const missing: number[] = [];
  for (let part = 1; part <= fields.total; part++) if (!present.has(part)) missing.push(part);
  const text = sorted.map((part) => part.data.text).join('');
  const { sender, timestamp } = first.data;
  const earliest = sorted.reduce((a, b) => (b.arrived.at < a.arrived.at ? b : a));
  return {
    key: `sms-${fingerprint([sender, timestamp, String(fields.total), text].join('\u0000'))}`,
    supersedes: fields.supersedes,
    indexes: [...fields.indexes].sort((a, b) => a - b),
    sender,
    timestamp,
    text,
    encoding: first.data.encoding,
    complete: missing.length === 0,
    parts: sorted.length,
    total: fields.total,
    missing,
    smsc: first.data.smsc,
    receivedAt: new Date(earliest.arrived.at).toISOString(),
    via: earliest.arrived.via,
    error: null,
    pdu: null,
    warnings: sorted.flatMap((part) =>
      part.data.warnings.map((warning) => ({ ...warning, part: partNumber(part) })),
    ),
    truncated: sorted.some((part) => part.data.truncated),
  };
}

/** An undecodable PDU, surfaced as it is so nobody loses it. */
export function rawMessage(raw: UndecodablePdu, arrived: Arrived): InboxMessage {
  return {
    key: `raw-${raw.index ?? 'direct'}-${fingerprint(raw.pdu.toUpperCase())}`,
    supersedes: null,
    indexes: raw.index === null ? [] : [raw.index],
    sender: null,
    timestamp: null,
    text: '',
    encoding: null,
    complete: false,
    parts: 1,
    total: 1,
    missing: [],
    smsc: null,
    receivedAt: new Date(arrived.at).toISOString(),
    via: arrived.via,
    error: raw.error,
    pdu: raw.pdu,
    warnings: [],
    truncated: false,
  };
}

function partNumber(part: HeldPart): number {
  return part.data.concat?.part ?? 1;
}

/** 64 bits of SHA-256: enough that two messages of one shop never share a key. */
function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
