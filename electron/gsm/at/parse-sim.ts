/** Parsers for SIM and identity answers: +CPIN, IMEI, IMSI, ICCID, manufacturer/model/revision. */

import { afterPrefix, luhnValid, type Parsed, parsed, parseError } from './fields';

export type PinState =
  | 'ready'
  | 'sim-pin'
  | 'sim-puk'
  | 'sim-pin2'
  | 'sim-puk2'
  | 'ph-sim-pin'
  | 'device-lock'
  | 'not-inserted'
  | 'not-ready'
  | 'other';

const PIN_STATES: Readonly<Record<string, PinState>> = {
  READY: 'ready',
  'SIM PIN': 'sim-pin',
  'SIM PUK': 'sim-puk',
  'SIM PIN2': 'sim-pin2',
  'SIM PUK2': 'sim-puk2',
  'PH-SIM PIN': 'ph-sim-pin',
  // SIMCom and Quectel say so at boot before the SIM answers; not in 27.007.
  'NOT READY': 'not-ready',
  'NOT INSERTED': 'not-inserted',
  'SIM NOT INSERTED': 'not-inserted',
};

interface PinStatus {
  state: PinState;
  /** The code as printed, e.g. "PH-NET PIN" for a state classed as device-lock. */
  code: string;
}

/** Parses `+CPIN: <code>` (27.007 §8.3). */
export function parseCpin(line: string): Parsed<PinStatus> {
  const rest = afterPrefix(line, '+CPIN');
  if (rest === null) return parseError('wrong_prefix', 'not a +CPIN line', line);
  const code = rest.replace(/^"|"$/g, '').trim().toUpperCase();
  if (code === '') return parseError('malformed', 'PIN state missing', line);
  // PH-NET, PH-NETSUB, PH-SP, PH-CORP, PH-FSIM: the device is locked to a network or a SIM.
  const state = PIN_STATES[code] ?? (code.startsWith('PH-') ? 'device-lock' : 'other');
  return parsed({ state, code });
}

/** The value of a one-field identity answer, with or without its `+XXX:` prefix and quotes. */
function identityValue(line: string, prefixes: readonly string[]): string {
  let value = line.trim();
  // Prefix and label can both be there: `+CGMR: Revision:1418B04SIM800C24` (SIMCom).
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const prefix of prefixes) {
      const rest = afterPrefix(value, prefix);
      if (rest !== null) {
        value = rest;
        stripped = true;
        break;
      }
    }
  }
  return value.replace(/^"|"$/g, '').trim();
}

/** Parses the answer of `AT+CGSN`: 15 digits, optionally prefixed `+CGSN:` or `IMEI:`. */
export function parseImei(line: string): Parsed<{ imei: string; luhnValid: boolean }> {
  const imei = identityValue(line, ['+CGSN', '+GSN', 'IMEI']);
  if (!/^\d{15}$/.test(imei)) return parseError('malformed', 'an IMEI has 15 digits', line);
  return parsed({ imei, luhnValid: luhnValid(imei) });
}

/** Parses the answer of `AT+CIMI`: 6 to 15 digits, the first three the country code (MCC). */
export function parseImsi(line: string): Parsed<{ imsi: string; mcc: string }> {
  const imsi = identityValue(line, ['+CIMI']);
  if (!/^\d{6,15}$/.test(imsi)) return parseError('malformed', 'an IMSI has 6 to 15 digits', line);
  return parsed({ imsi, mcc: imsi.slice(0, 3) });
}

interface Iccid {
  iccid: string;
  /** True when the modem printed the nibbles of each byte swapped (some Huawei ^ICCID). */
  swapped: boolean;
  luhnValid: boolean;
}

const ICCID_PREFIXES = ['+CCID', '^ICCID', '+ICCID', '+QCCID', 'ICCID'];

function swapNibbles(hex: string): string {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2) out += `${hex[i + 1]}${hex[i]}`;
  return out;
}

/**
 * Parses an ICCID from `+CCID:`, `^ICCID:`, `+ICCID:`, `+QCCID:` or a bare line. The SIM stores
 * it with the nibbles of each byte swapped and some Huawei firmwares print it raw (`98...`):
 * the reading that starts with the telecom prefix 89 and passes Luhn wins. Trailing F padding
 * (19-digit ICCIDs) is removed.
 */
export function parseIccid(line: string): Parsed<Iccid> {
  const raw = identityValue(line, ICCID_PREFIXES).toUpperCase();
  if (!/^[0-9A-F]{18,22}$/.test(raw))
    return parseError('malformed', 'an ICCID has 18 to 22 digits', line);
  const readings = [
    { digits: raw.replace(/F+$/, ''), swapped: false },
    { digits: swapNibbles(raw).replace(/F+$/, ''), swapped: true },
  ]
    .filter((r) => /^\d+$/.test(r.digits))
    .map((r) => ({ ...r, telecom: r.digits.startsWith('89'), luhn: luhnValid(r.digits) }));
  const best =
    readings.find((r) => r.telecom && r.luhn) ??
    readings.find((r) => r.telecom) ??
    readings.find((r) => !r.swapped);
  if (!best) return parseError('malformed', 'ICCID is not decimal in either nibble order', line);
  return parsed({ iccid: best.digits, swapped: best.swapped, luhnValid: best.luhn });
}

export type IdentityKind = 'manufacturer' | 'model' | 'revision';

const IDENTITY_PREFIXES: Readonly<Record<IdentityKind, readonly string[]>> = {
  manufacturer: ['+CGMI', '+GMI', 'MANUFACTURER'],
  model: ['+CGMM', '+GMM', 'MODEL'],
  revision: ['+CGMR', '+GMR', 'REVISION'],
};

/**
 * Parses the answer lines of AT+CGMI / AT+CGMM / AT+CGMR. Some modems prefix the value
 * (`+CGMI: "huawei"`), some label it (`Revision: EC25EFAR06A03M4G`), most print it bare.
 * Multi-line answers are joined with a space.
 */
export function parseIdentity(kind: IdentityKind, lines: readonly string[]): Parsed<string> {
  const values = lines
    .map((line) => identityValue(line, IDENTITY_PREFIXES[kind]))
    .filter((v) => v !== '');
  if (values.length === 0) return parseError('malformed', `empty ${kind} answer`, lines.join('\n'));
  return parsed(values.join(' '));
}
