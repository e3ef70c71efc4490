/** The SIM behind a modem: its state (+CPIN?) and entering its PIN, carefully. */

import { isErrorFinal } from './at/classify';
import { type PinState, parseCpin } from './at/parsers';
import { type AtResponse, AtTimeoutError } from './channel';
import {
  askPatiently,
  failureOf,
  firstParsed,
  ModemError,
  type ModemLine,
  type Patience,
  SIM_BUSY_PATIENCE_MS,
} from './modem-command';

export type SimState =
  | 'ready'
  | 'pin-required'
  | 'puk-required'
  | 'not-inserted'
  /** Still starting (SIM busy, `+CPIN: NOT READY`) when our patience ran out. */
  | 'not-ready'
  /** Locked to a network or a SIM (PH-SIM PIN, PH-NET PIN...): not ours to unlock. */
  | 'device-locked'
  | 'failure'
  | 'unknown';

const BY_PIN_STATE: Readonly<Record<PinState, SimState>> = {
  ready: 'ready',
  'sim-pin': 'pin-required',
  'sim-puk': 'puk-required',
  // PIN2 guards fixed dialling and call costs, not SMS or USSD; ModemManager too counts a SIM
  // asking for PIN2/PUK2 as unlocked.
  'sim-pin2': 'ready',
  'sim-puk2': 'ready',
  'ph-sim-pin': 'device-locked',
  'device-lock': 'device-locked',
  'not-inserted': 'not-inserted',
  'not-ready': 'not-ready',
  other: 'unknown',
};

// What an error answer to AT+CPIN? says about the SIM (27.007 §9.2).
const BY_CME_CODE: ReadonlyMap<number, SimState> = new Map<number, SimState>([
  [5, 'device-locked'],
  [10, 'not-inserted'],
  [11, 'pin-required'],
  [12, 'puk-required'],
  [13, 'failure'],
  [14, 'not-ready'],
  [15, 'failure'],
  [515, 'not-ready'],
]);

/** The SIM state an answer to AT+CPIN? stands for. */
function simStateOfAnswer(response: AtResponse): SimState {
  const { final } = response;
  if (isErrorFinal(final)) {
    return (
      (final.kind === 'cme' && final.code !== undefined && BY_CME_CODE.get(final.code)) || 'unknown'
    );
  }
  const status = firstParsed(response.lines, parseCpin);
  return status ? BY_PIN_STATE[status.state] : 'unknown';
}

/** AT+CPIN? with the profile's quirks, asked again while the SIM is still starting. */
export async function readSimState(line: ModemLine, patience: Patience): Promise<SimState> {
  const response = await askPatiently(line, 'AT+CPIN?', patience, {
    kind: 'sim',
    busy: (answer) => simStateOfAnswer(answer) === 'not-ready',
  });
  return simStateOfAnswer(response);
}

/**
 * Like readSimState, but an AT+CPIN? that never got its final result does not fail the caller.
 * When its `+CPIN:` line came and the OK did not (a modem whose profile does not know that it
 * answers so, field note 6), the line is trusted and the quirk learnt for this modem's later
 * commands, as gammu does unasked; the channel, out of step after the timeout, resynchronises
 * (AT until OK, stray lines dropped) before the next command. With no such line: `unknown`.
 * Either way with a warning.
 */
export async function readSimStateOrUnknown(
  line: ModemLine,
  patience: Patience,
  warnings: string[],
): Promise<SimState> {
  try {
    return await readSimState(line, patience);
  } catch (error) {
    if (!(error instanceof ModemError) || error.code !== 'timeout') throw error;
    const heard = error.cause instanceof AtTimeoutError ? heardCpinLine(error.cause.partial) : null;
    if (!heard) {
      warnings.push(error.message);
      return 'unknown';
    }
    line.channel.learnReplyQuirks(
      { cpinWithoutOk: true },
      `AT+CPIN? answered "${heard.text}" without OK`,
    );
    warnings.push(
      `AT+CPIN? answered "${heard.text}" without OK: the line is trusted, and from now on this modem's AT+CPIN? is read without waiting for OK (learnt reply.cpinWithoutOk)`,
    );
    const state = BY_PIN_STATE[heard.state];
    // A SIM still starting is waited for as usual, now read with the quirk.
    return state === 'not-ready' ? readSimState(line, patience) : state;
  }
}

function heardCpinLine(lines: readonly string[]): { text: string; state: PinState } | null {
  for (const text of lines) {
    const status = parseCpin(text);
    if (status.ok) return { text: text.trim(), state: status.value.state };
  }
  return null;
}

/** Throws ModemError `invalid_pin` unless the PIN is 4 to 8 digits (27.007 and SIM cards). */
export function checkPin(pin: unknown): asserts pin is string {
  if (typeof pin !== 'string' || !/^\d{4,8}$/.test(pin)) {
    throw new ModemError('invalid_pin', 'A SIM PIN is 4 to 8 digits');
  }
}

/** Why a PIN cannot be entered in this state. */
export function simRefusal(state: Exclude<SimState, 'ready' | 'pin-required'>): ModemError {
  const reasons: Record<typeof state, [string, string]> = {
    'puk-required': ['sim_puk_required', 'The SIM is blocked and needs its PUK'],
    'not-inserted': ['sim_not_inserted', 'No SIM is inserted'],
    'not-ready': ['sim_not_ready', 'The SIM is not ready yet'],
    'device-locked': ['device_locked', 'The modem is locked to another network or SIM'],
    failure: ['sim_failure', 'The SIM does not work'],
    unknown: ['sim_state_unknown', 'The modem did not say what the SIM needs'],
  };
  const [code, message] = reasons[state];
  return new ModemError(code, message);
}

/**
 * Enters the PIN once. A refused PIN (`incorrect_password`) is never sent again: the third wrong
 * one locks the SIM behind its PUK. Only a "SIM busy" answer, which means the SIM did not look
 * at the PIN, is asked again. Resolves with the SIM state once it has started up again.
 */
export async function unlockSim(
  line: ModemLine,
  pin: string,
  patience: Patience,
): Promise<SimState> {
  checkPin(pin);
  const shownAs = 'AT+CPIN=<PIN>';
  const response = await askPatiently(line, `AT+CPIN="${pin}"`, patience, { kind: 'sim', shownAs });
  if (isErrorFinal(response.final)) throw failureOf(response);
  // An unlocked SIM starts up (and is busy) again: it gets its own patience.
  patience.leftMs = SIM_BUSY_PATIENCE_MS;
  return readSimState(line, patience);
}
