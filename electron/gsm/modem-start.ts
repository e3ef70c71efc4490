/** Start-up steps of a modem: getting its attention, then asking who it and its SIM are. */

import { isErrorFinal } from './at/classify';
import {
  type IdentityKind,
  parseIccid,
  parseIdentity,
  parseImei,
  parseImsi,
  splitFields,
} from './at/parsers';
import type { AtResponse } from './channel';
import {
  ask,
  askPatiently,
  askTolerantly,
  firstParsed,
  isSimBusy,
  ModemError,
  type ModemLine,
  type Patience,
} from './modem-command';

const FIRST_SYNC_PAUSE_MS = 250;
const LONGEST_SYNC_PAUSE_MS = 4_000;
/** After the first OK, how long the line stays idle before the OK is trusted. */
export const SYNC_QUIET_MS = 50;

/**
 * Sends `AT` until it is answered OK, pausing longer after each silence or error (a modem that
 * has just been plugged in prints noise and boot messages for a while; field notes 4, 5).
 *
 * The first OK may not be ours: a final result left on the line (an answer to a previous
 * session, boot output) is taken by the channel as the answer of whatever command is pending,
 * and every later answer would then belong to the command before. So after the first OK the
 * line is left idle, with no command pending (whatever arrives late is dropped as stray), and
 * only a second OK ends the synchronisation. Throws ModemError `no_answer` after `attempts`
 * `AT` not answered OK.
 */
export async function synchronise(
  line: ModemLine,
  attempts: number,
  timeoutMs: number,
): Promise<void> {
  let pause = FIRST_SYNC_PAUSE_MS;
  let failures = 0;
  let confirming = false;
  for (;;) {
    const answered = await ask(line, 'AT', { timeoutMs }).then(
      (response) => response.final.kind === 'ok',
      (error: unknown) => {
        if (error instanceof ModemError && error.code === 'timeout') return false;
        throw error;
      },
    );
    if (answered && confirming) return;
    if (answered) {
      confirming = true;
      await line.sleep(SYNC_QUIET_MS);
      continue;
    }
    confirming = false;
    failures++;
    if (failures >= attempts) {
      throw new ModemError(
        'no_answer',
        `The modem did not answer AT with OK (${attempts} attempt${attempts === 1 ? '' : 's'})`,
      );
    }
    await line.sleep(pause);
    pause = Math.min(pause * 2, LONGEST_SYNC_PAUSE_MS);
  }
}

/** Everything a start-up step needs; warnings collect what failed without stopping it. */
export interface StartContext {
  line: ModemLine;
  patience: Patience;
  warnings: string[];
}

const IDENTITY_COMMANDS: Readonly<Record<IdentityKind, string>> = {
  manufacturer: 'AT+CGMI',
  model: 'AT+CGMM',
  revision: 'AT+CGMR',
};

/** +CGMI, +CGMM or +CGMR; null (and a warning) when the modem does not say. */
export async function readIdentity(
  start: StartContext,
  kind: IdentityKind,
): Promise<string | null> {
  const command = IDENTITY_COMMANDS[kind];
  const response = await askTolerantly(start.line, command, start.patience, start.warnings);
  if (!response) return null;
  const value = parseIdentity(kind, response.lines);
  if (value.ok) return value.value;
  start.warnings.push(`${command}: ${value.error.message}`);
  return null;
}

/** One-value answers: the IMEI (+CGSN) or the IMSI (+CIMI, only readable once unlocked). */
export async function readNumber(
  start: StartContext,
  what: 'imei' | 'imsi',
): Promise<string | null> {
  const command = what === 'imei' ? 'AT+CGSN' : 'AT+CIMI';
  const kind = what === 'imei' ? 'quick' : 'sim';
  const response = await askTolerantly(start.line, command, start.patience, start.warnings, {
    kind,
  });
  if (!response) return null;
  const value =
    what === 'imei'
      ? firstParsed(response.lines, parseImei)?.imei
      : firstParsed(response.lines, parseImsi)?.imsi;
  if (value) return value;
  start.warnings.push(`${command}: no ${what.toUpperCase()} in the answer`);
  return null;
}

// `+CRSM: <sw1>,<sw2>,"<response>"`: 144 (0x90) and 145 (0x91) are the SIM's "done".
const CRSM = /^\+CRSM\s*:(.*)$/i;
// Any label before the value: `#CCID:` (Telit), `+ZGETICCID:` (ZTE), `!ICCID:`...
const LABEL = /^[+^#!$%*]?[A-Za-z][A-Za-z0-9]*\s*:\s*/;

/**
 * The ICCID in the answer lines of one of the profile's ICCID commands: the forms parseIccid
 * knows, any other `<label>: <digits>` line, and the raw EF_ICCID record read with
 * `AT+CRSM=176,12258,0,0,10` (nibbles swapped, which parseIccid undoes).
 */
export function iccidFromAnswer(lines: readonly string[]): string | null {
  for (const text of lines) {
    const crsm = CRSM.exec(text.trim());
    if (crsm) {
      const [sw1, , record] = splitFields(crsm[1] ?? '');
      const done = sw1?.text === '144' || sw1?.text === '145';
      const iccid = done && record ? parseIccid(record.text) : null;
      if (iccid?.ok) return iccid.value.iccid;
      continue;
    }
    const direct = parseIccid(text);
    if (direct.ok) return direct.value.iccid;
    const unlabelled = parseIccid(text.trim().replace(LABEL, ''));
    if (unlabelled.ok) return unlabelled.value.iccid;
  }
  return null;
}

/**
 * Tries the profile's ICCID commands in order; the first that answers with an ICCID wins. An
 * unknown command costs one ERROR; a SIM still busy after our patience stops the search.
 */
export async function readIccid(
  start: StartContext,
  commands: readonly string[],
): Promise<string | null> {
  for (const command of commands) {
    let response: AtResponse;
    try {
      response = await askPatiently(start.line, command, start.patience, { kind: 'sim' });
    } catch (error) {
      if (error instanceof ModemError && error.code !== 'disconnected') continue;
      throw error;
    }
    if (isErrorFinal(response.final)) {
      if (isSimBusy(response.final)) break;
      continue;
    }
    const iccid = iccidFromAnswer(response.lines);
    if (iccid !== null) return iccid;
  }
  start.warnings.push(`No ICCID: none of ${commands.join(', ')} answered with one`);
  return null;
}
