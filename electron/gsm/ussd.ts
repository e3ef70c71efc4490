import { isErrorFinal } from './at/classify';
import { parseCusd } from './at/parse-ussd';
import type { AtChannel, Urc } from './channel';
import { type Clock, realClock, type TimerHandle } from './clock';
import { encodeUcs2Hex, packUssd } from './codecs';
import { decodeUssdAnswer, type UssdCharset } from './codecs/ussd';
import type { ModemProfile, UssdRequestEncoding } from './profiles';

/** How a USSD step ended, as `comptoir ussd` and the renewal journal report it. */
export type UssdStatus = 'done' | 'menu' | 'ended' | 'not-supported' | 'timeout' | 'error';

/** What the network answered, without the request it answers. */
export type UssdAnswer = Omit<UssdStep, 'sent'>;

export interface UssdStep {
  sent: string;
  status: UssdStatus;
  /** The network's <m> (0 done, 1 menu, 2 ended, 4 not supported, 5 timeout); null if none came. */
  m: number | null;
  text: string;
  dcs: number | null;
}

/** Refused before a byte was written. */
export class UssdInputError extends Error {
  override name = 'UssdInputError';
}

/** A USSD session is already open on this modem (one at a time, field notes point 12). */
export class UssdBusyError extends Error {
  override name = 'UssdBusyError';
}

