import type { CarrierProfile } from '../../shared/carrier';
import type { Language } from '../../shared/languages';
import { hasOutcome, type Payment, type Sale } from '../../shared/sale';
import { type Actor, systemActor, type User, userActor } from '../../shared/user';
import type { ModemBank, ModemLease } from '../bank/modem-bank';
import type { RoutingNeed, RoutingRefusal } from '../bank/routing';
import { classifyTopUpAnswer, renderTopUpSteps } from '../carriers';
import { AtNotSentError } from '../gsm/channel';
import { UssdBusyError, UssdInputError, type UssdStep } from '../gsm/ussd';
import { mayAnswerFor } from './answer-owner';
import { settledWithin } from './in-flight';
import type { InSameCommit, Journal, Settlement } from './journal';
import {
  causeOfCarrierRefusal,
  causeReason,
  noModemFreeReason,
  secondsUntilFree,
} from './sale-causes';

interface RenewalRequest {
  msisdn: string;
  planId: string;
  payment: Payment;
  idempotencyKey: string;
  receiptLanguage?: Language | undefined;
  /** The till selling it (a paired counter's id); null or left out: the hub's own. */
  tillId?: string | null;
}

interface RenewalDeps {
  journal: Journal;
  bank: ModemBank;
  carrierOf(planId: string): CarrierProfile | null;
  /** The dealer PIN of a modem's SIM: a secret kept apart from the settings. */
  dealerPin(modemId: string): string | undefined;
  /** Every status the sale passes through, for the counter screen. */
  onProgress?(sale: Sale): void;
  /** Runs inside the commit of the sale's outcome (its receipt), before onProgress hears of it. */
  onOutcome?: InSameCommit;
  /**
   * How long a renewal waits for a free modem of its carrier (by default the carrier's top-up
   * timeout: a modem waiting for a late answer may free up meanwhile).
   */
  modemWaitMs?: number;
  /**
   * A top-up left `unknown` on a modem that may still receive its answer for `waitMs` (0: not
   * any more), sent at `sentAt`: the late answer, if it comes, is this sale's. Returns the sale
   * settled at once when that answer came already (while the request was being cancelled).
   */
  awaitLateAnswer?(sale: Sale, modemId: string, sentAt: string, waitMs: number): Sale | null;
  /** The clock that bounds moving a top-up on to another modem (tests set it). */
  now?: () => Date;
}

/**
 * How many modems one top-up is tried on: a modem that vanished or hung before the step that
 * commits it was written leaves it certainly not sent, and another modem of the carrier takes it.
 */
const TOP_UP_ATTEMPTS = 3;

export class RenewalError extends Error {
  constructor(
    readonly code: 'unknown_plan' | 'idempotency_key_reused' | 'in_progress' | 'no_modem',
    message: string,
    /** For `in_progress`: in how many seconds a retry may find the outcome. */
    readonly retryAfterSeconds?: number,
    /** For `no_modem`: why no dealer SIM of the carrier can send it (float, daily cap). */
    readonly reason?: RoutingRefusal,
  ) {
    super(message);
    this.name = 'RenewalError';
  }
}

type Attempt = { settlement: Settlement } | { notSent: string };

/** The carrier's reading of the final answer, as a settlement of the sale. */
export function settlementOf(
  carrier: CarrierProfile,
  text: string,
  transcript: string,
): Settlement {
  const outcome = classifyTopUpAnswer(carrier, text);
  if (outcome.kind === 'succeeded') {
    return {
      status: 'succeeded',
      reference: outcome.reference,
      dealerBalance: outcome.dealerBalance ?? null,
      transcript,
    };
  }
  if (outcome.kind === 'failed') {
    const reason = causeReason(causeOfCarrierRefusal[outcome.reason], text);
    return { status: 'failed', reason, transcript };
  }
  return { status: 'unknown', reason: causeReason('carrier_unexpected', text), transcript };
}

/**
 * A dialogue the carrier ended before the step that commits the top-up: its refusal when the
 * profile recognises one (a number refused at once), else its words as they are; nothing was
 * sent, another modem may take it. Words that say the top-up is done are not a refusal: it may
 * have been, so the sale waits for verification and is never sent again.
 */
function endedEarly(carrier: CarrierProfile, text: string, transcript: string): Attempt {
  const outcome = classifyTopUpAnswer(carrier, text);
  if (outcome.kind === 'succeeded') {
    const reason = causeReason('carrier_unexpected', text);
    return { settlement: { status: 'unknown', reason, transcript } };
  }
  const code =
    outcome.kind === 'failed' ? causeOfCarrierRefusal[outcome.reason] : 'carrier_refused';
  return { notSent: causeReason(code, text) };
}

