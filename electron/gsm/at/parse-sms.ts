/**
 * Headers of the SMS answers (27.005). In PDU mode the message itself is the hex line after the
 * header; decoding it is the PDU codec's job, these parsers only pair headers with PDU lines.
 */

import {
  afterPrefix,
  decimalField,
  type Field,
  type Parsed,
  parsed,
  parseError,
  splitFields,
} from './fields';

type MessageStatus = 'rec-unread' | 'rec-read' | 'sto-unsent' | 'sto-sent' | 'all';

// PDU mode numbers the statuses, text mode names them (27.005 §3.1 <stat>).
const STATUS_BY_NUMBER: readonly MessageStatus[] = [
  'rec-unread',
  'rec-read',
  'sto-unsent',
  'sto-sent',
  'all',
];
const STATUS_BY_NAME: Readonly<Record<string, MessageStatus>> = {
  'REC UNREAD': 'rec-unread',
  'REC READ': 'rec-read',
  'STO UNSENT': 'sto-unsent',
  'STO SENT': 'sto-sent',
  ALL: 'all',
};

function statusOf(field: Field | undefined): MessageStatus | null {
  if (!field) return null;
  const byNumber = decimalField(field);
  if (byNumber !== null) return STATUS_BY_NUMBER[byNumber] ?? null;
  return STATUS_BY_NAME[field.text.toUpperCase()] ?? null;
}

interface StoredMessageNotice {
  /** +CMTI announces a message, +CDSI a status report. */
  kind: 'message' | 'status-report';
  storage: string;
  index: number;
}

/** Parses `+CMTI: "<mem>",<index>` and `+CDSI: "<mem>",<index>`. */
export function parseCmti(line: string): Parsed<StoredMessageNotice> {
  const cmti = afterPrefix(line, '+CMTI');
  const rest = cmti ?? afterPrefix(line, '+CDSI');
  if (rest === null) return parseError('wrong_prefix', 'not a +CMTI or +CDSI line', line);
  const fields = splitFields(rest);
  const index = decimalField(fields[1]);
  if (!fields[0]?.text || index === null)
    return parseError('malformed', 'storage or index missing', line);
  return parsed({
    kind: cmti === null ? 'status-report' : 'message',
    storage: fields[0].text,
    index,
  });
}

interface PduHeader {
  status: MessageStatus | null;
  alpha?: string;
  /** TPDU length in octets (without the SMSC part). */
  length: number;
  /** A few modems put the PDU on the header line, after a space. */
  inlinePdu?: string;
}

// `147 0791...`: length, whitespace, PDU on the same line.
const LENGTH_AND_PDU = /^(\d{1,3})\s+([0-9A-Fa-f]+)$/;

function lengthField(field: Field | undefined): { length: number; inlinePdu?: string } | null {
  if (!field) return null;
  const plain = decimalField(field);
  if (plain !== null) return { length: plain };
  const match = LENGTH_AND_PDU.exec(field.text);
  if (!match?.[1] || !match[2]) return null;
  return { length: Number.parseInt(match[1], 10), inlinePdu: match[2] };
}

function alphaOf(field: Field | undefined): { alpha?: string } {
  return field && (field.quoted || field.text !== '') ? { alpha: field.text } : {};
}

interface ListedPduHeader extends PduHeader {
  index: number;
}

/**
 * Parses a PDU-mode `+CMGL: <index>,<stat>,[<alpha>],<length>` header. Pantech omits <alpha>
 * (`+CMGL: 17,3,35`).
 */
export function parseCmgl(line: string): Parsed<ListedPduHeader> {
  const rest = afterPrefix(line, '+CMGL');
  if (rest === null) return parseError('wrong_prefix', 'not a +CMGL line', line);
  const fields = splitFields(rest);
  const index = decimalField(fields[0]);
  const status = statusOf(fields[1]);
  const length = lengthField(fields[fields.length - 1]);
  if (index === null || status === null || fields.length < 3 || fields.length > 4 || !length) {
    return parseError('malformed', 'expected <index>,<stat>,[<alpha>],<length>', line);
  }
  return parsed({ index, status, ...(fields.length === 4 ? alphaOf(fields[2]) : {}), ...length });
}

/**
 * Parses a PDU-mode `+CMGR: <stat>,[<alpha>],<length>` header. ZTE/Qualcomm may leave out the
 * status (field note 18): `+CMGR: ,,35`, `+CMGR: ,35`, `+CMGR: 35` give status null.
 */
