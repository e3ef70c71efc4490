/**
 * One received PDU, decoded for the inbox: an SMS-DELIVER part, a PDU that cannot be read
 * (kept raw with its error, never thrown away), or another kind of PDU a SIM may hold
 * (stored outgoing messages, status reports), which the inbox leaves alone.
 */

import {
  type Alphabet,
  type DecodedPdu,
  decodePdu,
  PduError,
  type PduWarning,
  type SmsDeliver,
} from '../codecs';

export interface ConcatInfo {
  ref: number;
  part: number;
  total: number;
  /** 8-bit (IEI 0x00) or 16-bit (IEI 0x08) reference: two different keys. */
  bits: 8 | 16;
}

export interface ReceivedPart {
  kind: 'part';
  /** The SIM index holding it; null for a message delivered directly (+CMT). */
  index: number | null;
  sender: string;
  timestamp: string;
  text: string;
  encoding: Alphabet;
  smsc: string | null;
  concat: ConcatInfo | null;
  /** Flaws this part was read despite (empty for a clean PDU). */
  warnings: PduWarning[];
  /** The part's text stops short of what its PDU announced. */
  truncated: boolean;
}

export interface UndecodablePdu {
  kind: 'undecodable';
  index: number | null;
  pdu: string;
  error: { code: string; message: string };
}

export interface OtherPdu {
  kind: 'other';
  index: number | null;
  type: Exclude<DecodedPdu['type'], 'SMS-DELIVER'>;
}

export type ReadPdu = ReceivedPart | UndecodablePdu | OtherPdu;

/**
 * Decodes a PDU as +CMGR, +CMGL or +CMT printed it. A length that does not match the PDU is
 * tried once more without it (the modem miscounted) before the PDU is declared undecodable.
 */
export function readPdu(pdu: string, where: { index: number | null; length?: number }): ReadPdu {
  const { index } = where;
  let decoded: DecodedPdu;
  try {
    decoded = decodeWithLength(pdu, where.length);
  } catch (error) {
    if (!(error instanceof PduError)) throw error;
    return { kind: 'undecodable', index, pdu, error: { code: error.code, message: error.message } };
  }
  if (decoded.type !== 'SMS-DELIVER') return { kind: 'other', index, type: decoded.type };
  return {
    kind: 'part',
    index,
    sender: decoded.sender,
    timestamp: decoded.timestamp,
    text: decoded.text,
    encoding: decoded.encoding,
    smsc: decoded.smsc,
    concat: concatOf(decoded),
    warnings: decoded.warnings,
    truncated: decoded.truncated,
  };
}

function decodeWithLength(pdu: string, length: number | undefined): DecodedPdu {
  if (length === undefined) return decodePdu(pdu);
  try {
    return decodePdu(pdu, { tpduLength: length });
  } catch (error) {
    if (error instanceof PduError && error.code === 'length_mismatch') return decodePdu(pdu);
    throw error;
  }
}

/** The concatenation element with its reference size; a 1-part "concatenation" is none. */
function concatOf(message: SmsDeliver): ConcatInfo | null {
  const concat = message.concat;
  if (!concat || concat.total < 2) return null;
  // The codec keeps the last valid concatenation element; find which of the two kinds it was.
  const element = message.udh.findLast(
    (e) => (e.iei === 0x00 && e.data.length === 6) || (e.iei === 0x08 && e.data.length === 8),
  );
  return { ...concat, bits: element?.iei === 0x08 ? 16 : 8 };
}
