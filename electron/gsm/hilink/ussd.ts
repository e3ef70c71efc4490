/**
 * USSD over a HiLink stick's web API, behind the same UssdSession the bank lends for a serial
 * modem: `POST /api/ussd/send` writes the request, `GET /api/ussd/get` is asked until the answer
 * is there (error 111019 meanwhile), within the caller's time limit (the carrier's). Whether the
 * network waits for a reply (a menu) is what `GET /api/ussd/status` says once the answer came:
 * 1 while a session is open.
 *
 * As on a serial modem, a request the stick accepted is never sent again, and one left
 * unanswered may still be answered: the stick takes no new request until that answer was read
 * (then the line is freed) or the late-answer time passed (then the session is released).
 */
import { AtNotSentError, type TranscriptEntry } from '../channel';
import { type Clock, pause, realClock } from '../clock';
import {
  assertUssdText,
  type StepOptions,
  type UssdAnswer,
  UssdBusyError,
  UssdInputError,
  type UssdSession,
  type UssdStep,
} from '../ussd';
import type { HilinkClient } from './client';
import { HilinkError, HilinkExchangeError } from './errors';
import { childText } from './xml';

interface HilinkUssdOptions {
  /** How long after a timed-out request its late answer may still come (default 60 s). */
  lateAnswerMs?: number;
  /** How often the stick is asked whether the answer came (default 500 ms). */
  pollMs?: number;
  clock?: Clock;
  /** Told each request and answer, secrets masked, for the lease's transcript. */
  note?(direction: TranscriptEntry['direction'], text: string): void;
}

type Reply = { kind: 'text'; text: string } | { kind: 'refused'; code: number };
type Answer = Reply | { kind: 'none' };

