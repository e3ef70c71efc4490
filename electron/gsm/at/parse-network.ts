/** Parsers for network answers: registration (+CREG/+CGREG/+CEREG), signal (+CSQ), operator. */

import {
  afterPrefix,
  decimalField,
  type Field,
  hexField,
  type Parsed,
  parsed,
  parseError,
  splitFields,
} from './fields';

export type RegistrationState =
  | 'idle'
  | 'home'
  | 'searching'
  | 'denied'
  | 'unknown'
  | 'roaming'
  | 'home-sms-only'
  | 'roaming-sms-only'
  | 'emergency-only'
  | 'home-csfb-not-preferred'
  | 'roaming-csfb-not-preferred'
  | 'rlos';

// Index = <stat> of 27.007 §7.2 (+CREG), shared by +CGREG and +CEREG.
const STATES: readonly RegistrationState[] = [
  'idle',
  'home',
  'searching',
  'denied',
  'unknown',
  'roaming',
  'home-sms-only',
  'roaming-sms-only',
  'emergency-only',
  'home-csfb-not-preferred',
  'roaming-csfb-not-preferred',
  'rlos',
];

export const REGISTRATION_PREFIXES = ['+CREG', '+CGREG', '+CEREG', '+C5GREG'] as const;
export type RegistrationPrefix = (typeof REGISTRATION_PREFIXES)[number];

export interface Registration {
  prefix: RegistrationPrefix;
  /** True for the answer form of `AT+CREG?`, which starts with the <n> setting. */
  solicited: boolean;
  n?: number;
  stat: number;
  state: RegistrationState;
  /** LAC (or TAC for +CEREG), from hex. */
  lac?: number;
  ci?: number;
  /** Access technology <AcT> (0 GSM, 2 UTRAN, 7 E-UTRAN, ...). */
  act?: number;
  /** Location fields that could not be read and were left out, in plain English. */
  warnings?: string[];
}

/**
 * Whether the fields start with <n> (answer of `AT+CREG?`: `<n>,<stat>[,<lac>,<ci>[,<AcT>]]`)
 * rather than with <stat> (the URC: `<stat>[,<lac>,<ci>[,<AcT>]]`). Two fields are always the
 * answer, one or three always the URC. With four or more, the second field decides: a <stat> is
 * a small unquoted number, a LAC is quoted or four hex digits (as ModemManager reads them).
 * Some modems (Sony-Ericsson MD400) send the answer form unsolicited, so the form says what the
 * fields are, not who asked.
 */
function startsWithMode(fields: readonly Field[]): boolean {
  if (fields.length === 2) return true;
  if (fields.length < 4) return false;
  const second = fields[1];
  if (!second || second.quoted || !/^\d{1,3}$/.test(second.text)) return false;
  return Number.parseInt(second.text, 10) < STATES.length;
}

function registrationPrefixOf(line: string): { prefix: RegistrationPrefix; rest: string } | null {
  for (const prefix of REGISTRATION_PREFIXES) {
    const rest = afterPrefix(line, prefix);
    if (rest !== null) return { prefix, rest };
  }
  return null;
}

/** True when a +CREG/+CGREG/+CEREG line is in the answer form (carries <n>). */
export function isRegistrationAnswer(line: string): boolean {
  const found = registrationPrefixOf(line);
  if (!found) return false;
  // `+CREG: (0-2)` is the answer of the test command AT+CREG=?.
  return found.rest.startsWith('(') || startsWithMode(splitFields(found.rest));
}