/** Errors that say the step's request never reached the modem, so the network cannot have it. */
function neverWritten(error: unknown): boolean {
  return (
    error instanceof UssdBusyError ||
    error instanceof UssdInputError ||
    error instanceof AtNotSentError
  );
}

/**
 * Runs the carrier's USSD script on the lent modem. Only the last step commits the top-up:
 * anything that stops the dialogue before it is written is a definite failure (nothing was
 * sent); anything uncertain once it was written is `unknown`, for verification, never retried.
 */
async function runScript(
  carrier: CarrierProfile,
  lease: ModemLease,
  steps: readonly string[],
  masked: readonly string[],
  card: string,
): Promise<Attempt> {
  const timeoutMs = carrier.topUp.timeoutMs;
  // An answer naming another card is an earlier top-up's, come late: this one waits for its own.
  const accepts = (answer: { text: string }) => mayAnswerFor(carrier, answer.text, card);
  let committed = false;
  try {
    let step: UssdStep | null = null;
    for (const [index, text] of steps.entries()) {
      if (index > 0 && step?.status !== 'menu') {
        if (lease.ussd.active) await lease.ussd.cancel();
        // No answer, or the modem refusing the step (no network): nothing from the carrier.
        const silent = step?.status === 'timeout' || step?.status === 'error' || !step?.text;
        if (silent) {
          return {
            notSent: causeReason('not_sent', `no answer to step ${index} (${step?.status})`),
          };
        }
        return endedEarly(carrier, step?.text ?? '', lease.transcript());
      }
      committed = index === steps.length - 1;
      // A step that differs from its masked copy carries the PIN, the code dialled included.
      const secret = text !== masked[index];
      step =
        index === 0
          ? await lease.ussd.start(text, timeoutMs, { secret, accepts })
          : await lease.ussd.reply(text, timeoutMs, { secret, accepts });
    }
    if (!step) throw new Error('A top-up script has at least one step');
    if (step.status === 'timeout' || step.status === 'menu' || step.status === 'error') {
      if (lease.ussd.active) await lease.ussd.cancel();
      // A menu or an error where the top-up's answer was due is the carrier saying something else.
      const reason =
        step.status === 'timeout'
          ? causeReason('carrier_timeout', 'no definite answer (timeout)')
          : causeReason('carrier_unexpected', step.text);
      return { settlement: { status: 'unknown', reason, transcript: lease.transcript() } };
    }
    return { settlement: settlementOf(carrier, step.text, lease.transcript()) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!committed || neverWritten(error)) {
      return { notSent: causeReason('not_sent', `stopped before the top-up was sent: ${message}`) };
    }
    const reason = causeReason('modem_lost', message);
    return { settlement: { status: 'unknown', reason, transcript: lease.transcript() } };
  }
}

/**
 * The customer number as the carrier's rules write it, or null if they refuse it. A plan taken
 * out of the profiles since the sale leaves no rules: the digits typed must then end the number.
 */
function customerNumberOf(carrier: CarrierProfile | null, request: RenewalRequest, sale: Sale) {
  if (!carrier) {
    const typed = request.msisdn.replace(/\D/g, '');
    return typed !== '' && sale.msisdn.replace(/\D/g, '').endsWith(typed) ? sale.msisdn : null;
  }
  try {
    return renderTopUpSteps(carrier, { msisdn: request.msisdn, plan: request.planId, pin: '0000' })
      .customer.e164;
  } catch {
    return null;
  }
}

/**
 * The sale already made under a request's key, when the request asks for that same sale (a
 * retry); a key reused for another card, plan or payment is refused, as payment APIs do, rather
 * than answered with a sale the clerk did not ask for.
 */
function sameRenewalOrRefused(
  sale: Sale,
  request: RenewalRequest,
  carrier: CarrierProfile | null,
): Sale {
  const { payment } = request;
  const same =
    sale.planId === request.planId &&
    customerNumberOf(carrier, request, sale) === sale.msisdn &&
    sale.payment.method === payment.method &&
    (payment.method !== 'cash' || sale.payment.tendered === (payment.tendered ?? null)) &&
    (sale.payment.reference ?? '') === (payment.reference ?? '');
  if (!same) {
    throw new RenewalError(
      'idempotency_key_reused',
      `The key ${request.idempotencyKey} was used for sale ${sale.id}, with another card, plan or payment`,
    );
  }
  return sale;
}

