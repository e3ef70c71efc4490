/**
 * A modem transcript as a replay file (Gammu keeps its real modem dumps as regression tests,
 * tests/at-ussd/*.dump): plain text, one line per event, read by parse.ts, written by write.ts.
 *
 *     # Huawei E3372, +CUSD before OK (source: field notes point 9)
 *     profile: huawei          the modem profile the session uses (generic when left out)
 *     timeout: 10s             how long each USSD step waits for its answer
 *     outcome: succeeded       what the recorded run ended as (a sale's status), for the reader
 *     dial: *100#              the host dials a code here (once its previous step has ended)...
 *     expect: done "Solde: 7"  ...and the outcome that step must have (every step names one)
 *     > AT+CUSD=1,"*100#",15   a command line the host wrote (• stands for any one character)
 *     >~ 1b                    bytes the host wrote, in hex (ESC, an SMS body and its Ctrl-Z)
 *     < +CUSD: 0,"Solde: 7",15 a line the modem sent
 *     <~ ff fe 80 0d 0a        bytes the modem sent, in hex, exactly (noise, a prompt)
 *     + 10s                    the clock steps forward (a timeout falls due, an answer is late)
 *     reply: 1                 the host answers the open menu here
 *     ! unplugged              the modem's side of the link goes away
 *
 * The header (`profile:`, `timeout:`, `outcome:`) comes before the first event; `#` comments
 * go anywhere. Events play in order: a step starts where its line stands.
 */

/** How a USSD step ends (the session's statuses), or why it threw. */
export const OUTCOMES = [
  'done',
  'menu',
  'ended',
  'not-supported',
  'timeout',
  'error',
  /** Refused before writing: a session is open, or an earlier answer may still come. */
  'busy',
  /** Refused before writing: the channel could not get the modem back in step. */
  'not-sent',
  /** AT+CUSD=1 itself got no final result in time. */
  'no-answer',
  /** The port went away. */
  'unplugged',
] as const;

export type Outcome = (typeof OUTCOMES)[number];

/** The outcomes that carry the network's text. */
export const OUTCOMES_WITH_TEXT: readonly Outcome[] = ['done', 'menu', 'ended'];

export interface Expected {
  outcome: Outcome;
  /** The decoded answer, when the file names one. */
  text?: string;
}

export type ReplayEvent =
  | { kind: 'step'; step: 'dial' | 'reply'; text: string; expect: Expected }
  | { kind: 'write'; text: string }
  | { kind: 'write-bytes'; bytes: Uint8Array }
  | { kind: 'receive'; text: string }
  | { kind: 'receive-bytes'; bytes: Uint8Array }
  | { kind: 'pause'; ms: number }
  | { kind: 'unplug' }
  | { kind: 'comment'; text: string };

export interface ReplayTranscript {
  /** Comment lines before the first event: where the transcript comes from. */
  about: string[];
  profile?: string;
  timeoutMs?: number;
  outcome?: string;
  /** Each event with the line it was read from (0 for events built in code). */
  events: (ReplayEvent & { line: number })[];
}

/** Stands for one character the transcript does not show (a masked dealer PIN). */
export const MASKED = '•';
