import type { Database } from 'better-sqlite3';
import type { ProcedureOutput } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { CarrierProfile } from '../../shared/carrier';
import type { Till } from '../../shared/counters';
import type { CurrencyCode } from '../../shared/currencies';
import { type PaymentInput, type Sale, type SaleView, saleView } from '../../shared/sale';
import { userActor } from '../../shared/user';
import { type Handlers, signedInUser } from '../api/dispatcher';
import type { EventBus } from '../api/event-bus';
import { amountInShopCurrency } from '../api/money-inputs';
import { refusingWith } from '../api/refusals';
import type { Permit } from '../auth/permissions';
import type { ModemBank } from '../bank/modem-bank';
import type { SmsInboxes } from '../bank/sms-inboxes';
import { CarrierInputError } from '../carriers';
import type { CarrierBook } from '../carriers/book';
import type { Tills } from '../counters/tills';
import type { Logger } from '../log';
import { renderReceiptHtml } from '../printing/html';
import { receiptLines } from '../printing/layout';
import { receiptTranslations } from '../printing/translations';
import type { ShopProfileStore } from '../store/shop-profile';
import type { UserStore } from '../store/users';
import { createTopUpConfirmations } from './confirmations';
import { createInFlight } from './in-flight';
import {
  createJournal,
  type InSameCommit,
  type Journal,
  JournalError,
  NumberBusyError,
} from './journal';
import { createLateAnswers } from './late-answers';
import { createReceipting, type TillOfSale } from './receipting';
import { type ReceiptBook, receiptBooks } from './receipts';
import { recoverInterruptedSales } from './recovery';
import { createRenewals, RenewalError, type Renewals } from './renewal';
import { causeOfSale } from './sale-causes';

/** A sale as the interface sees it, with its receipt's number and why it failed or is unknown. */
function saleViewer(tillOf: (sale: Sale) => TillOfSale, hub: () => Till, journal: Journal) {
  return (sale: Sale) => {
    const till = tillOf(sale);
    return saleView(
      sale,
      till.receipts.numberOfSale(sale.id),
      causeOfSale(sale, (status) => journal.lastMoveInto(sale.id, status)),
      till.counter ?? { id: hub().id, name: hub().name },
    );
  };
}

/**
 * The journal's and carriers' refusals, as the contract's errors (field issues for input); a
 * number held at a till is named by that till's name.
 */
function asApiError(error: unknown, tillName: (tillId: string | null) => string): unknown {
  if (error instanceof NumberBusyError) {
    const till = tillName(error.tillId);
    const message =
      error.status === 'unknown'
        ? `A top-up for this number sent at ${till} has no outcome yet: it is held until it is verified`
        : `A top-up for this number is being sent at ${till}`;
    return new ApiError('number_busy', message, undefined, {
      till,
      ...(error.status === 'unknown' ? { status: 'unknown' } : {}),
    });
  }
  if (error instanceof CarrierInputError) {
    const path = error.code === 'unknown_plan' ? 'planId' : 'msisdn';
    return new ApiError('invalid_input', error.message, [
      { path, code: error.code, message: error.message },
    ]);
  }
  if (error instanceof RenewalError) {
    if (error.code === 'idempotency_key_reused') {
      return new ApiError('idempotency_key_reused', error.message);
    }
    if (error.code === 'in_progress') {
      return new ApiError('in_progress', error.message, undefined, {
        retryAfter: error.retryAfterSeconds ?? 1,
      });
    }
    if (error.code === 'no_modem') {
      return new ApiError('no_modem', error.message, undefined, {
        ...(error.reason ? { reason: error.reason } : {}),
      });
    }
    return new ApiError('invalid_input', error.message, [
      { path: 'planId', code: error.code, message: error.message },
    ]);
  }
  if (error instanceof JournalError) {
    if (error.code === 'not_found') return new ApiError('not_found', error.message);
    if (error.code === 'wrong_status') return new ApiError('conflict', error.message);
    return new ApiError('invalid_input', error.message, [
      { path: 'payment.tendered', code: error.code, message: error.message },
    ]);
  }
  return error;
}

/**
 * The payment as the journal records it: the cash tendered in minor units of the shop's currency.
 * Only cash carries an amount, so only cash asks for the shop's currency (its profile).
 */
