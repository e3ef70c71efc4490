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
  /**
   * Recognised, then dropped: it reaches neither the answer, the listeners nor the transcript
   * (a modem profile silences a code on its port, as ModemManager's vendor plugins do).
   */
  silent?: boolean;
}

function urc(
  name: string,
  lines: UrcSpec['lines'] = 1,
  solicited: SolicitedRule = 'named',
): UrcSpec {
  return { name, lines, solicited };
}

export const URCS: readonly UrcSpec[] = [
  // 27.005: SMS and cell broadcast. +CMT, +CDS, +CBM carry the PDU on a second line.
  urc('+CMTI', 1, 'never'),
  urc('+CMT', 2, 'never'),
  urc('+CDSI', 1, 'never'),
  urc('+CDS', 2, 'never'),
  urc('+CBM', 2, 'never'),
  // 27.007
  urc('+CUSD', 'quoted', 'queried'),
  urc('+CREG', 1, 'registration'),
  urc('+CGREG', 1, 'registration'),
  urc('+CEREG', 1, 'registration'),
  urc('+C5GREG', 1, 'registration'),
  urc('RING', 1, 'never'),
  urc('+CRING', 1, 'never'),
  urc('+CLIP'),
  urc('+CCWA'),
  urc('+CIEV', 1, 'never'),
  urc('+CUSATP', 1, 'never'),
  urc('+CUSATEND', 1, 'never'),
  urc('+CGEV', 1, 'never'),
  urc('+CTZV', 1, 'never'),
  urc('+CTZE', 1, 'never'),
  // SIMCom prints +CPIN and +CFUN unprompted at boot; as answers they are 'named'.
  urc('+CPIN'),
  urc('+CFUN'),
  urc('SMS DONE'),
  urc('PB DONE'),
  urc('Call Ready'),
  urc('SMS Ready'),
  urc('*PSUTTZ'),
  urc('NORMAL POWER DOWN'),
  urc('UNDER-VOLTAGE POWER DOWN'),
  // Quectel
  urc('RDY'),
  urc('+QIND'),
  urc('+QUSIM'),
  urc('POWERED DOWN'),
  // Huawei: a steady stream unless silenced with AT^CURC=0 (field note 1).
  urc('^RSSI'),
  urc('^MODE'),
  urc('^BOOT'),
  urc('^DSFLOWRPT'),
  urc('^HCSQ'),
  urc('^SIMST'),
  urc('^SRVST'),
  urc('^CEND'),
  urc('^ORIG'),
  urc('^CONF'),
  urc('^CONN'),
  urc('^STIN'),
  urc('^SMMEMFULL'),
  urc('^NDISSTAT'),
  urc('^NWTIME'),
  urc('^SYSSTART'),
  // ZTE: can sit inside the +CMGS exchange (field note 18).
  urc('+ZDONR'),
  urc('+ZPASR'),
  urc('+ZUSIMR'),
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

/** What a modem profile changes in the table: codes of its own, and codes it silences. */
interface UrcTableChanges {
  add: readonly Pick<UrcSpec, 'name' | 'lines' | 'solicited'>[];
  silence: readonly string[];
}

/**
 * The table for one modem's port: the base one, its profile's own codes added (replacing a
 * base row of the same name), and the codes it silences marked so.
 */
export function extendUrcTable(base: readonly UrcSpec[], changes: UrcTableChanges): UrcSpec[] {
  const key = (name: string) => name.toUpperCase();
  const added = new Set(changes.add.map((spec) => key(spec.name)));
  const silenced = new Set(changes.silence.map(key));
  return [...base.filter((spec) => !added.has(key(spec.name))), ...changes.add].map((spec) =>
    silenced.has(key(spec.name)) ? { ...spec, silent: true } : spec,
  );
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
