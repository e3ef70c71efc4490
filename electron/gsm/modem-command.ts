/**
 * How the modem layer puts one command on its AT channel (read with the quirks of the modem's
 * profile, which the channel took on), retried while the SIM is busy (field note 5), and
 * failing with a ModemError whose code the interface translates.
 */

import { type FinalResult, isErrorFinal } from './at/classify';
import type { Parsed } from './at/parsers';
import {
  type AtChannel,
  AtCommandError,
  AtInputError,
  AtNotSentError,
  type AtResponse,
  AtTimeoutError,
  type CommandKind,
} from './channel';
import { LinkClosedError } from './link/link';

/**
 * A modem failure as a value: `code` is stable (the +CME/+CMS table ids such as `sim_busy` or
 * `incorrect_password`, or our own: `no_answer`, `timeout`, `disconnected`, `invalid_pin`,
 * `sim_not_inserted`...), `message` is plain English for the logs.
 */
export class ModemError extends Error {
  override name = 'ModemError';

  constructor(
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The channel of one modem (reading with its profile once known), and how to wait. */
export interface ModemLine {
  readonly channel: AtChannel;
  readonly sleep: (ms: number) => Promise<void>;
}

interface AskOptions {
  kind?: CommandKind;
  timeoutMs?: number;
  /** How the command appears in error messages when it carries a secret (the PIN). */
  shownAs?: string;
}

/** The channel's errors as ModemErrors; anything else (a bug) is returned unchanged. */
function asModemError(error: unknown): unknown {
  if (error instanceof ModemError) return error;
  // The channel already shows a secret command masked (its `shownAs`) in every message.
  const cause = { cause: error };
  if (error instanceof AtCommandError) return new ModemError(error.id, error.message, cause);
  if (error instanceof AtTimeoutError) return new ModemError('timeout', error.message, cause);
  // Not written because the modem is out of step: for a caller, the same as no answer.
  if (error instanceof AtNotSentError) return new ModemError('timeout', error.message, cause);
  if (error instanceof AtInputError) return new ModemError('refused', error.message, cause);
  if (error instanceof LinkClosedError) return new ModemError('disconnected', error.message, cause);
  return error;
}

/** The ModemError an error answer stands for (`+CME ERROR: 16` → `incorrect_password`). */
export function failureOf(response: AtResponse): ModemError {
  return asModemError(new AtCommandError(response)) as ModemError;
}

/** Runs one command; resolves with any final result. */
export async function ask(
  line: ModemLine,
  command: string,
  options: AskOptions = {},
): Promise<AtResponse> {
  try {
    return await line.channel.run(command, options);
  } catch (error) {
    throw asModemError(error);
  }
}

/** How long an operation (opening a modem, reading the SIM state) waits for a busy SIM. */
export const SIM_BUSY_PATIENCE_MS = 20_000;
const FIRST_BUSY_PAUSE_MS = 500;
const LONGEST_BUSY_PAUSE_MS = 4_000;

/** Time left for waiting on a busy SIM, shared by the commands of one operation. */
export interface Patience {
  leftMs: number;
}

export function newPatience(): Patience {
  return { leftMs: SIM_BUSY_PATIENCE_MS };
}

/** `+CME ERROR: 14` (SIM busy), `515` (init in progress, Huawei/SIMCom/Wavecom), `+CMS ERROR: 314`. */
export function isSimBusy(final: FinalResult): boolean {
  if (final.kind === 'cme') return final.code === 14 || final.code === 515;
  return final.kind === 'cms' && final.code === 314;
}

/**
 * Runs a command, asking again with a growing pause (0.5 s, 1 s, 2 s, 4 s, 4 s...) while the
 * answer says the SIM is busy and the operation's patience lasts. Resolves with the last answer,
 * busy or not: the caller decides what a SIM that never woke up means.
 */
export async function askPatiently(
  line: ModemLine,
  command: string,
  patience: Patience,
  options: AskOptions & { busy?: (response: AtResponse) => boolean } = {},
): Promise<AtResponse> {
  const { busy = (response: AtResponse) => isSimBusy(response.final), ...askOptions } = options;
  let pause = FIRST_BUSY_PAUSE_MS;
  for (;;) {
    const response = await ask(line, command, askOptions);
    if (!busy(response) || patience.leftMs <= 0) return response;
    const ms = Math.min(pause, patience.leftMs);
    await line.sleep(ms);
    patience.leftMs -= ms;
    pause = Math.min(pause * 2, LONGEST_BUSY_PAUSE_MS);
  }
}

/**
 * A start-up command whose failure (error answer, timeout) is worth a warning, not a failed
 * start: resolves with its answer, or null after noting the warning. A lost port still throws.
 */
export async function askTolerantly(
  line: ModemLine,
  command: string,
  patience: Patience,
  warnings: string[],
  options: AskOptions = {},
): Promise<AtResponse | null> {
  try {
    const response = await askPatiently(line, command, patience, options);
    if (!isErrorFinal(response.final)) return response;
    warnings.push(failureOf(response).message);
  } catch (error) {
    if (!(error instanceof ModemError) || error.code === 'disconnected') throw error;
    warnings.push(error.message);
  }
  return null;
}

/** The value of the first answer line the parser accepts, or null. */
export function firstParsed<T>(
  lines: readonly string[],
  parse: (line: string) => Parsed<T>,
): T | null {
  for (const text of lines) {
    const result = parse(text);
    if (result.ok) return result.value;
  }
  return null;
}
