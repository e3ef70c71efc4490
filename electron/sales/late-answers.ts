/**
 * Top-ups the carrier answers late. A top-up whose USSD answer did not come in time is left
 * `unknown`, and its modem waits for that answer (no other request may go out meanwhile, or it
 * would take the answer for its own). When the answer does come within that wait, it is this
 * sale's and no other's: the carrier's profile reads it as it reads an answer in time, and the
 * sale moves, with its corrected receipt, in one commit. An answer that settles nothing (a menu,
 * a text no pattern reads, a sale a manager resolved meanwhile) leaves the sale to verification.
 *
 * An answer that names its card (the profile's patterns capture (?<msisdn>…)) is that card's
 * only: one that came after its wait, refused by the top-up then waiting on the modem, or one
 * naming another card than the awaited sale's, settles the one unknown sale of that card sent
 * on that modem, or, when there is none or several, is logged and dropped.
 */
import type { CarrierProfile } from '../../shared/carrier';
import type { Sale } from '../../shared/sale';
import type { Actor } from '../../shared/user';
import type { UssdAnswer } from '../gsm/ussd';
import { cardNamedBy, mayAnswerFor } from './answer-owner';
import { type InSameCommit, type Journal, JournalError } from './journal';
import { settlementOf } from './renewal';

interface LateAnswerDeps {
  journal: Journal;
  carrierOf(carrierId: string): CarrierProfile | null;
  /** The corrected receipt, issued in the settlement's own commit. */
  receiptWithOutcome: InSameCommit;
  /** A sale just settled (for the screens). */
  onSettled(sale: Sale): void;
  now(): Date;
  /** An answer naming a card that is not one unknown sale's of its modem, dropped. */
  log?: { warn(message: string): void };
}

/** The timed-out top-up a modem waits to hear about. */
interface Awaited {
  saleId: number;
  until: number;
}

/** A late answer that came before its sale was written `unknown` (during the cancel). */
interface Unclaimed {
  answer: UssdAnswer;
  at: number;
}

export function createLateAnswers(deps: LateAnswerDeps) {
  const awaited = new Map<string, Awaited>();
  const unclaimed = new Map<string, Unclaimed>();

  /** Only a final answer is the carrier's word on the top-up; a menu asks for more. */
  const isFinal = (answer: UssdAnswer) => answer.status === 'done' || answer.status === 'ended';

  /**
   * The unknown sales sent on `modemId` before `at` whose card the answer names, or null when
   * it names none that their carriers read (then only the order of answers says whose it is).
   */
  function ownersNamed(modemId: string, answer: UssdAnswer, at: number): Sale[] | null {
    let named = false;
    const owners = deps.journal.list({ status: 'unknown' }).filter((sale) => {
      const carrier = deps.carrierOf(sale.carrierId);
      const card = carrier && cardNamedBy(carrier, answer.text);
      if (sale.modemId !== modemId || !card) return false;
      named = true;
      return card === sale.msisdn && Date.parse(sale.createdAt) <= at;
    });
    return named ? owners : null;
  }

  /** An answer naming its card settles that card's one unknown sale on the modem, if just one. */
  function settleNamed(modemId: string, answer: UssdAnswer, at: number): Sale | null {
    if (!isFinal(answer)) return null;
    const owners = ownersNamed(modemId, answer, at);
    const [only, ...others] = owners ?? [];
    if (only && others.length === 0) return settle(only.id, modemId, answer, at);
    const whose =
      owners && owners.length > 1
        ? `the card of ${owners.length} unknown sales there`
        : 'no card of an unknown sale there';
    deps.log?.warn(
      `A late USSD answer on ${modemId} was dropped: it names ${whose}: ${answer.text}`,
    );
    return null;
  }

  function settle(saleId: number, modemId: string, answer: UssdAnswer, at: number): Sale | null {
    if (!isFinal(answer)) return null;
    const sale = deps.journal.get(saleId);
    const carrier = deps.carrierOf(sale.carrierId);
    if (!carrier) return null;
    if (!mayAnswerFor(carrier, answer.text, sale.msisdn)) return settleNamed(modemId, answer, at);
    if (sale.status !== 'unknown') return null;
    const transcript = `late USSD answer on ${modemId} (${new Date(at).toISOString()}): +CUSD: ${answer.m ?? ''},"${answer.text}"`;
    const settlement = settlementOf(carrier, answer.text, transcript);
    if (settlement.status === 'unknown') return null;
    const modem: Actor = { kind: 'modem', modemId };
    try {
      const settled = deps.journal.settleUnknown(
        saleId,
        settlement,
        'confirmed by the carrier’s late answer',
        modem,
        deps.receiptWithOutcome,
      );
      deps.onSettled(settled);
      return settled;
    } catch (error) {
      // A manager resolved it meanwhile: their word stands.
      if (error instanceof JournalError && error.code === 'wrong_status') return null;
      throw error;
    }
  }

  return {
    /**
     * A top-up just left `unknown` on `modemId`, whose answer may still come for `waitMs`. An
     * answer that already came on that modem since the sale was sent is settled at once.
     */
    awaitAnswer(sale: Sale, modemId: string, sentAt: string, waitMs: number): Sale | null {
      const early = unclaimed.get(modemId);
      unclaimed.delete(modemId);
      awaited.delete(modemId);
      if (early && early.at >= Date.parse(sentAt)) {
        return settle(sale.id, modemId, early.answer, early.at);
      }
      if (waitMs > 0)
        awaited.set(modemId, { saleId: sale.id, until: deps.now().getTime() + waitMs });
      return null;
    },

    /**
     * A late answer a modem received within its wait, or one a later top-up on the modem refused
     * as not its own: settles the sale it answers, if any.
     */
    consider(modemId: string, answer: UssdAnswer): Sale | null {
      const at = deps.now().getTime();
      const expected = awaited.get(modemId);
      awaited.delete(modemId);
      if (expected && at <= expected.until) return settle(expected.saleId, modemId, answer, at);
      // No sale awaits it now: only the card it names can say whose it is.
      const owners = isFinal(answer) ? ownersNamed(modemId, answer, at) : null;
      if (owners !== null && (owners.length > 0 || expected)) {
        return settleNamed(modemId, answer, at);
      }
      // The sale it answers may still be being cancelled, not yet unknown: kept for it.
      if (!expected) unclaimed.set(modemId, { answer, at });
      return null;
    },
  };
}

export type LateAnswers = ReturnType<typeof createLateAnswers>;
