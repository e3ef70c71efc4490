/**
 * What the carrier answered during a sale, read back from the transcripts its journal kept
 * (sale_events.transcript): the USSD answers decoded as the modem read them, a late USSD answer
 * and a confirmation SMS kept as evidence. Only what the carrier said, for the manager resolving
 * the sale; the dealer PIN was masked by the channel before anything was kept.
 */

import type { CarrierReply, SaleMoveReplies } from '../../shared/pending-sale';
import { readEntries } from '../bank/transcript-text';
import { finalResultOf } from '../gsm/at/classify';
import { parseCusd } from '../gsm/at/parse-ussd';
import type { TranscriptEntry } from '../gsm/channel';
import { decodeUssdAnswer, type UssdCharset } from '../gsm/codecs';
import type { SaleEvent } from './journal';

const charsets: readonly UssdCharset[] = ['GSM', 'IRA', 'UCS2', 'HEX'];
const selectedCharset = /^AT\+CSCS="([A-Z0-9]+)"$/;
// The evidence kept by confirmations.ts and late-answers.ts, when no modem transcript came.
const confirmationSms = /^SMS from [^\s]+ \([^)]*\): ([\s\S]*)$/;
const lateUssd = /^late USSD answer on [^\s]+ \([^)]*\): \+CUSD: \d*,"([\s\S]*)"$/;
// A HiLink stick's answer as its USSD session notes it; one for another request is not this one.
const hilinkAnswer = /^GET \/api\/ussd\/get: ([\s\S]*)$/;
const hilinkNotOurs = / \(not this request's\)$/;
const hilinkError = /^error -?\d+$/;

/** The network's text in a received +CUSD (a final result after it left out), or null. */
function cusdText(received: string, charset: UssdCharset): string | null {
  const lines = received.split('\n');
  const start = lines.findIndex((line) => line.trimStart().startsWith('+CUSD'));
  if (start < 0) return null;
  const body = lines.slice(start);
  while (body.length > 1 && finalResultOf(body.at(-1) ?? '') !== null) body.pop();
  const answer = parseCusd(body.join('\n'));
  // m=3: another client answered; no text: a bare release notice.
  if (!answer.ok || answer.value.status === 3 || answer.value.text === undefined) return null;
  return decodeUssdAnswer(answer.value.text, answer.value.dcs, charset).text;
}

function repliesOfEntries(entries: readonly TranscriptEntry[]): CarrierReply[] {
  const replies: CarrierReply[] = [];
  let charset: UssdCharset = 'GSM';
  for (const entry of entries) {
    const at = entry.at.toISOString();
    if (entry.direction === 'sent') {
      const chosen = selectedCharset.exec(entry.text)?.[1] as UssdCharset | undefined;
      if (chosen && charsets.includes(chosen)) charset = chosen;
      continue;
    }
    const received =
      entry.direction === 'received'
        ? entry.text
        : entry.text.startsWith('unexpected: ')
          ? entry.text.slice('unexpected: '.length)
          : null;
    if (received === null) continue;
    const hilink = hilinkAnswer.exec(received)?.[1];
    if (hilink !== undefined) {
      if (!hilinkNotOurs.test(hilink) && !hilinkError.test(hilink)) {
        replies.push({ at, via: 'ussd', text: hilink });
      }
      continue;
    }
    const text = cusdText(received, charset);
    if (text !== null) replies.push({ at, via: 'ussd', text });
  }
  return replies;
}

function repliesOfEvidence(text: string, at: string): CarrierReply[] {
  const sms = confirmationSms.exec(text)?.[1];
  if (sms !== undefined) return [{ at, via: 'sms', text: sms }];
  const late = lateUssd.exec(text)?.[1];
  if (late !== undefined) return [{ at, via: 'ussd', text: late }];
  return [];
}

/** Each move of the sale, oldest first, with what the carrier said that led to it. */
export function carrierReplies(events: readonly SaleEvent[]): SaleMoveReplies[] {
  return events.map((event) => {
    const entries = event.transcript === null ? null : readEntries(event.transcript);
    const replies =
      event.transcript === null
        ? []
        : entries
          ? repliesOfEntries(entries)
          : repliesOfEvidence(event.transcript, event.at);
    return { from: event.from, to: event.to, at: event.at, replies };
  });
}