/** Parses +CREG, +CGREG, +CEREG or +C5GREG, in the answer or in the URC form. */
export function parseCreg(line: string): Parsed<Registration> {
  const found = registrationPrefixOf(line);
  if (!found) return parseError('wrong_prefix', 'not a registration line', line);
  const fields = splitFields(found.rest);
  const solicited = startsWithMode(fields);
  const offset = solicited ? 1 : 0;
  const stat = decimalField(fields[offset]);
  if (stat === null) return parseError('malformed', 'registration state missing', line);
  const state = STATES[stat];
  if (state === undefined)
    return parseError('out_of_range', `unknown registration state ${stat}`, line);
  const result: Registration = { prefix: found.prefix, solicited, stat, state };
  if (solicited) {
    const n = decimalField(fields[0]);
    if (n === null) return parseError('malformed', 'registration mode <n> is not a number', line);
    result.n = n;
  }
  // The state is what matters; the location is best-effort. Some Qualcomm firmwares pad LAC
  // and CI with spaces, inside quotes too: spaces go, and a field still unreadable is dropped
  // with a warning rather than losing the state with it.
  const warnings: string[] = [];
  const [lac, ci, act] = fields.slice(offset + 1).map(withoutSpaces);
  const names = ['LAC', 'CI'] as const;
  for (const [index, field] of [lac, ci].entries()) {
    if (!field || field.text === '') continue;
    const value = hexField(field);
    if (value === null) warnings.push(`${names[index]} "${field.text}" is not hex: left out`);
    else if (index === 0) result.lac = value;
    else result.ci = value;
  }
  if (act && act.text !== '') {
    const value = decimalField(act);
    if (value === null) warnings.push(`AcT "${act.text}" is not a number: left out`);
    else result.act = value;
  }
  if (warnings.length > 0) result.warnings = warnings;
  return parsed(result);
}

function withoutSpaces(field: Field): Field {
  return { ...field, text: field.text.replace(/\s+/g, '') };
}

interface SignalQuality {
  /** The raw <rssi> of +CSQ: 0..31, or 99 when unknown. */
  csq: number;
  /** Received power in dBm; null when unknown. */
  dbm: number | null;
  /** Bit error rate class 0..7; null when unknown (99). */
  ber: number | null;
  /** 0..4, for a signal icon. */
  bars: number;
}

/** Parses `+CSQ: <rssi>,<ber>`. 27.007 §8.5: dBm = -113 + 2 * rssi; 99 = not known. */
export function parseCsq(line: string): Parsed<SignalQuality> {
  const rest = afterPrefix(line, '+CSQ');
  if (rest === null) return parseError('wrong_prefix', 'not a +CSQ line', line);
  const fields = splitFields(rest);
  const csq = decimalField(fields[0]);
  if (csq === null) return parseError('malformed', 'signal value missing', line);
  if (csq > 31 && csq !== 99) return parseError('out_of_range', `signal value ${csq}`, line);
  const berRaw = decimalField(fields[1]);
  const ber = berRaw === null || berRaw > 7 ? null : berRaw;
  if (csq === 99) return parsed({ csq, dbm: null, ber, bars: 0 });
  // Thresholds commonly used for CSQ: <2 none, 2-9 marginal, 10-14 ok, 15-19 good, 20+ excellent.
  const bars = csq < 2 ? 0 : csq < 10 ? 1 : csq < 15 ? 2 : csq < 20 ? 3 : 4;
  return parsed({ csq, dbm: -113 + 2 * csq, ber, bars });
}

interface Operator {
  /** 0 automatic, 1 manual, 2 deregistered, 3 format only, 4 manual/automatic. */
  mode: number;
  /** 0 long alphanumeric, 1 short alphanumeric, 2 numeric (MCC+MNC). */
  format?: number;
  operator?: string;
  act?: number;
}

/** Parses the answer of `AT+COPS?`: `+COPS: <mode>[,<format>,<oper>[,<AcT>]]`. */
export function parseCops(line: string): Parsed<Operator> {
  const rest = afterPrefix(line, '+COPS');
  if (rest === null) return parseError('wrong_prefix', 'not a +COPS line', line);
  if (rest.startsWith('('))
    return parseError('malformed', 'operator list (AT+COPS=?) not supported here', line);
  const fields = splitFields(rest);
  const mode = decimalField(fields[0]);
  if (mode === null) return parseError('malformed', 'operator selection mode missing', line);
  const result: Operator = { mode };
  const format = decimalField(fields[1]);
  if (format !== null) result.format = format;
  const operator = fields[2]?.text;
  if (operator) result.operator = operator;
  const act = decimalField(fields[3]);
  if (act !== null) result.act = act;
  return parsed(result);
}
