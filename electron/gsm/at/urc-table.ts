/**
 * Unsolicited result codes, as data. A row says how to recognise the code, how many lines it
 * takes, and when the same code is instead the answer of the pending command.
 *
 * The last point is the subtle one. `+CREG: 1,5` is the answer of `AT+CREG?` while `+CREG: 5`
 * is the URC; `+CPIN: READY` answers `AT+CPIN?` but SIMCom also prints it alone at boot. And
 * `+CUSD` is, by design, always delivered as a URC, even while `AT+CUSD=1,...` waits for its OK:
 * the USSD answer comes before or after that OK (field note 9) and belongs to the USSD session,
 * not to the command. Only the read/test forms `AT+CUSD?` / `AT+CUSD=?` get +CUSD as answer.
 */

import { commandShape, type PendingCommand } from './command';
import { isRegistrationAnswer } from './parse-network';

export type SolicitedRule =
  /** Never the answer of a command. */
  | 'never'
  /**
   * The answer when the pending command has the same name and is not a set command (`AT+CPIN?`
   * for `+CPIN`); after `AT+CFUN=1` a `+CFUN: 1` or `+CPIN: READY` is the modem's own news.
   */
  | 'named'
  /** The answer only for the read or test form of the same command (`AT+CUSD?`). */
  | 'queried'
  /** The answer for the read/test form, and only in the answer form (`+CREG: <n>,<stat>`). */
  | 'registration';

export interface UrcSpec {
  /**
   * The code as the modem prints it. `+CMTI`, `^RSSI`, `*PSUTTZ` match as `<name>:` at the
   * start of the line; a bare word such as `RING` or `SMS DONE` must be the whole line.
   */
  name: string;
  /** For codes that fit neither shape: the whole line must match (tried after the names). */
  pattern?: RegExp;
  /** 2: the next line belongs to it (the PDU of +CMT); 'quoted': until its string closes. */
  lines: 1 | 2 | 'quoted';
  solicited: SolicitedRule;
  vendor: 'standard' | 'huawei' | 'simcom' | 'quectel' | 'zte';
}

function urc(
  name: string,
  vendor: UrcSpec['vendor'],
  lines: UrcSpec['lines'] = 1,
  solicited: SolicitedRule = 'named',
): UrcSpec {
  return { name, lines, solicited, vendor };
}

export const URCS: readonly UrcSpec[] = [
  // 27.005: SMS and cell broadcast. +CMT, +CDS, +CBM carry the PDU on a second line.
  urc('+CMTI', 'standard', 1, 'never'),
  urc('+CMT', 'standard', 2, 'never'),
  urc('+CDSI', 'standard', 1, 'never'),
  urc('+CDS', 'standard', 2, 'never'),
  urc('+CBM', 'standard', 2, 'never'),
  // 27.007
  urc('+CUSD', 'standard', 'quoted', 'queried'),
  urc('+CREG', 'standard', 1, 'registration'),
  urc('+CGREG', 'standard', 1, 'registration'),
  urc('+CEREG', 'standard', 1, 'registration'),
  urc('+C5GREG', 'standard', 1, 'registration'),
  urc('RING', 'standard', 1, 'never'),
  urc('+CRING', 'standard', 1, 'never'),
  urc('+CLIP', 'standard'),
  urc('+CCWA', 'standard'),
  urc('+CIEV', 'standard', 1, 'never'),
  urc('+CUSATP', 'standard', 1, 'never'),
  urc('+CUSATEND', 'standard', 1, 'never'),
  urc('+CGEV', 'standard', 1, 'never'),
  urc('+CTZV', 'standard', 1, 'never'),
  urc('+CTZE', 'standard', 1, 'never'),
  // SIMCom prints +CPIN and +CFUN unprompted at boot; as answers they are 'named'.
  urc('+CPIN', 'simcom'),
  urc('+CFUN', 'simcom'),
  urc('SMS DONE', 'simcom'),
  urc('PB DONE', 'simcom'),
  urc('Call Ready', 'simcom'),
  urc('SMS Ready', 'simcom'),
  urc('*PSUTTZ', 'simcom'),
  urc('NORMAL POWER DOWN', 'simcom'),
  urc('UNDER-VOLTAGE POWER DOWN', 'simcom'),
  // Quectel
  urc('RDY', 'quectel'),
  urc('+QIND', 'quectel'),
  urc('+QUSIM', 'quectel'),
  urc('POWERED DOWN', 'quectel'),
  // Huawei: a steady stream unless silenced with AT^CURC=0 (field note 1).
  urc('^RSSI', 'huawei'),
  urc('^MODE', 'huawei'),
  urc('^BOOT', 'huawei'),
  urc('^DSFLOWRPT', 'huawei'),
  urc('^HCSQ', 'huawei'),
  urc('^SIMST', 'huawei'),
  urc('^SRVST', 'huawei'),
  urc('^CEND', 'huawei'),
  urc('^ORIG', 'huawei'),
  urc('^CONF', 'huawei'),
  urc('^CONN', 'huawei'),
  urc('^STIN', 'huawei'),
  urc('^SMMEMFULL', 'huawei'),
  urc('^NDISSTAT', 'huawei'),
  urc('^NWTIME', 'huawei'),
  urc('^SYSSTART', 'huawei'),
  // ZTE: can sit inside the +CMGS exchange (field note 18).
  urc('+ZDONR', 'zte'),
  urc('+ZPASR', 'zte'),
  urc('+ZUSIMR', 'zte'),
];

// `+CMTI: ...`, `^RSSI:99`: a prefixed code is recognised by the name before its colon.
const PREFIXED = /^([+^*][A-Za-z0-9]+)\s*:/;

function isPrefixed(name: string): boolean {
  return /^[+^*]/.test(name);
}

export interface UrcMatcher {
  match(line: string): UrcSpec | undefined;
}

/** Builds a lookup over a table (the default table, or one a modem profile extended). */
export function createUrcMatcher(table: readonly UrcSpec[] = URCS): UrcMatcher {
  const byPrefix = new Map<string, UrcSpec>();
  const byLine = new Map<string, UrcSpec>();
  const byPattern = table.filter((spec) => spec.pattern);
  for (const spec of table) {
    if (spec.pattern) continue;
    if (isPrefixed(spec.name)) byPrefix.set(spec.name.toUpperCase(), spec);
    else byLine.set(spec.name.toUpperCase(), spec);
  }
  return {
    match(line) {
      const prefix = PREFIXED.exec(line)?.[1];
      const named = prefix
        ? byPrefix.get(prefix.toUpperCase())
        : byLine.get(line.trim().toUpperCase());
      return named ?? byPattern.find((spec) => spec.pattern?.test(line.trim()));
    },
  };
}

export const defaultUrcMatcher: UrcMatcher = createUrcMatcher();

/** Whether this occurrence of a URC-looking line is the answer of the pending command. */
export function isSolicitedBy(
  spec: UrcSpec,
  pending: PendingCommand | null,
  line: string,
): boolean {
  if (!pending || spec.solicited === 'never') return false;
  const shape = commandShape(pending.command);
  if (!shape || shape.name !== spec.name.toUpperCase()) return false;
  const queried = shape.form === 'read' || shape.form === 'test';
  switch (spec.solicited) {
    case 'named':
      return shape.form !== 'set';
    case 'queried':
      return queried;
    case 'registration':
      return queried && isRegistrationAnswer(line);
  }
}