export function createRenewals(deps: RenewalDeps) {
  const progress = (sale: Sale) => {
    deps.onProgress?.(sale);
    return sale;
  };
  /** The sales this process is selling now, by key: what a retry of one of them waits for. */
  const selling = new Map<string, Promise<Sale>>();

  /**
   * A retry's answer: the first call's outcome. While its top-up is still running, the retry
   * waits for it up to the carrier's top-up timeout, then is told to come back (in_progress)
   * rather than answered with a sale that has no outcome yet.
   */
  async function outcomeForRetry(
    known: Sale,
    request: RenewalRequest,
    carrier: CarrierProfile | null,
  ): Promise<Sale> {
    const sale = sameRenewalOrRefused(known, request, carrier);
    if (hasOutcome(sale.status)) return sale;
    const timeoutMs = (carrier ?? deps.carrierOf(sale.planId))?.topUp.timeoutMs ?? 30_000;
    const first = selling.get(sale.idempotencyKey);
    if (first) await settledWithin(first, timeoutMs);
    const now = deps.journal.get(sale.id);
    if (hasOutcome(now.status)) return now;
    throw new RenewalError(
      'in_progress',
      `Sale ${sale.id} under the key ${request.idempotencyKey} is still being sold: ask again later`,
      Math.ceil(timeoutMs / 1000),
    );
  }

  return {
    /**
     * Sells a renewal: validates, writes the paid sale (idempotent), then tops up through an
     * idle modem of the plan's carrier. Resolves once the sale is succeeded, failed or unknown;
     * a retry with the same key resolves with that same outcome (outcomeForRetry).
     */
    async renew(request: RenewalRequest, clerk: User): Promise<Sale> {
      const known = deps.journal.findByKey(request.idempotencyKey);
      if (known) return outcomeForRetry(known, request, deps.carrierOf(request.planId));
      const carrier = deps.carrierOf(request.planId);
      if (!carrier) throw new RenewalError('unknown_plan', `No plan ${request.planId}`);
      // Everything that can be refused is refused here, before a sale or a byte exists.
      const preview = renderTopUpSteps(carrier, {
        msisdn: request.msisdn,
        plan: request.planId,
        pin: '0000',
      });
      const need = { dealerCost: preview.plan.dealerCost, price: preview.plan.price };
      const refusal = deps.bank.refusal(carrier.id, need);
      if (refusal) {
        throw new RenewalError(
          'no_modem',
          refusal === 'float'
            ? `No dealer SIM of ${carrier.name} has float enough for ${preview.plan.name}`
            : `Every dealer SIM of ${carrier.name} has reached its daily cap`,
          undefined,
          refusal,
        );
      }
      const actor = userActor(clerk);
      const { sale, created } = deps.journal.openPaidSale(
        {
          idempotencyKey: request.idempotencyKey,
          msisdn: preview.customer.e164,
          carrierId: carrier.id,
          plan: {
            id: preview.plan.id,
            name: preview.plan.name,
            dataMb: preview.plan.dataMb,
            validityDays: preview.plan.validityDays,
            price: preview.plan.price,
            dealerCost: preview.plan.dealerCost,
            taxRate: preview.plan.taxRate,
          },
          currency: carrier.currency,
          payment: request.payment,
          clerkId: clerk.id,
          ...(request.receiptLanguage ? { receiptLanguage: request.receiptLanguage } : {}),
          tillId: request.tillId ?? null,
        },
        actor,
      );
      if (!created) return outcomeForRetry(sale, request, carrier);
      const sold = topUp(sale, carrier, request, actor, need);
      selling.set(request.idempotencyKey, sold);
      try {
        return await sold;
      } finally {
        selling.delete(request.idempotencyKey);
      }
    },
  };

  /** The top-up's USSD steps as a modem's dealer SIM sends them (with its own PIN). */
  function stepsFor(carrier: CarrierProfile, request: RenewalRequest, modemId: string) {
    return renderTopUpSteps(carrier, {
      msisdn: request.msisdn,
      plan: request.planId,
      pin: deps.dealerPin(modemId),
    });
  }

  /** Tops up a paid sale through an idle modem of its carrier, to its outcome. */
  async function topUp(
    sale: Sale,
    carrier: CarrierProfile,
    request: RenewalRequest,
    actor: Actor,
    need: RoutingNeed,
  ): Promise<Sale> {
    progress(sale);

    const waitMs = deps.modemWaitMs ?? carrier.topUp.timeoutMs;
    const lease = await deps.bank.acquire(carrier.id, waitMs, need);
    if (!lease) {
      // A float or cap reached while the sale waited says so; otherwise none freed up in time.
      const refusal = deps.bank.refusal(carrier.id, need);
      const now = deps.now ?? (() => new Date());
      const reason =
        refusal === 'float'
          ? causeReason('dealer_float_low')
          : refusal === 'cap'
            ? causeReason('daily_cap_reached')
            : noModemFreeReason(secondsUntilFree(deps.bank.statuses(), carrier.id, now()));
      return progress(
        deps.journal.abandonBeforeSending(sale.id, reason, systemActor, deps.onOutcome),
      );
    }
    try {
      stepsFor(carrier, request, lease.id);
    } catch (error) {
      lease.release();
      const why = `cannot build the top-up for ${lease.id}: ${(error as Error).message}`;
      const reason = causeReason('not_sent', why);
      return progress(
        deps.journal.abandonBeforeSending(sale.id, reason, systemActor, deps.onOutcome),
      );
    }
    let sending: Sale;
    try {
      sending = progress(deps.journal.markSending(sale.id, lease.id, actor));
    } catch (error) {
      lease.release();
      throw error;
    }
    return sendThrough(sending, lease, carrier, request, need, waitMs);
  }

  /**
   * Sends a sale's top-up through `first`; while an attempt is certainly not sent (nothing that
   * commits it reached the network), through another modem of the carrier, never one already
   * tried: at most TOP_UP_ATTEMPTS modems, none taken once the carrier's top-up timeout has
   * passed since the first one failed (a hung modem is only known once a step timed out). An
   * attempt that may have reached the network is settled as it ended, never sent again. Each
   * modem left is an event of the sale, with why and its line.
   */
  async function sendThrough(
    sending: Sale,
    first: ModemLease,
    carrier: CarrierProfile,
    request: RenewalRequest,
    need: RoutingNeed,
    waitMs: number,
  ): Promise<Sale> {
    const now = deps.now ?? (() => new Date());
    let deadline: number | null = null;
    const tried = new Set<string>();
    let lease = first;
    let sentAt = sending.updatedAt;
    for (;;) {
      tried.add(lease.id);
      const modem: Actor = { kind: 'modem', modemId: lease.id };
      let left: { reason: string; transcript: string };
      try {
        const attempt = await attemptOn(lease, carrier, request, sending.msisdn);
        if ('settlement' in attempt) {
          const settled = progress(
            deps.journal.settle(sending.id, attempt.settlement, modem, deps.onOutcome),
          );
          if (settled.status !== 'unknown') return settled;
          const lateMs = lease.ussd.lateAnswerWaitMs();
          return deps.awaitLateAnswer?.(settled, lease.id, sentAt, lateMs) ?? settled;
        }
        left = { reason: attempt.notSent, transcript: lease.transcript() };
      } finally {
        lease.release();
      }
      deadline ??= now().getTime() + carrier.topUp.timeoutMs;
      const budgetMs = deadline - now().getTime();
      const next =
        tried.size < TOP_UP_ATTEMPTS && budgetMs > 0
          ? await deps.bank.acquire(carrier.id, Math.min(waitMs, budgetMs), need, tried)
          : null;
      if (!next) {
        const failed = { status: 'failed' as const, ...left };
        return progress(deps.journal.settle(sending.id, failed, modem, deps.onOutcome));
      }
      const reason = `not sent through ${lease.id} (${left.reason}): sending through ${next.id}`;
      try {
        const moved = deps.journal.sendThroughAnother(
          sending.id,
          next.id,
          { reason, transcript: left.transcript },
          modem,
        );
        sentAt = progress(moved).updatedAt;
      } catch (error) {
        next.release();
        throw error;
      }
      lease = next;
    }
  }

  /** One attempt of the top-up on one lent modem. */
  function attemptOn(
    lease: ModemLease,
    carrier: CarrierProfile,
    request: RenewalRequest,
    card: string,
  ): Promise<Attempt> {
    let rendered: ReturnType<typeof renderTopUpSteps>;
    try {
      rendered = stepsFor(carrier, request, lease.id);
    } catch (error) {
      const why = `cannot build the top-up for ${lease.id}: ${(error as Error).message}`;
      return Promise.resolve({ notSent: causeReason('not_sent', why) });
    }
    return runScript(carrier, lease, rendered.steps, rendered.masked, card);
  }
}

export type Renewals = ReturnType<typeof createRenewals>;
