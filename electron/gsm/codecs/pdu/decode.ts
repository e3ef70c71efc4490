/**
 * Decodes an SMS PDU as +CMGR/+CMGL/+CMT print it: the SMSC address, then the TPDU, which is
 * an SMS-DELIVER (received), an SMS-SUBMIT (stored outgoing) or an SMS-STATUS-REPORT.
 */
import { PduError } from '../errors';
import { hexToBytes } from '../hex';
import { type AddressType, readAddress, readSmscAddress } from './address';
import { type Alphabet, type MessageClass, parseSmsDcs } from './dcs';
import { PduReader } from './reader';
import { type StatusMeaning, statusMeaning } from './status';
import { readTimestamp, relativeValidityMinutes } from './timestamp';
import type { Concat, UdhElement } from './udh';
import { readUserData } from './user-data';
import type { PduWarning } from './warnings';

interface Content {
  smsc: string | null;
  text: string;
  encoding: Alphabet;
  concat: Concat | null;
  /** Every user-data header element, raw (concatenation included). */
  udh: UdhElement[];
  messageClass: MessageClass | null;
  protocolId: number;
  /** Flaws the PDU was read despite; empty for a clean PDU. */
  warnings: PduWarning[];
  /** The text stops short of what the PDU announced (a cut part). */
  truncated: boolean;
}

export interface SmsDeliver extends Content {
  type: 'SMS-DELIVER';
  sender: string;
  senderType: AddressType;
  /** When the service centre received the message, ISO 8601 with the network's offset. */
  timestamp: string;
}

export type Validity =
  | { format: 'relative'; minutes: number }
  | { format: 'absolute'; until: string }
  | { format: 'enhanced'; raw: number[] };

export interface SmsSubmit extends Content {
  type: 'SMS-SUBMIT';
  recipient: string;
  recipientType: AddressType;
  reference: number;
  validity: Validity | null;
  statusReportRequested: boolean;
}

export interface SmsStatusReport extends Content {
  type: 'SMS-STATUS-REPORT';
  recipient: string;
  recipientType: AddressType;
  /** TP-MR of the SMS-SUBMIT this report is about. */
  reference: number;
  /** When the centre received that SMS-SUBMIT. */
  sent: string;
  /** When the centre delivered it, or gave up (the meaning follows `status`). */
  discharged: string;
  status: number;
  statusMeaning: StatusMeaning;
}

export type DecodedPdu = SmsDeliver | SmsSubmit | SmsStatusReport;

interface DecodeOptions {
  /**
   * The length +CMGR/+CMGL/+CMT announce: the TPDU's octets. When given, a PDU without the
   * SMSC prefix (some modems omit it) is recognised, and any other length is refused.
   */
  tpduLength?: number;
}

const UDHI = 0x40;

/**
 * Decodes one PDU. What can be read despite a flaw (an odd last hex digit, a zone that is not
 * decimal, user data cut short) is read and the flaw listed in `warnings`; what cannot is a
 * PduError with a code, never another exception.
 */
export function decodePdu(hex: string, options: DecodeOptions = {}): DecodedPdu {
  const warnings: PduWarning[] = [];
  const { bytes, octets } = pduBytes(hex, warnings);
  const reader = new PduReader(bytes);
  const smsc = hasSmscPrefix(octets, bytes[0] ?? 0, options.tpduLength)
    ? (readSmscAddress(reader)?.address ?? null)
    : null;
  const first = reader.byte('first octet');
  const fields = { smsc, warnings };
  switch (first & 0x03) {
    case 0:
      return readDeliver(reader, first, fields);
    case 1:
      return readSubmit(reader, first, fields);
    case 2:
      return readStatusReport(reader, first, fields);
    default:
      throw new PduError('unsupported_type', 'Message type indicator 3 is reserved');
  }
}

const HEX_DIGITS = /^[0-9A-Fa-f]*$/;

/**
 * The PDU's octets; a last hex digit without its pair (a line cut one digit short) is dropped.
 * `octets` counts that half octet too: it is what the length announced by +CMGR stands for.
 */
function pduBytes(hex: string, warnings: PduWarning[]): { bytes: Uint8Array; octets: number } {
  const clean = hex.trim();
  if (clean.length % 2 === 1 && HEX_DIGITS.test(clean)) {
    warnings.push({
      code: 'odd_hex_digit',
      message: `${clean.length} hex digits: the last one, without its pair, was dropped`,
    });
    return { bytes: hexToBytes(clean.slice(0, -1)), octets: (clean.length + 1) / 2 };
  }
  const bytes = hexToBytes(clean);
  return { bytes, octets: bytes.length };
}