function paymentInShopCurrency(
  { tendered, ...payment }: PaymentInput,
  shopCurrency: () => CurrencyCode,
) {
  return tendered === undefined
    ? payment
    : { ...payment, tendered: amountInShopCurrency(tendered, shopCurrency(), 'payment.tendered') };
}

/** What the counter sells: each carrier's plans and prices, and how its numbers are read. */
export function catalogOf(carriers: readonly CarrierProfile[]): ProcedureOutput<'catalog.list'> {
  return {
    carriers: carriers.map((carrier) => ({
      id: carrier.id,
      name: carrier.name,
      currency: carrier.currency,
      numberRegion: carrier.numberRegion,
      msisdnFormat: carrier.msisdnFormat,
      numberValidation: carrier.numberValidation,
      plans: carrier.plans.map((plan) => ({
        id: plan.id,
        name: plan.name,
        dataMb: plan.dataMb,
        validityDays: plan.validityDays,
        price: { amount: plan.price, currency: carrier.currency },
      })),
    })),
  };
}

/**
 * The renewal journal and what moves it: renewals at the counter, the carrier's confirmations by
 * SMS (heard from the first message on: one that came while the app was off counts) and by a
 * top-up's late USSD answer, receipts with every outcome, and the sales procedures. Each move is
 * announced as `sales.progress`.
 */
export function createSales(deps: {
  db: Database;
  deviceId: string;
  now: () => Date;
  log: Logger;
  events: EventBus;
  shop: ShopProfileStore;
  users: UserStore;
  carriers: CarrierBook;
  bank: ModemBank;
  inboxes: SmsInboxes;
  dealerPin(modemId: string): string | undefined;
  permit: Permit;
  tills: Tills;
}) {
  const { db, now, carriers } = deps;
  const journal = createJournal(db, now);
  const books = receiptBooks(db, now, (tillId) =>
    deps.tills.list().some((till) => till.id === tillId),
  );
  const receipts = books(deps.deviceId);
  const tillName = (tillId: string | null) =>
    tillId === null
      ? deps.tills.hub().name
      : (deps.tills.list().find((till) => till.id === tillId)?.name ?? tillId);
  // A sale's receipts are issued in its till's book (NULL: the hub's, the database's device id).
  const tillOf = (sale: Sale): TillOfSale => {
    const tillId = journal.tillOf(sale.id);
    return tillId === null
      ? { receipts }
      : { receipts: books(tillId), counter: { id: tillId, name: tillName(tillId) } };
  };
  const receipting = createReceipting({
    tillOf,
    shop: deps.shop.get,
    nameOf: deps.users.nameOf,
    carrierOf: carriers.find,
    receiptLanguageOf: journal.receiptLanguage,
    log: deps.log,
  });
  const view = saleViewer(tillOf, deps.tills.hub, journal);
  const announce = (sale: Sale) => deps.events.emit('sales.progress', { sale: view(sale) });
  const inFlight = createInFlight();
  const lateAnswers = createLateAnswers({
    journal,
    carrierOf: carriers.find,
    receiptWithOutcome: receipting.withOutcome,
    onSettled: announce,
    now,
    log: deps.log,
  });
  deps.bank.onLateAnswer((modemId, answer) => {
    try {
      lateAnswers.consider(modemId, answer);
    } catch (error) {
      deps.log.error(`A late answer on ${modemId} could not settle its sale`, error);
    }
  });
  const renewing = createRenewals({
    journal,
    bank: deps.bank,
    carrierOf: carriers.ofPlan,
    dealerPin: deps.dealerPin,
    onOutcome: receipting.withOutcome,
    onProgress: announce,
    awaitLateAnswer: lateAnswers.awaitAnswer,
  });
  const renewals: Renewals = {
    renew: (request, clerk) => inFlight.track(renewing.renew(request, clerk)),
  };
  const confirmations = createTopUpConfirmations({
    journal,
    carrierOf: carriers.find,
    carrierOfModem: (modemId) =>
      deps.bank.statuses().find((modem) => modem.id === modemId)?.carrierId ?? null,
    receiptWithOutcome: receipting.withOutcome,
    onConfirmed: announce,
  });
  deps.inboxes.onSms(confirmations.consider);
  return {
    receipts,
    /** The book of a till's receipts (its id; the hub's is the database's device id). */
    books,
    /** One sale as the journal has it (a receipt's, sent by SMS to its number). */
    saleOf: (id: number) => journal.get(id),
    /** A card's sales, newest first, as the interface sees them. */
    salesOf: (msisdn: string) => journal.list({ msisdn }).map(view),
    /** A sale's moves, oldest first, with the transcripts kept. */
    eventsOf: (id: number) => journal.events(id),
    /**
     * At a stop, before the modems close: lets the top-ups running end, for as long as a
     * carrier's top-up may take (each step's timeout), so each one is final, not `unknown`.
     */
    async settle(): Promise<void> {
      if (inFlight.count === 0) return;
      const longest = Math.max(
        0,
        ...carriers.list().map((carrier) => carrier.topUp.timeoutMs * carrier.topUp.steps.length),
      );
      deps.log.info(`Stopping: waiting up to ${longest} ms for ${inFlight.count} top-up(s) to end`);
      await inFlight.settled(longest);
    },
    /** Once at start, before any modem opens (recoverInterruptedSales). */
    recoverInterrupted: () => recoverInterruptedSales({ journal, receipting, log: deps.log }),
    handlers: salesHandlers({
      journal,
      renewals,
      carriers,
      view,
      shopCurrency: () => {
        const profile = deps.shop.get();
        if (!profile) throw new ApiError('conflict', 'Set the shop profile up first');
        return profile.currency;
      },
      receiptWithOutcome: receipting.withOutcome,
      permit: deps.permit,
      books,
      announce,
      tillName,
    }),
  };
}

