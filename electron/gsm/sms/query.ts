/**
 * Asking a carrier by SMS ("CXLL 687123456" to a short code) and waiting for its answer.
 *
 * The answer is the first complete message from the destination (the same number in any form:
 * `+687 4012`, `4012`) that reached the inbox after the question went out. The inbox keeps
 * every message, this one included; the query only watches. Two questions to the same number
 * would both take the first answer, so they wait for each other: one at a time per number.
 */

import type { AtChannel } from '../channel';
import { SmsQueryTimeoutError } from './errors';
import type { InboxMessage } from './message';
import { type SameNumberOptions, sameNumber } from './numbers';
import type { NextReference } from './reference';
import { sendSms } from './send';

interface SmsQueryOptions extends SameNumberOptions {
  to: string;
  text: string;
  /** How long to wait for the answer once the question went out. */
  timeoutMs: number;
  now?: () => Date;
  smsc?: string;
  nextReference?: NextReference;
}

interface SmsReply {
  sender: string;
  timestamp: string;
  text: string;
  parts: number;
  /** A part of it was read cut short: the text is not all the sender wrote. */
  truncated: boolean;
}

/** What a query needs of the inbox: its message events. */
export interface MessageSource {
  onMessage(listener: (message: InboxMessage) => void): () => void;
}

/** A modem that sends a text itself (a HiLink stick), where an AT channel needs PDUs. */
export interface TextSender {
  sendText(to: string, text: string): Promise<void>;
}

/** What a question goes out through: a modem's AT channel, or a modem that sends texts. */
export type SmsLine = AtChannel | TextSender;

interface InFlight {
  to: string;
  done: Promise<unknown>;
}

const inFlight = new WeakMap<SmsLine, InFlight[]>();

export async function querySms(
  channel: SmsLine,
  inbox: MessageSource,
  options: SmsQueryOptions,
): Promise<SmsReply> {
  const queries = inFlight.get(channel) ?? [];
  inFlight.set(channel, queries);
  const before = queries
    .filter((query) => sameNumber(query.to, options.to, options))
    .map((query) => query.done.catch(() => {}));
  const done = Promise.all(before).then(() => askAndWait(channel, inbox, options));
  const entry: InFlight = { to: options.to, done };
  queries.push(entry);
  try {
    return await done;
  } finally {
    queries.splice(queries.indexOf(entry), 1);
  }
}

async function askAndWait(
  channel: SmsLine,
  inbox: MessageSource,
  options: SmsQueryOptions,
): Promise<SmsReply> {
  const now = options.now ?? (() => new Date());
  const startedAt = now().getTime();
  let answer: (reply: SmsReply) => void = () => {};
  const replied = new Promise<SmsReply>((resolve) => {
    answer = resolve;
  });
  // Watching starts before the question goes out: a fast answer cannot slip past.
  const stopWatching = inbox.onMessage((message) => {
    if (isReply(message, options, startedAt)) answer(replyOf(message));
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    if ('sendText' in channel) await channel.sendText(options.to, options.text);
    else
      await sendSms(channel, {
        to: options.to,
        text: options.text,
        ...(options.smsc === undefined ? {} : { smsc: options.smsc }),
        ...(options.nextReference === undefined ? {} : { nextReference: options.nextReference }),
      });
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new SmsQueryTimeoutError(options.to, options.timeoutMs)),
        options.timeoutMs,
      );
    });
    return await Promise.race([replied, timedOut]);
  } finally {
    stopWatching();
    clearTimeout(timer);
  }
}

function replyOf(message: InboxMessage): SmsReply {
  return {
    sender: message.sender ?? '',
    timestamp: message.timestamp ?? '',
    text: message.text,
    parts: message.parts,
    truncated: message.truncated,
  };
}

/**
 * Complete, from the asked number, and come after the question: received since it started and
 * not found by the start-up listing (that one holds what came while the app was off).
 */
function isReply(message: InboxMessage, options: SmsQueryOptions, startedAt: number): boolean {
  return (
    message.complete &&
    message.via !== 'startup' &&
    message.sender !== null &&
    Date.parse(message.receivedAt) >= startedAt &&
    sameNumber(message.sender, options.to, options)
  );
}