export function createHilinkUssdSession(
  client: HilinkClient,
  options: HilinkUssdOptions = {},
): UssdSession {
  const clock = options.clock ?? realClock;
  const lateAnswerMs = options.lateAnswerMs ?? 60_000;
  const pollMs = options.pollMs ?? 500;
  const freed = new Set<() => void>();
  const lateListeners = new Set<(answer: UssdAnswer) => void>();
  const tellLate = (text: string) => {
    const answer: UssdAnswer = { status: 'done', m: null, text, dcs: null };
    for (const listener of lateListeners) listener(answer);
  };
  let active = false;
  let lateUntil = 0;
  /**
   * A late-answer watch runs: the line is held until it ends (answer read, or the session
   * released), even a moment past `lateUntil`, so its release never ends a newer request.
   */
  let watching = false;
  const nowMs = () => clock.now().getTime();
  const note = (direction: TranscriptEntry['direction'], text: string) =>
    options.note?.(direction, text);

  /** Asks for the answer once: its text, a refusal, or none yet. */
  async function readAnswer(): Promise<Answer> {
    try {
      const response = await client.get('/api/ussd/get');
      return { kind: 'text', text: childText(response, 'content') ?? '' };
    } catch (error) {
      if (error instanceof HilinkError) {
        return error.kind === 'ussd-pending'
          ? { kind: 'none' }
          : { kind: 'refused', code: error.code };
      }
      throw error;
    }
  }

  /** Reads until the answer, a refusal, or `until`; null when the time ran out. */
  async function awaitAnswer(until: number): Promise<Reply | null> {
    for (;;) {
      const answer = await readAnswer();
      if (answer.kind !== 'none') return answer;
      if (nowMs() + pollMs > until) return null;
      await pause(clock, pollMs);
    }
  }

  /** After a timeout: keeps reading, so the late answer (when it comes) frees the line. */
  function watchForLateAnswer() {
    lateUntil = nowMs() + lateAnswerMs;
    watching = true;
    void (async () => {
      const answer = await awaitAnswer(lateUntil).catch(() => null);
      if (!answer) await client.post('/api/ussd/release', {}).catch(() => {});
      else if (answer.kind === 'text') tellLate(answer.text);
      lateUntil = 0;
      watching = false;
      for (const listener of freed) listener();
    })();
  }

  async function sessionOpen(): Promise<boolean> {
    const status = await client.get('/api/ussd/status').catch(() => null);
    return status !== null && childText(status, 'result') === '1';
  }

  async function send(
    text: string,
    timeoutMs: number,
    { secret = false, accepts }: StepOptions,
  ): Promise<UssdStep> {
    const shown = secret ? '•'.repeat(text.length) : text;
    const step = (status: UssdStep['status'], answer = ''): UssdStep => ({
      sent: shown,
      status,
      m: null,
      text: answer,
      dcs: null,
    });
    const until = nowMs() + timeoutMs;
    note('sent', `POST /api/ussd/send ${shown}`);
    try {
      await client.post('/api/ussd/send', { content: text, codeType: 'CodeType', timeout: '' });
    } catch (error) {
      note('note', `refused: ${(error as Error).message}`);
      if (error instanceof HilinkError) {
        // Refused before it left the stick: nothing reached the network.
        if (error.kind === 'ussd-busy' || error.kind === 'ussd-pending') {
          throw new UssdBusyError(
            `The HiLink stick is still in another USSD session (${error.code})`,
          );
        }
        if (error.kind === 'busy') {
          throw new UssdBusyError(`The HiLink stick is busy (${error.code}): nothing was sent`);
        }
        return step(error.kind === 'ussd-not-supported' ? 'not-supported' : 'error');
      }
      // Never connected (or the modem is closed): nothing of it reached the stick.
      if (!(error instanceof HilinkExchangeError) || !error.mayHaveArrived) {
        throw new AtNotSentError('POST /api/ussd/send');
      }
      // The stick may have taken it: its answer may still come, into the next request's wait.
      watchForLateAnswer();
      throw error;
    }
    let answer: Reply | null;
    try {
      answer = await awaitAnswer(until);
      // An answer naming another request's subject (a late one) is not this request's: it goes
      // to whoever waits for it, and this request keeps waiting for its own.
      while (
        answer?.kind === 'text' &&
        accepts &&
        !accepts({ status: 'done', m: null, text: answer.text, dcs: null })
      ) {
        note('received', `GET /api/ussd/get: ${answer.text} (not this request's)`);
        tellLate(answer.text);
        answer = nowMs() + pollMs > until ? null : await awaitAnswer(until);
      }
    } catch (error) {
      watchForLateAnswer();
      throw error;
    }
    if (!answer) {
      note('note', `no answer within ${timeoutMs} ms`);
      watchForLateAnswer();
      return step('timeout');
    }
    if (answer.kind === 'refused') {
      note('received', `GET /api/ussd/get: error ${answer.code}`);
      if (answer.code === 111020) {
        watchForLateAnswer();
        return step('timeout');
      }
      return step(answer.code === 111022 ? 'not-supported' : 'error');
    }
    note('received', `GET /api/ussd/get: ${answer.text}`);
    return step((await sessionOpen()) ? 'menu' : 'done', answer.text);
  }

  function settle(result: UssdStep): UssdStep {
    active = result.status === 'menu';
    return result;
  }

  return {
    get active() {
      return active;
    },
    lateAnswerWaitMs: () => (watching ? Math.max(1, lateUntil - nowMs()) : 0),
    onLineFreed(listener) {
      freed.add(listener);
      return () => freed.delete(listener);
    },
    onLateAnswer(listener) {
      lateListeners.add(listener);
      return () => lateListeners.delete(listener);
    },
    async start(code, timeoutMs, startOptions = {}) {
      assertUssdText(code);
      if (active) throw new UssdBusyError('A USSD session is already open on this modem');
      if (watching) {
        throw new UssdBusyError('The answer to an earlier USSD request may still come');
      }
      active = true;
      try {
        return settle(await send(code, timeoutMs, startOptions));
      } catch (error) {
        active = false;
        throw error;
      }
    },
    async reply(text, timeoutMs, replyOptions = {}) {
      assertUssdText(text);
      if (!active) throw new UssdInputError('No USSD menu is open on this modem');
      try {
        return settle(await send(text, timeoutMs, replyOptions));
      } catch (error) {
        active = false;
        throw error;
      }
    },
    async cancel() {
      active = false;
      if (watching) return;
      await client.post('/api/ussd/release', {}).catch(() => {});
    },
  };
}