type SalesHandlers = Pick<
  Handlers,
  'catalog.list' | 'sales.renew' | 'sales.get' | 'sales.list' | 'sales.resolve' | 'receipts.get'
>;

function salesHandlers(deps: {
  journal: Journal;
  renewals: Renewals;
  carriers: CarrierBook;
  books(tillId: string): ReceiptBook;
  /** A till's name by its id (null: the hub's own). */
  tillName(tillId: string | null): string;
  view(sale: Sale): SaleView;
  shopCurrency(): CurrencyCode;
  permit: Permit;
  /** Issues an outcome's receipt in the outcome's commit (a correction after a resolve). */
  receiptWithOutcome: InSameCommit;
  /** Tells every screen of a sale's move (sales.progress): a resolved sale is pending no more. */
  announce(sale: Sale): void;
}): SalesHandlers {
  const t = receiptTranslations();
  const { view } = deps;
  const refusingAsApi = <T>(run: () => T | Promise<T>) =>
    refusingWith((error) => asApiError(error, deps.tillName), run);
  const catalog = () => catalogOf(deps.carriers.list());
  return {
    'catalog.list': catalog,
    'sales.renew': (input, caller) =>
      refusingAsApi(async () => {
        const user = signedInUser(caller);
        const payment = paymentInShopCurrency(input.payment, deps.shopCurrency);
        // The hub's own till is written NULL, as every sale before counters: old queries hold.
        const tillId = caller.till.kind === 'hub' ? null : caller.till.id;
        return { sale: view(await deps.renewals.renew({ ...input, payment, tillId }, user)) };
      }),
    'sales.get': ({ id }) => refusingAsApi(() => ({ sale: view(deps.journal.get(id)) })),
    'sales.list': (filter) => ({ sales: deps.journal.list(filter).map(view) }),
    'sales.resolve': ({ id, outcome, reason, manager }, caller) =>
      refusingAsApi(() => {
        const by = userActor(deps.permit('refund', caller, manager));
        const sale = deps.journal.resolve(id, outcome, reason, by, deps.receiptWithOutcome);
        deps.announce(sale);
        return { sale: view(sale) };
      }),
    'receipts.get': ({ number, tillId }, caller) => {
      const found = deps.books(tillId ?? caller.till.id).get(number);
      if (!found) throw new ApiError('not_found', `No receipt ${number}`);
      const receipt = { ...found.receipt, copy: 0 };
      return {
        number,
        saleId: found.saleId,
        text: receiptLines(receipt, t, 48).join('\n'),
        html: renderReceiptHtml(receipt, t, { paper: '80mm' }),
        hash: receipt.hash,
        prevHash: receipt.prevHash,
        printed: found.printed,
        copies: found.copies,
      };
    },
  };
}
