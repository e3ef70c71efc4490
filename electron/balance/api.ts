import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { SaleView } from '../../shared/sale';
import { type Caller, type Handlers, signedInUser } from '../api/dispatcher';
import { refusingWith } from '../api/refusals';
import type { ModemBank } from '../bank/modem-bank';
import type { SmsInboxes } from '../bank/sms-inboxes';
import { CarrierInputError } from '../carriers';
import type { CarrierBook } from '../carriers/book';
import type { ShopProfileStore } from '../store/shop-profile';
import { boughtOf, cardView, planOffers, stayUntil } from './card';
import { findCard } from './card-carrier';
import { type BalanceCheckStore, createBalanceCheckStore } from './check-store';
import { type BalanceChecks, createBalanceChecks } from './checks';
import { BalanceError } from './errors';
import { createReplyDesk } from './reply-desk';
import { shopTypicalUsage } from './typical-usage';
import { upgradeAdvice } from './upgrade';

/** Balance checks' and cards' refusals as the contract's errors (field issues for input). */
function asApiError(error: unknown): unknown {
  if (error instanceof CarrierInputError) {
    return new ApiError('invalid_input', error.message, [
      { path: 'msisdn', code: error.code, message: error.message },
    ]);
  }
  if (!(error instanceof BalanceError)) return error;
  const issue = (path: string) =>
    new ApiError('invalid_input', error.message, [
      { path, code: error.code, message: error.message },
    ]);
  switch (error.code) {
    case 'unknown_carrier':
    case 'carrier_required':
      return issue('carrierId');
    case 'departure_passed':
      return issue('departureDate');
    case 'no_shop':
      return new ApiError('conflict', error.message);
    case 'carrier_reply':
      return new ApiError('carrier_reply', error.message, undefined, error.reply);
    default:
      return new ApiError(error.code, error.message);
  }
}

const refusingAsApi = <T>(run: () => T | Promise<T>) => refusingWith(asApiError, run);

/** Balance checks by SMS through the bank's modems, and the card page. */
export function createBalance(deps: {
  db: Database;
  now: () => Date;
  carriers: CarrierBook;
  shop: ShopProfileStore;
  bank: ModemBank;
  inboxes: SmsInboxes;
  /** A card's sales, newest first. */
  salesOf(msisdn: string): SaleView[];
}) {
  const { bank, now } = deps;
  const store = createBalanceCheckStore(deps.db);
  const timeZone = () => deps.shop.get()?.timeZone ?? null;
  const desk = createReplyDesk({ inboxes: deps.inboxes, now });
  const checks = createBalanceChecks({ bank, desk, store, timeZone, now });
  const handlers = balanceHandlers({ ...deps, checks, store, timeZone });
  return {
    handlers,
    /** balance.check of a card whose number and carrier a sale gives. */
    checkCard: (msisdn: string, carrierId: string, caller: Caller) =>
      handlers['balance.check']({ msisdn, carrierId }, caller),
    /** A card's checks, newest first. */
    checksOf: (msisdn: string) => store.ofCard(msisdn),
  };
}

type BalanceHandlers = Pick<Handlers, 'balance.check' | 'cards.get' | 'cards.getUpgradeAdvice'>;

function balanceHandlers(deps: {
  carriers: CarrierBook;
  checks: BalanceChecks;
  store: BalanceCheckStore;
  /** A card's sales, newest first. */
  salesOf(msisdn: string): SaleView[];
  timeZone(): string | null;
  now: () => Date;
}): BalanceHandlers {
  const cardOf = (msisdn: string, carrierId: string | undefined) =>
    findCard(
      deps.carriers.list(),
      msisdn,
      carrierId,
      (e164) => deps.salesOf(e164)[0]?.carrierId ?? deps.store.lastCarrierOf(e164),
    );

  return {
    'balance.check': ({ msisdn, carrierId }, caller) =>
      refusingAsApi(() => {
        const user = signedInUser(caller);
        return deps.checks.check(cardOf(msisdn, carrierId), user.id);
      }),
    'cards.get': ({ msisdn, carrierId, departureDate }) =>
      refusingAsApi(() => {
        const card = cardOf(msisdn, carrierId);
        let stay = null;
        if (departureDate !== undefined) {
          const timeZone = deps.timeZone();
          if (timeZone === null) {
            throw new BalanceError('no_shop', 'Set the shop profile up first (its time zone)');
          }
          stay = stayUntil(departureDate, deps.now(), timeZone);
        }
        const e164 = card.customer.e164;
        const typicalUsage = shopTypicalUsage({
          readTwiceSince: deps.store.readTwiceSince,
          salesOf: deps.salesOf,
          now: deps.now,
        });
        return cardView(
          card,
          { sales: deps.salesOf(e164), checks: deps.store.ofCard(e164) },
          { stay, typicalUsage, now: deps.now().toISOString() },
        );
      }),
    'cards.getUpgradeAdvice': ({ msisdn, carrierId, planId }) =>
      refusingAsApi(() => {
        const card = cardOf(msisdn, carrierId);
        const plans = planOffers(card.profile);
        const selling = plans.find((plan) => plan.id === planId);
        if (!selling) {
          throw new ApiError('invalid_input', `${card.profile.name} has no plan ${planId}`, [
            { path: 'planId', code: 'unknown_plan', message: `No plan ${planId}` },
          ]);
        }
        const bought = boughtOf(deps.salesOf(card.customer.e164));
        return { advice: upgradeAdvice(bought, plans, deps.now().toISOString(), selling) };
      }),
  };
}
