import type { TopUpFailureReason } from '../../shared/carrier';
import type { Sale } from '../../shared/sale';
import { type SaleCause, type SaleCauseCode, saleCauseCodes } from '../../shared/sale-cause';
import { type Actor, parseActor, systemActor } from '../../shared/user';

/**
 * How the journal writes why a sale failed or is unknown: the cause's code, then after `: ` a
 * detail. For the codes below the detail is what the carrier said (or the manager wrote), shown
 * to the clerk as it is; for the others it is a note for whoever reads the journal.
 */
const spokenDetail: ReadonlySet<SaleCauseCode> = new Set([
  'unknown_number',
  'plan_not_allowed',
  'dealer_float_low',
  'daily_cap_reached',
  'wrong_dealer_pin',
  'carrier_refused',
  'carrier_unexpected',
  'settled_by_hand',
]);

/** A reason as the journal writes it: `code` or `code: detail`, read back by causeOfReason. */
export function causeReason(code: SaleCauseCode, detail?: string | null): string {
  const said = detail?.trim();
  return said ? `${code}: ${said}` : code;
}

/** The detail of no_modem_free: when a modem of the carrier is expected free. */
const freeIn = (seconds: number) => `free in ${seconds} s`;
const freeInPattern = /^free in (\d+) s$/;

/** no_modem_free, with in how many seconds a modem may be free when the bank can tell. */
export function noModemFreeReason(retryAfterSeconds: number | null): string {
  return causeReason(
    'no_modem_free',
    retryAfterSeconds === null ? null : freeIn(retryAfterSeconds),
  );
}

/** A carrier's refusal (its profile's failure patterns) as the cause the clerk is told. */
export const causeOfCarrierRefusal: Record<TopUpFailureReason, SaleCauseCode> = {
  insufficient_dealer_balance: 'dealer_float_low',
  unknown_number: 'unknown_number',
  wrong_pin: 'wrong_dealer_pin',
  unknown_plan: 'plan_not_allowed',
  refused: 'carrier_refused',
};

/**
 * In how many seconds the first of a carrier's modems waiting for a late answer is free again
 * (the bank's `waitingUntil`), at `now`; null when none of them is waiting.
 */
export function secondsUntilFree(
  modems: readonly { carrierId: string | null; state: string; waitingUntil: string | null }[],
  carrierId: string,
  now: Date,
): number | null {
  const until = modems
    .filter((modem) => modem.carrierId === carrierId && modem.state === 'waiting')
    .map((modem) => (modem.waitingUntil ? Date.parse(modem.waitingUntil) : Number.NaN))
    .filter((at) => Number.isFinite(at));
  if (until.length === 0) return null;
  return Math.max(0, Math.ceil((Math.min(...until) - now.getTime()) / 1000));
}

const cause = (
  code: SaleCauseCode,
  carrierText: string | null = null,
  retryAfterSeconds: number | null = null,
): SaleCause => ({ code, carrierText, retryAfterSeconds });

const codes: ReadonlySet<string> = new Set(saleCauseCodes);

/** A reason written as `code` or `code: detail` (causeReason); null for any other text. */
function codedCause(reason: string): SaleCause | null {
  const colon = reason.indexOf(': ');
  const code = colon < 0 ? reason : reason.slice(0, colon);
  if (!codes.has(code)) return null;
  const known = code as SaleCauseCode;
  const detail = colon < 0 ? null : reason.slice(colon + 2);
  if (known === 'no_modem_free') {
    const seconds = detail?.match(freeInPattern)?.[1];
    return cause(known, null, seconds === undefined ? null : Number(seconds));
  }
  return cause(known, spokenDetail.has(known) ? detail : null);
}

/** A carrier's own text after a prefix the journal once wrote, or null when it said nothing. */
const textAfter = (reason: string, prefix: string) => reason.slice(prefix.length).trim() || null;

/**
 * The reasons journals wrote before they wrote codes, read as what they meant: the carrier's
 * refusals by their pattern's name, and the renewal's own messages by how they begin.
 */
function earlierCause(reason: string, status: 'failed' | 'unknown'): SaleCause {
  if (reason in causeOfCarrierRefusal) {
    return cause(causeOfCarrierRefusal[reason as TopUpFailureReason]);
  }
  if (reason === 'no_modem_float') return cause('dealer_float_low');
  if (reason === 'no_modem_cap') return cause('daily_cap_reached');
  if (reason === 'no_modem_available') return cause('no_modem_free');
  if (reason.startsWith('carrier_ended_the_menu')) {
    const said = textAfter(reason, 'carrier_ended_the_menu:');
    return said === null ? cause('not_sent') : cause('carrier_refused', said);
  }
  if (reason.startsWith('unrecognised answer:')) {
    return cause('carrier_unexpected', textAfter(reason, 'unrecognised answer:'));
  }
  if (reason === 'no definite answer (timeout)') return cause('carrier_timeout');
  if (reason.startsWith('no definite answer')) return cause('carrier_unexpected');
  if (
    reason.startsWith('no_answer') ||
    reason.startsWith('stopped before the top-up was sent') ||
    reason.startsWith('cannot build the top-up') ||
    reason.startsWith('the app stopped before a modem took the top-up')
  ) {
    return cause('not_sent');
  }
  if (reason.startsWith('interrupted while sending')) return cause('modem_lost');
  // Any other text of a top-up left unknown was the error that broke its line once sent; a
  // failure said nothing the clerk can use beyond a refusal.
  return cause(status === 'unknown' ? 'modem_lost' : 'carrier_refused');
}

/**
 * Why a sale moved to failed or unknown, from that move's reason and who made it: a person's
 * move is a manager settling it by hand, whatever they wrote.
 */
export function causeOfMove(
  move: { reason: string | null; actor: Actor },
  status: 'failed' | 'unknown',
): SaleCause {
  const coded = move.reason === null ? null : codedCause(move.reason);
  if (move.actor.kind === 'user') {
    const written = coded?.code === 'settled_by_hand' ? coded.carrierText : move.reason;
    return cause('settled_by_hand', written?.trim() || null);
  }
  if (coded) return coded;
  return move.reason === null
    ? cause(status === 'unknown' ? 'modem_lost' : 'not_sent')
    : earlierCause(move.reason, status);
}

/**
 * Why a sale is failed or unknown: its last move into that status (`moveInto`, read only for
 * such a sale: a list of sales reads only the moves of its failed and unknown ones). Null for
 * any other sale, or one whose journal has no such move, which no version writes.
 */
export function causeOfSale(
  sale: Pick<Sale, 'status'>,
  moveInto: (status: 'failed' | 'unknown') => { reason: string | null; actor: Actor } | null,
): SaleCause | null {
  const { status } = sale;
  if (status !== 'failed' && status !== 'unknown') return null;
  const last = moveInto(status);
  return last ? causeOfMove(last, status) : null;
}

/**
 * A refund with why its sale failed, from its reason and the actor of the sale's move to failed
 * (as stored; none or unreadable is read as the app's own move).
 */
export function refundWithCause<Refund extends { reason: string; actor: string | null }>({
  actor,
  ...refund
}: Refund): Omit<Refund, 'actor'> & { cause: SaleCause } {
  const mover = (actor === null ? null : parseActor(actor)) ?? systemActor;
  return { ...refund, cause: causeOfMove({ reason: refund.reason, actor: mover }, 'failed') };
}
