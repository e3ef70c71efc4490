/**
 * What a carrier answers, read with its profile's patterns into values. Nothing here throws on
 * what the carrier says: an answer that matches nothing is `unrecognised`, and the renewal
 * journal turns that (and a timeout) into `unknown`, never into `failed`. Only a text that
 * matches a failure pattern, and not the success pattern, is a refusal.
 */

import { parseAmount, parseQuantity } from '../../shared/amounts';
import type { BalanceReplyPattern, CarrierProfile, TopUpFailureReason } from '../../shared/carrier';
import { currencies } from '../../shared/currencies';
import { readWallClock, wallClockToInstant } from '../../shared/local-time';
import { isTimeZone } from '../../shared/shop';
import { patternsOf } from './compiled';
import { CarrierInputError } from './errors';

/** Longer than any USSD answer or carrier SMS: such a text is not read at all. */
const MAX_REPLY_LENGTH = 4000;

type TopUpAnswer =
  /** `reference` is null when the success pattern's group captured nothing. */
  | { kind: 'succeeded'; reference: string | null; dealerBalance?: number }
  | { kind: 'failed'; reason: TopUpFailureReason; text: string }
  | { kind: 'unrecognised'; text: string };

function readable(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' || text.length > MAX_REPLY_LENGTH ? null : trimmed;
}

function minorDigitsOf(profile: CarrierProfile): number {
  return currencies[profile.currency].minorDigits;
}

/**
 * Reads the last answer of a top-up dialogue. A text matching both the success pattern and a
 * failure pattern is `unrecognised`: a person decides, not a guess. The dealer balance is
 * optional; a success whose balance cannot be read is still a success, without it.
 */
export function classifyTopUpAnswer(profile: CarrierProfile, finalText: string): TopUpAnswer {
  const text = readable(finalText);
  if (text === null) return { kind: 'unrecognised', text: finalText };
  const patterns = patternsOf(profile);
  const success = patterns.success.exec(text);
  const refusal = patterns.failures.findIndex((pattern) => pattern.test(text));
  if (success && refusal >= 0) return { kind: 'unrecognised', text: finalText };
  if (success) {
    const reference = success.groups?.reference?.trim() || null;
    const balanceText = success.groups?.dealerBalance;
    const dealerBalance =
      balanceText === undefined ? null : parseAmount(balanceText, minorDigitsOf(profile));
    return dealerBalance === null
      ? { kind: 'succeeded', reference }
      : { kind: 'succeeded', reference, dealerBalance };
  }
  const failure = profile.topUp.failures[refusal];
  if (failure) return { kind: 'failed', reason: failure.reason, text: finalText };
  return { kind: 'unrecognised', text: finalText };
}

interface BalanceReading {
  /** What is left on the card, in whole megabytes (1 Go = 1024 MB). */
  remainingMb: number;
  /** Until when it is valid: ISO 8601, UTC. */
  validUntil: string;
}

type BalanceReplyErrorCode =
  /** The carrier does not know the number. */
  | 'unknown_number'
  /** The carrier answered, but not with a balance (an unknown command…). */
  | 'refused'
  /** No pattern of the profile matches the reply. */
  | 'unrecognised_reply'
  /** A pattern matched, but the data or its unit cannot be read. */
  | 'unreadable_data'
  /** A pattern matched, but the date does not follow the declared format or is no real day. */
  | 'unreadable_date';

interface CarrierReplyError<Code extends string> {
  code: Code;
  message: string;
  text: string;
}

type BalanceReplyResult =
  | { ok: true; value: BalanceReading }
  | { ok: false; error: CarrierReplyError<BalanceReplyErrorCode> };

function unitSize(units: Readonly<Record<string, number>>, unit: string): number | null {
  if (Object.hasOwn(units, unit)) return units[unit] ?? null;
  const lower = unit.toLowerCase();
  const similar = Object.keys(units).find((name) => name.toLowerCase() === lower);
  return similar === undefined ? null : (units[similar] ?? null);
}

function readBalance(
  spec: BalanceReplyPattern,
  groups: Readonly<Record<string, string | undefined>>,
  text: string,
  timeZone: string,
): BalanceReplyResult {
  const fail = (code: BalanceReplyErrorCode, message: string): BalanceReplyResult => ({
    ok: false,
    error: { code, message, text },
  });
  const quantity = parseQuantity(groups.remaining ?? '');
  const unit = groups.unit?.trim() || spec.defaultUnit;
  const size = unit === undefined ? null : unitSize(spec.units, unit);
  if (quantity === null || size === null) {
    return fail('unreadable_data', `Cannot read "${groups.remaining} ${unit ?? ''}" as data`);
  }
  const remainingMb = Math.round(quantity * size);
  if (!Number.isSafeInteger(remainingMb)) {
    return fail('unreadable_data', `"${groups.remaining}" is out of range`);
  }
  const clock = readWallClock(groups.validUntil ?? '', spec.validUntilFormat, spec.timeIfAbsent);
  if (!clock) {
    return fail(
      'unreadable_date',
      `"${groups.validUntil}" is not a date written ${spec.validUntilFormat}`,
    );
  }
  return {
    ok: true,
    value: { remainingMb, validUntil: wallClockToInstant(clock, timeZone).toISOString() },
  };
}