// Codes and menu choices are digits, *, # and + only: nothing else may reach the line.
const ussdAlphabet = /^[0-9*#+]{1,160}$/;

export function assertUssdText(text: string): void {
  if (!ussdAlphabet.test(text)) {
    throw new UssdInputError(
      `A USSD code or reply may only hold digits, *, # and + (1 to 160 of them), not ${JSON.stringify(text)}`,
    );
  }
}

const statusOfM: Readonly<Record<number, UssdStatus>> = {
  0: 'done',
  1: 'menu',
  2: 'ended',
  4: 'not-supported',
  5: 'timeout',
};

function requestString(text: string, encoding: UssdRequestEncoding): string {
  if (encoding === 'gsm7-packed-hex') return packUssd(text);
  if (encoding === 'ucs2-hex') return encodeUcs2Hex(text);
  return text;
}

function charsetFor(encoding: UssdRequestEncoding): UssdCharset {
  return encoding === 'ucs2-hex' ? 'UCS2' : 'GSM';
}

/**
 * What the modem's USSD side is doing, shared by every session object on one channel: there is
 * one USSD session per modem, whoever asks (field notes point 12).
 */
interface ModemUssdState {
  active: boolean;
  /** After a timeout, the network may still answer until then: no new request meanwhile. */
  lateUntil: number;
  /**
   * A session being ended, by AT+CUSD=2 or by the network (profile `ussd.avoidCusd2`): its
   * release notice, which clears nothing after a timed-out request, then frees the line.
   */
  ending: boolean;
  /** A wait for the answer of a request that was written, if any. */
  waiting: boolean;
  /** Told when the late answer (or the release notice) came and the line is free again. */
  freed: Set<() => void>;
  /**
   * Told of the late answer itself, with the end of the wait it came in (before `freed`), and
   * of an answer the waiting request refused as not its own (wait's end: Infinity).
   */
  answered: Set<(urc: Urc, lateUntil: number) => void>;
}

const modemStates = new WeakMap<AtChannel, ModemUssdState>();

/**
 * The network's answer in a +CUSD, or null for what is not one: unreadable, another client
 * answered (m=3), or a bare release notice around a session's end (field notes point 9).
 */
function answerOf(urc: Urc) {
  if (urc.name !== '+CUSD') return null;
  const answer = parseCusd(urc.lines.join('\n'));
  if (!answer.ok) return null;
  const { status, text } = answer.value;
  if (status === 3) return null;
  if (status === 2 && (text === undefined || /^initiating release$/i.test(text.trim())))
    return null;
  return answer.value;
}

/** The network ending a session: `+CUSD: 2`, bare or "Initiating Release". */
function isRelease(urc: Urc) {
  const notice = parseCusd(urc.lines.join('\n'));
  return notice.ok && notice.value.status === 2;
}

function stateOf(channel: AtChannel): ModemUssdState {
  let state = modemStates.get(channel);
  if (!state) {
    const fresh: ModemUssdState = {
      active: false,
      lateUntil: 0,
      waiting: false,
      ending: false,
      freed: new Set(),
      answered: new Set(),
    };
    // An answer nobody waits for is the late one: once it came, the line is clear for the next
    // request. A release notice is not it, and clears nothing, unless a session is being ended.
    channel.onUrc((urc) => {
      if (fresh.waiting || urc.name !== '+CUSD') return;
      const answer = answerOf(urc);
      if (answer || (fresh.ending && isRelease(urc))) {
        const lateUntil = fresh.lateUntil;
        fresh.lateUntil = 0;
        fresh.ending = false;
        if (lateUntil === 0) return;
        if (answer) for (const listener of fresh.answered) listener(urc, lateUntil);
        for (const listener of fresh.freed) listener();
      }
    });
    modemStates.set(channel, fresh);
    state = fresh;
  }
  return state;
}

/** What a step may be told: whether the answer that came may be its own (see `accepts`). */
export interface StepOptions {
  secret?: boolean;
  /**
   * False for an answer that is not this request's (it names another card): the wait goes on,
   * and the answer goes to the late-answer listeners, as the answer of an earlier request.
   */
  accepts?: (answer: UssdAnswer) => boolean;
}

interface UssdOptions {
  profile: ModemProfile;
  /**
   * How long after a timed-out request its late answer may still come. Until it does or this
   * passes, the modem refuses new requests: the late answer would be taken for theirs.
   */
  lateAnswerMs?: number;
  /** Time for the answer's wait and the late-answer guard; the process's own by default. */
  clock?: Clock;
  /** The request encoding that worked on this modem before (kept by the caller). */
  remembered?: UssdRequestEncoding;
  onLearned?(encoding: UssdRequestEncoding): void;
}

export interface UssdSession {
  /**
   * Dials a code; falls back through the profile's encodings only while nothing was accepted.
   * A secret code (one that carries the dealer PIN) is masked as a secret reply is.
   */
  start(code: string, timeoutMs: number, options?: StepOptions): Promise<UssdStep>;
  /**
   * Answers the open menu (status `menu`) with the learned encoding, never another. A secret
   * reply (the dealer PIN) is masked in the channel's transcript and errors, and in the step.
   */
  reply(text: string, timeoutMs: number, options?: StepOptions): Promise<UssdStep>;
  /**
   * Ends an open menu with AT+CUSD=2, or, on a modem whose profile avoids it, leaves it to the
   * network and holds new requests until its release notice comes (or the late-answer time).
   */
  cancel(): Promise<void>;
  readonly active: boolean;
  /**
   * How long the modem still refuses new requests because an earlier one's answer may still
   * come (0 when it takes them): a bank sends its customers elsewhere meanwhile.
   */
  lateAnswerWaitMs(): number;
  /** Calls `listener` each time the awaited late answer comes early; returns the unsubscribe. */
  onLineFreed(listener: () => void): () => void;
  /**
   * Calls `listener` with the answer to a timed-out request when it comes within the late-answer
   * wait (never one that comes after it: by then the line may carry another request's answer),
   * and with an answer a later request refused as not its own (its `accepts`), whenever it came.
   */
  onLateAnswer(listener: (answer: UssdAnswer) => void): () => void;
}

/**
 * The USSD side of one modem. A request whose AT+CUSD got OK may have reached the network, so
 * it is never sent again in another encoding: only a refusal (ERROR, or +CUSD: 4) falls back.
 * That is what keeps a top-up from being sent twice.
 */
export function createUssdSession(channel: AtChannel, options: UssdOptions): UssdSession {
  let learned = options.remembered ?? null;
  let charset: UssdCharset | null = null;
  const modem = stateOf(channel);
  const lateAnswerMs = options.lateAnswerMs ?? 60_000;
  const clock = options.clock ?? realClock;
  const expectLateAnswer = () => {
    modem.lateUntil = clock.now().getTime() + lateAnswerMs;
    modem.ending = false;
  };

  /**
   * Waits for the next real +CUSD answer, counted from when the request is written: answers
   * that come earlier belong to someone else, and stray release notices are ignored.
   */
  function nextAnswer(timeoutMs: number, accepts: ((urc: Urc) => boolean) | undefined) {
    let stop: () => void = () => {};
    let arm: () => void = () => {};
    let armed = false;
    const promise = new Promise<Urc | null>((resolve, reject) => {
      let timer: TimerHandle | undefined;
      let unsubscribe: () => void = () => {};
      let unwatchClose: () => void = () => {};
      arm = () => {
        armed = true;
        modem.waiting = true;
        timer = clock.setTimeout(() => {
          stop();
          resolve(null);
        }, timeoutMs);
        unsubscribe = channel.onUrc((urc) => {
          if (!answerOf(urc)) return;
          if (accepts && !accepts(urc)) {
            for (const listener of modem.answered) listener(urc, Number.POSITIVE_INFINITY);
            return;
          }
          stop();
          resolve(urc);
        });
        // A port gone (the stick pulled out) will bring no answer: no need to wait it out.
        unwatchClose = channel.onClosed((error) => {
          stop();
          reject(error);
        });
      };
      stop = () => {
        modem.waiting = false;
        if (timer !== undefined) clock.clearTimeout(timer);
        unsubscribe();
        unwatchClose();
      };
    });
    // Closed while the command itself was failing: its caller throws that error, not this one.
    promise.catch(() => {});
    return {
      promise,
      arm: () => arm(),
      cancel: () => stop(),
      /** Whether the request was written: from then on the network may answer it. */
      get written() {
        return armed;
      },
    };
  }

  /**
   * Puts the modem in the charset an encoding needs. False only when the modem is known to be
   * in another one and will not leave it: a request written for one charset and read in another
   * would reach the network garbled. A modem that refuses +CSCS from the start is left as it is.
   */
  async function selectCharset(wanted: UssdCharset): Promise<boolean> {
    if (charset === wanted) return true;
    const response = await channel.run(`AT+CSCS="${wanted}"`);
    if (!isErrorFinal(response.final)) charset = wanted;
    return charset === null || charset === wanted;
  }

  async function send(
    text: string,
    encoding: UssdRequestEncoding,
    timeoutMs: number,
    { secret = false, accepts }: StepOptions = {},
  ): Promise<UssdStep & { refused: boolean }> {
    const shown = secret ? '•'.repeat(text.length) : text;
    if (!(await selectCharset(charsetFor(encoding)))) {
      return { sent: shown, status: 'error', m: null, text: '', dcs: null, refused: true };
    }
    const answer = nextAnswer(
      timeoutMs,
      accepts && ((urc) => accepts(readAnswer(urc, charset ?? charsetFor(encoding)))),
    );
    const response = await channel
      .run(`AT+CUSD=1,"${requestString(text, encoding)}",15`, {
        kind: 'network',
        timeoutMs,
        onWriting: answer.arm,
        ...(secret ? { shownAs: `AT+CUSD=1,"${shown}",15` } : {}),
      })
      .catch((error: unknown) => {
        answer.cancel();
        // Written but never answered (AT+CUSD=1 itself timed out, the port failed): the
        // network may have it and answer later, into the next request's wait.
        if (answer.written) expectLateAnswer();
        throw error;
      });
    if (isErrorFinal(response.final)) {
      answer.cancel();
      return { sent: shown, status: 'error', m: null, text: '', dcs: null, refused: true };
    }
    const urc = await answer.promise;
    if (!urc) {
      expectLateAnswer();
      return { sent: shown, status: 'timeout', m: null, text: '', dcs: null, refused: false };
    }
    const read = readAnswer(urc, charset ?? charsetFor(encoding));
    return { sent: shown, ...read, refused: read.m === 4 };
  }

  /** An answer as the line carried it, decoded by its DCS in the charset the modem is in. */
  function readAnswer(urc: Urc, assumed: UssdCharset): UssdAnswer {
    const parsed = parseCusd(urc.lines.join('\n'));
    if (!parsed.ok) throw new Error('unreachable: the answer was parsed when it arrived');
    const { status: m, text: raw, dcs } = parsed.value;
    const decoded = raw === undefined ? '' : decodeUssdAnswer(raw, dcs, assumed).text;
    return { status: statusOfM[m] ?? 'error', m, text: decoded, dcs: dcs ?? null };
  }

  function settle(step: UssdStep & { refused: boolean }): UssdStep {
    modem.active = step.status === 'menu';
    const { refused: _refused, ...result } = step;
    return result;
  }

  return {
    get active() {
      return modem.active;
    },
    lateAnswerWaitMs: () => Math.max(0, modem.lateUntil - clock.now().getTime()),
    onLineFreed(listener) {
      modem.freed.add(listener);
      return () => modem.freed.delete(listener);
    },
    onLateAnswer(listener) {
      const heard = (urc: Urc, lateUntil: number) => {
        if (clock.now().getTime() > lateUntil) return;
        listener(readAnswer(urc, charset ?? 'GSM'));
      };
      modem.answered.add(heard);
      return () => modem.answered.delete(heard);
    },
    async start(code, timeoutMs, startOptions = {}) {
      assertUssdText(code);
      if (modem.active) throw new UssdBusyError('A USSD session is already open on this modem');
      if (clock.now().getTime() < modem.lateUntil) {
        throw new UssdBusyError('The answer to an earlier USSD request may still come');
      }
      modem.active = true;
      try {
        const encodings = [
          ...new Set([...(learned ? [learned] : []), ...options.profile.ussd.encodings]),
        ];
        let last: (UssdStep & { refused: boolean }) | null = null;
        for (const encoding of encodings) {
          last = await send(code, encoding, timeoutMs, startOptions);
          if (!last.refused) {
            if (learned !== encoding) {
              learned = encoding;
              options.onLearned?.(encoding);
            }
            break;
          }
        }
        if (!last) throw new Error('The modem profile lists no USSD encoding');
        return settle(last);
      } catch (error) {
        modem.active = false;
        throw error;
      }
    },
    async reply(text, timeoutMs, replyOptions = {}) {
      assertUssdText(text);
      if (!modem.active) throw new UssdInputError('No USSD menu is open on this modem');
      try {
        const step = settle(await send(text, learned ?? 'plain', timeoutMs, replyOptions));
        if (step.status === 'timeout') await this.cancel();
        return step;
      } catch (error) {
        modem.active = false;
        throw error;
      }
    },
    async cancel() {
      modem.active = false;
      if (options.profile.ussd.avoidCusd2) {
        // The network ends the menu itself; until its release notice, no request may go out.
        expectLateAnswer();
        modem.ending = true;
        return;
      }
      // A reply that timed out is held for its late answer; the release of the session, which
      // ends that reply too, frees the line as that answer would.
      modem.ending = true;
      await channel.run('AT+CUSD=2').catch(() => {});
    },
  };
}

interface UssdDialogue {
  status: UssdStatus;
  m: number | null;
  text: string;
  dcs: number | null;
  steps: { sent: string; m: number | null; text: string }[];
}

/**
 * Dials a code and answers each menu with the next reply, as `comptoir ussd` does; `accepts`
 * (see StepOptions) is asked of every answer.
 */
export async function runUssdDialogue(
  session: UssdSession,
  code: string,
  replies: readonly string[],
  timeoutMs: number,
  options: Pick<StepOptions, 'accepts'> = {},
): Promise<UssdDialogue> {
  for (const reply of replies) assertUssdText(reply);
  const steps: UssdStep[] = [await session.start(code, timeoutMs, options)];
  for (const reply of replies) {
    if (steps.at(-1)?.status !== 'menu') break;
    steps.push(await session.reply(reply, timeoutMs, options));
  }
  const last = steps.at(-1) as UssdStep;
  return {
    status: last.status,
    m: last.m,
    text: last.text,
    dcs: last.dcs,
    steps: steps.map(({ sent, m, text }) => ({ sent, m, text })),
  };
}