export function parseCmgr(line: string): Parsed<PduHeader> {
  const rest = afterPrefix(line, '+CMGR');
  if (rest === null) return parseError('wrong_prefix', 'not a +CMGR line', line);
  const fields = splitFields(rest);
  const length = lengthField(fields[fields.length - 1]);
  if (!length || fields.length > 3)
    return parseError('malformed', 'expected <stat>,[<alpha>],<length>', line);
  const first = fields[0];
  if (fields.length === 1) return parsed({ status: null, ...length });
  if (fields.length === 2 && first) {
    // Two fields: either <stat>,<length> (no alpha) or <alpha>,<length> (no status).
    const status = first.quoted ? null : statusOf(first);
    if (status !== null) return parsed({ status, ...length });
    return parsed({ status: null, ...alphaOf(first), ...length });
  }
  const status = first?.text === '' ? null : statusOf(first);
  if (status === null && first?.text !== '')
    return parseError('malformed', `unknown status "${first?.text}"`, line);
  return parsed({ status, ...alphaOf(fields[1]), ...length });
}

interface ListedPdu extends ListedPduHeader {
  pdu: string;
}

/**
 * Pairs every +CMGL header of an `AT+CMGL=4` answer with the PDU line after it. Lines that are
 * neither (a stray vendor line) are skipped; a header without a PDU is an error.
 */
export function parseCmglList(lines: readonly string[]): Parsed<ListedPdu[]> {
  const messages: ListedPdu[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (afterPrefix(line, '+CMGL') === null) continue;
    const header = parseCmgl(line);
    if (!header.ok) return header;
    const pdu = header.value.inlinePdu ?? lines[i + 1]?.trim();
    if (!pdu || !/^[0-9A-Fa-f]+$/.test(pdu))
      return parseError('malformed', 'PDU line missing', line);
    if (header.value.inlinePdu === undefined) i++;
    messages.push({ ...header.value, pdu });
  }
  return parsed(messages);
}

/** Parses `+CMGS: <mr>[,<scts|ackpdu>]`: the message reference of a sent SMS. */
export function parseCmgs(line: string): Parsed<{ reference: number }> {
  const rest = afterPrefix(line, '+CMGS');
  if (rest === null) return parseError('wrong_prefix', 'not a +CMGS line', line);
  const reference = decimalField(splitFields(rest)[0]);
  if (reference === null) return parseError('malformed', 'message reference missing', line);
  if (reference > 255) return parseError('out_of_range', `message reference ${reference}`, line);
  return parsed({ reference });
}

/**
 * Text-mode timestamp `yy/MM/dd,hh:mm:ss±zz` to ISO 8601. The zone is in quarter hours
 * (`+08` is +02:00); years are 20yy.
 */
export function parseTextTimestamp(text: string): Parsed<string> {
  const m = /^(\d{2})\/(\d{2})\/(\d{2}),(\d{2}):(\d{2}):(\d{2})([+-])(\d{1,2})$/.exec(text.trim());
  if (!m) return parseError('malformed', 'expected yy/MM/dd,hh:mm:ss±zz', text);
  const [, yy, mo, dd, hh, mi, ss, sign, quarters] = m;
  const offset = Number(quarters) * 15;
  const zone = `${sign}${String(Math.floor(offset / 60)).padStart(2, '0')}:${String(offset % 60).padStart(2, '0')}`;
  return parsed(`20${yy}-${mo}-${dd}T${hh}:${mi}:${ss}${zone}`);
}

interface TextModeMessage {
  index: number;
  status: MessageStatus;
  sender: string;
  alpha?: string;
  timestamp?: string;
  text: string;
}

/**
 * Parses a text-mode (`AT+CMGF=1`) listing entry:
 * `+CMGL: <index>,<stat>,<oa>,[<alpha>],[<scts>]` and the body line. PDU mode is the default
 * (field note 13); this exists for modems and replays that only speak text mode.
 */
export function parseCmglText(header: string, body: string): Parsed<TextModeMessage> {
  const rest = afterPrefix(header, '+CMGL');
  if (rest === null) return parseError('wrong_prefix', 'not a +CMGL line', header);
  const fields = splitFields(rest);
  const index = decimalField(fields[0]);
  const status = statusOf(fields[1]);
  const sender = fields[2]?.text;
  if (index === null || status === null || !sender) {
    return parseError('malformed', 'expected <index>,<stat>,<oa>,...', header);
  }
  const message: TextModeMessage = { index, status, sender, ...alphaOf(fields[3]), text: body };
  const scts = fields[4]?.text;
  if (scts) {
    const timestamp = parseTextTimestamp(scts);
    if (!timestamp.ok) return timestamp;
    message.timestamp = timestamp.value;
  }
  return parsed(message);
}