/**
 * Reads the carrier's SMS answer to a balance query. The carrier writes its local time;
 * `timeZone` (the shop's IANA zone) says which instant that is.
 */
export function parseBalanceReply(
  profile: CarrierProfile,
  replyText: string,
  timeZone: string,
): BalanceReplyResult {
  if (!isTimeZone(timeZone)) {
    throw new CarrierInputError(
      'invalid_time_zone',
      `Unknown time zone ${JSON.stringify(timeZone)}`,
    );
  }
  const text = readable(replyText);
  const unrecognised: BalanceReplyResult = {
    ok: false,
    error: {
      code: 'unrecognised_reply',
      message: `${profile.name}'s reply matches none of its balance patterns`,
      text: replyText,
    },
  };
  if (text === null) return unrecognised;
  const patterns = patternsOf(profile);
  let unreadable: BalanceReplyResult | null = null;
  for (const [index, pattern] of patterns.balanceReplies.entries()) {
    const spec = profile.balanceQuery.replyPatterns[index];
    const match = pattern.exec(text);
    if (!spec || !match) continue;
    const reading = readBalance(spec, match.groups ?? {}, replyText, timeZone);
    if (reading.ok) return reading;
    unreadable ??= reading;
  }
  if (unreadable) return unreadable;
  const refusal = patterns.balanceFailures.findIndex((pattern) => pattern.test(text));
  const failure = profile.balanceQuery.failures[refusal];
  if (failure) {
    return {
      ok: false,
      error: {
        code: failure.reason,
        message:
          failure.reason === 'unknown_number'
            ? `${profile.name} does not know this number`
            : `${profile.name} refused the balance query`,
        text: replyText,
      },
    };
  }
  return unrecognised;
}

/**
 * The customer number a balance reply names, as its pattern captures it in (?<msisdn>…): the
 * first reply or failure pattern that matches and captures one. Null when the reply names none
 * (then only the order of replies can tell which query it answers).
 */
export function balanceReplySubject(profile: CarrierProfile, replyText: string): string | null {
  const text = readable(replyText);
  if (text === null) return null;
  const { balanceReplies, balanceFailures } = patternsOf(profile);
  for (const pattern of [...balanceReplies, ...balanceFailures]) {
    const captured = pattern.exec(text)?.groups?.msisdn?.trim();
    if (captured) return captured;
  }
  return null;
}

/**
 * The card a top-up's final answer names, as the matching pattern captures it in (?<msisdn>…):
 * the success pattern's, or the refusal's that reads the answer. Null when the answer names none
 * (the profile captures no card, or this text does not carry it): then nothing but the order of
 * answers on the line tells whose it is.
 */
export function topUpAnswerSubject(profile: CarrierProfile, finalText: string): string | null {
  const text = readable(finalText);
  if (text === null) return null;
  const { success, failures } = patternsOf(profile);
  for (const pattern of [success, ...failures]) {
    const match = pattern.exec(text);
    if (match) return match.groups?.msisdn?.trim() || null;
  }
  return null;
}

/**
 * The card and reference a carrier's top-up confirmation SMS names, as written in it; null when
 * the profile knows no such SMS, the text is not one, or either is missing.
 */
export function readTopUpConfirmation(
  profile: CarrierProfile,
  smsText: string,
): { msisdn: string; reference: string } | null {
  const text = readable(smsText);
  const pattern = patternsOf(profile).topUpConfirmation;
  const groups = text === null ? undefined : pattern?.exec(text)?.groups;
  const msisdn = groups?.msisdn?.trim();
  const reference = groups?.reference?.trim();
  return msisdn && reference ? { msisdn, reference } : null;
}

type DealerBalanceResult =
  | { ok: true; value: number }
  | { ok: false; error: CarrierReplyError<'unrecognised_reply' | 'unreadable_amount'> };

/** Reads the answer to the dealer-balance USSD into integer minor units of the currency. */
export function parseDealerBalance(profile: CarrierProfile, answer: string): DealerBalanceResult {
  const text = readable(answer);
  const match = text === null ? null : patternsOf(profile).dealerBalance.exec(text);
  if (!match) {
    return {
      ok: false,
      error: {
        code: 'unrecognised_reply',
        message: `${profile.name}'s answer does not match its dealer-balance pattern`,
        text: answer,
      },
    };
  }
  const written = match.groups?.balance ?? '';
  const amount = parseAmount(written, minorDigitsOf(profile));
  if (amount === null) {
    return {
      ok: false,
      error: {
        code: 'unreadable_amount',
        message: `"${written}" is not an amount in ${profile.currency}`,
        text: answer,
      },
    };
  }
  return { ok: true, value: amount };
}