interface Shared {
  smsc: string | null;
  warnings: PduWarning[];
}

function hasSmscPrefix(
  octets: number,
  smscLength: number,
  tpduLength: number | undefined,
): boolean {
  if (tpduLength === undefined || octets === tpduLength + 1 + smscLength) return true;
  if (octets === tpduLength) return false;
  throw new PduError(
    'length_mismatch',
    `${octets} octets do not match the announced length ${tpduLength}`,
  );
}

function readContent(
  reader: PduReader,
  first: number,
  fields: Shared & { protocolId: number; dcs: number; hasUserData?: boolean },
): Content {
  const dcs = parseSmsDcs(fields.dcs);
  const { text, header, truncated } =
    fields.hasUserData === false
      ? { text: '', header: null, truncated: false }
      : readUserData(reader, dcs.alphabet, (first & UDHI) !== 0, fields.warnings);
  return {
    smsc: fields.smsc,
    text,
    encoding: dcs.alphabet,
    concat: header?.concat ?? null,
    udh: header?.elements ?? [],
    messageClass: dcs.messageClass,
    protocolId: fields.protocolId,
    warnings: fields.warnings,
    truncated,
  };
}

function readDeliver(reader: PduReader, first: number, shared: Shared): SmsDeliver {
  const sender = readAddress(reader);
  const protocolId = reader.byte('protocol identifier');
  const dcs = reader.byte('data coding scheme');
  const timestamp = readTimestamp(reader, 'timestamp', shared.warnings);
  return {
    type: 'SMS-DELIVER',
    sender: sender.address,
    senderType: sender.type,
    timestamp,
    ...readContent(reader, first, { ...shared, protocolId, dcs }),
  };
}

function readSubmit(reader: PduReader, first: number, shared: Shared): SmsSubmit {
  const reference = reader.byte('message reference');
  const recipient = readAddress(reader);
  const protocolId = reader.byte('protocol identifier');
  const dcs = reader.byte('data coding scheme');
  const validity = readValidity(reader, (first >> 3) & 0x03, shared.warnings);
  return {
    type: 'SMS-SUBMIT',
    recipient: recipient.address,
    recipientType: recipient.type,
    reference,
    validity,
    statusReportRequested: (first & 0x20) !== 0,
    ...readContent(reader, first, { ...shared, protocolId, dcs }),
  };
}

/** TP-VP in the format TP-VPF names: none, relative (1 octet), enhanced or absolute (7). */
function readValidity(reader: PduReader, format: number, warnings: PduWarning[]): Validity | null {
  if (format === 0) return null;
  if (format === 2)
    return { format: 'relative', minutes: relativeValidityMinutes(reader.byte('validity period')) };
  if (format === 3)
    return { format: 'absolute', until: readTimestamp(reader, 'validity period', warnings) };
  return { format: 'enhanced', raw: Array.from(reader.take(7, 'validity period')) };
}

function readStatusReport(reader: PduReader, first: number, shared: Shared): SmsStatusReport {
  const reference = reader.byte('message reference');
  const recipient = readAddress(reader);
  const sent = readTimestamp(reader, 'service centre timestamp', shared.warnings);
  const discharged = readTimestamp(reader, 'discharge time', shared.warnings);
  const status = reader.byte('status');
  // Optional tail (§9.2.3.27): a parameter indicator says which of PID, DCS, UDL follow.
  let indicator = 0;
  if (reader.remaining > 0) {
    indicator = reader.byte('parameter indicator');
    for (let more = indicator; more & 0x80; ) more = reader.byte('parameter indicator');
  }
  const protocolId = indicator & 0x01 ? reader.byte('protocol identifier') : 0;
  const dcs = indicator & 0x02 ? reader.byte('data coding scheme') : 0;
  const hasUserData = (indicator & 0x04) !== 0;
  return {
    type: 'SMS-STATUS-REPORT',
    recipient: recipient.address,
    recipientType: recipient.type,
    reference,
    sent,
    discharged,
    status,
    statusMeaning: statusMeaning(status),
    ...readContent(reader, first, { ...shared, protocolId, dcs, hasUserData }),
  };
}
