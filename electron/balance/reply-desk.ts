/**
 * Sorts the carriers' SMS replies of each modem between the balance query waiting there and the
 * late replies still owed to queries that timed out (reply-judgement.ts says whose is whose).
 * It hears every message of every modem, so a late reply that comes between two queries settles
 * its debt too.
 */
import { type CountryCode, getCountryCallingCode } from 'libphonenumber-js';
import type { CarrierProfile } from '../../shared/carrier';
import type { SmsInboxes } from '../bank/sms-inboxes';
import { balanceReplySubject, customerNumber } from '../carriers';
import { type InboxMessage, type MessageSource, sameNumber } from '../gsm/sms';
import { judgeReply } from './reply-judgement';

/** A reply later than this after its query is not waited for any more. */
const FORGET_OWED_AFTER_MS = 10 * 60_000;

interface BalanceQuestion {
  /** The number the query went to: the carrier's short code. */
  to: string;
  /** The card asked about, E.164. */
  customer: string;
  profile: CarrierProfile;
}

/** The query waiting on a modem, as querySms watches it: only its answer comes through. */
interface WaitingQuery extends MessageSource {
  /** No answer came in time: its reply is now owed, and not taken for the next query's. */
  timedOut(): void;
  close(): void;
}

interface Owed extends BalanceQuestion {
  /** When the debt started; a debt handed on by a query that timed out keeps its start. */
  since: number;
}

interface Asking extends BalanceQuestion {
  deliver(message: InboxMessage): void;
  /** The oldest debt this query's wait settled with a reply that named no card: see timedOut. */
  settledSince: number | null;
}

interface Line {
  asking: Asking | null;
  owed: Owed[];
}

function countryCodeOf(profile: CarrierProfile): string {
  return getCountryCallingCode(profile.numberRegion as CountryCode);
}

/** The card a reply names, E.164; null when it names none or nothing readable. */
function subjectOf(profile: CarrierProfile, text: string): string | null {
  const named = balanceReplySubject(profile, text);
  if (named === null) return null;
  const number = customerNumber(profile, named);
  return number.ok ? number.value.e164 : null;
}

export function createReplyDesk(options: {
  inboxes: Pick<SmsInboxes, 'onSms'>;
  now: () => Date;
  forgetOwedAfterMs?: number;
}) {
  const forgetAfter = options.forgetOwedAfterMs ?? FORGET_OWED_AFTER_MS;
  const lines = new Map<string, Line>();

  function lineOf(modemId: string): Line {
    let line = lines.get(modemId);
    if (!line) {
      line = { asking: null, owed: [] };
      lines.set(modemId, line);
    }
    return line;
  }

  options.inboxes.onSms((modemId, message) => {
    const sender = message.sender;
    const line = lines.get(modemId);
    if (!line || !message.complete || message.via === 'startup' || sender === null) return;
    const now = options.now().getTime();
    line.owed = line.owed.filter((debt) => now - debt.since < forgetAfter);
    const from = (question: BalanceQuestion) =>
      sameNumber(sender, question.to, { countryCode: countryCodeOf(question.profile) });
    const asking = line.asking && from(line.asking) ? line.asking : null;
    const owed = line.owed.filter(from);
    const profile = asking?.profile ?? owed[0]?.profile;
    if (!profile) return;
    const subject = subjectOf(profile, message.text);
    const verdict = judgeReply(
      subject,
      asking?.customer ?? null,
      owed.map((debt) => debt.customer),
    );
    if (verdict.kind === 'answer') asking?.deliver(message);
    if (verdict.kind !== 'late') return;
    const settled = owed[verdict.settles];
    if (!settled) return;
    line.owed.splice(line.owed.indexOf(settled), 1);
    if (asking && subject === null) {
      asking.settledSince = Math.min(asking.settledSince ?? settled.since, settled.since);
    }
  });

  return {
    /** Opens the balance query about to be sent on a modem; close it once it is over. */
    ask(modemId: string, question: BalanceQuestion): WaitingQuery {
      const line = lineOf(modemId);
      const listeners = new Set<(message: InboxMessage) => void>();
      const asking: Asking = {
        ...question,
        settledSince: null,
        deliver(message) {
          for (const listener of listeners) listener(message);
        },
      };
      line.asking = asking;
      return {
        onMessage(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        timedOut() {
          // If a reply that named no card was taken for an older debt while this query waited,
          // it may have been this query's own (the older one lost): the debt handed on keeps the
          // older start, so a lost reply cannot keep a modem's answers discarded for ever.
          const since = asking.settledSince ?? options.now().getTime();
          line.owed.push({ ...question, since });
        },
        close() {
          if (line.asking === asking) line.asking = null;
        },
      };
    },
  };
}

export type ReplyDesk = ReturnType<typeof createReplyDesk>;
