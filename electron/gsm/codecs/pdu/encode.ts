/**
 * Encodes outgoing messages as SMS-SUBMIT PDUs for AT+CMGS (and, for the simulator and tests,
 * incoming ones as SMS-DELIVER). A long text becomes concatenated parts, each a full PDU.
 */
import { PduError } from '../errors';
import { bytesToHex } from '../hex';
import { encodeAddress } from './address';
import { splitText } from './split';
import { encodeRelativeValidity, encodeTimestamp } from './timestamp';
import { buildConcatUdh } from './udh';
import { encodeUserData, type UserDataBody } from './user-data';

export interface EncodedPart {
  /** SMSC prefix then TPDU, as AT+CMGS wants it after the prompt. */
  hex: string;
  /** TPDU octets (without the SMSC prefix): the argument of AT+CMGS=<length>. */
  length: number;
}

interface ConcatOptions {
  /** The concatenation reference; by default derived from the message, so a retry reuses it. */
  concatRef?: number;
  /** 8-bit (IEI 0x00, the default) or 16-bit (IEI 0x08) reference. */
  concatRefBits?: 8 | 16;
}

interface SubmitOptions extends ConcatOptions {
  /** "+687..." (international), or bare digits (national numbers, short codes). */
  to: string;
  text: string;
  /** SMSC number; by default "00" lets the modem use the SIM's. */
  smsc?: string;
  /** TP-MR, 0..255; default 0 (most modems put their own in). */
  reference?: number;
  requestStatusReport?: boolean;
  /** Validity in minutes, sent in the relative format (rounded up to the next step). */
  validity?: number;
}

const MTI_SUBMIT = 0x01;
const VPF_RELATIVE = 0x10;
const SRR = 0x20;
const UDHI = 0x40;
const MMS_NO_MORE = 0x04;
const DCS = { gsm7: 0x00, ucs2: 0x08, '8bit': 0x04 } as const;
const PHONE_NUMBER = /^\+?[0-9]{1,20}$/;

export function encodeSubmit(options: SubmitOptions): EncodedPart[] {
  if (!PHONE_NUMBER.test(options.to)) {
    throw new PduError('invalid_address', `Not a phone number: ${options.to}`);
  }
  const reference = options.reference ?? 0;
  if (!Number.isInteger(reference) || reference < 0 || reference > 255) {
    throw new PduError('invalid_argument', `TP-MR must be 0..255, got ${reference}`);
  }
  const recipient = encodeAddress(options.to);
  const validity = options.validity === undefined ? null : encodeRelativeValidity(options.validity);
  const flags =
    MTI_SUBMIT | (validity === null ? 0 : VPF_RELATIVE) | (options.requestStatusReport ? SRR : 0);
  return encodeParts(options.text, options, options.smsc, (body, header) =>
    Uint8Array.of(
      flags | (header.length > 0 ? UDHI : 0),
      reference,
      ...recipient,
      0x00, // TP-PID: plain short message
      DCS[body.alphabet],
      ...(validity === null ? [] : [validity]),
      ...encodeUserData(body, header),
    ),
  );
}

interface DeliverOptions extends ConcatOptions {
  /** Sender: a number, a short code or an alphanumeric name (up to 11 GSM characters). */
  from: string;
  text: string;
  /** ISO 8601 with an offset in whole quarter hours, e.g. "2024-05-01T10:00:00+11:00". */
  timestamp: string;
  smsc?: string;
}

/** SMS-DELIVER PDUs as a modem would show them in +CMGR: what the simulator serves. */
export function encodeDeliver(options: DeliverOptions): EncodedPart[] {
  const sender = encodeAddress(options.from);
  const timestamp = encodeTimestamp(options.timestamp);
  return encodeParts(options.text, options, options.smsc, (body, header) =>
    Uint8Array.of(
      MMS_NO_MORE | (header.length > 0 ? UDHI : 0),
      ...sender,
      0x00,
      DCS[body.alphabet],
      ...timestamp,
      ...encodeUserData(body, header),
    ),
  );
}

function encodeParts(
  text: string,
  concat: ConcatOptions,
  smsc: string | undefined,
  tpdu: (body: UserDataBody, header: Uint8Array) => Uint8Array,
): EncodedPart[] {
  const refBits = concat.concatRefBits ?? 8;
  const bodies = splitText(text, refBits);
  const ref = concat.concatRef ?? defaultConcatRef(text, refBits);
  const smscBytes = encodeAddress(smsc ?? '', { smsc: true });
  return bodies.map((body, index) => {
    const header =
      bodies.length === 1
        ? new Uint8Array(0)
        : buildConcatUdh({ ref, part: index + 1, total: bodies.length }, refBits);
    const bytes = tpdu(body, header);
    return { hex: bytesToHex(smscBytes) + bytesToHex(bytes), length: bytes.length };
  });
}

/**
 * FNV-1a of the text, cut to the reference size. Deterministic so a resend of the same message
 * carries the same reference (a phone that mixes the two copies' parts still shows the text).
 */
function defaultConcatRef(text: string, refBits: 8 | 16): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return refBits === 8 ? hash & 0xff : hash & 0xffff;
}
