import type { ProcedureOutput } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { CarrierProfile } from '../../shared/carrier';
import type { SaleView } from '../../shared/sale';
import { type Handlers, signedInUser } from '../api/dispatcher';
import { approvingManager, type CheckManager } from '../api/manager-approval';
import { refusingWith } from '../api/refusals';
import { CarrierInputError } from '../carriers';
import type { CarrierBook } from '../carriers/book';
import { renderReceiptHtml } from '../printing/html';
import { receiptLines } from '../printing/layout';
import { receiptTranslations } from '../printing/translations';
import { type InSameCommit, type Journal, JournalError, type Sale } from './journal';
import type { ReceiptBook } from './receipts';
import { RenewalError, type Renewals } from './renewal';

export function saleView(sale: Sale, receiptNumber: number | null): SaleView {
  return {
    id: sale.id,
    idempotencyKey: sale.idempotencyKey,
    status: sale.status,
    msisdn: sale.msisdn,
    carrierId: sale.carrierId,
    planId: sale.planId,
    planName: sale.planName,
    dataMb: sale.dataMb,
    validityDays: sale.validityDays,
    price: { amount: sale.price, currency: sale.currency },
    payment: sale.payment,
    clerkId: sale.clerkId,
    modemId: sale.modemId,
    carrierReference: sale.carrierReference,
    dealerBalanceAfter: sale.dealerBalanceAfter,
    receiptNumber,
    createdAt: sale.createdAt,
    updatedAt: sale.updatedAt,
  };
}

/** The journal's and carriers' refusals, as the contract's errors (field issues for input). */
function asApiError(error: unknown): unknown {
  if (error instanceof CarrierInputError) {
    const path = error.code === 'unknown_plan' ? 'planId' : 'msisdn';
    return new ApiError('invalid_input', error.message, [
      { path, code: error.code, message: error.message },
    ]);
  }
  if (error instanceof RenewalError) {
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

const refusingAsApi = <T>(run: () => T | Promise<T>) => refusingWith(asApiError, run);

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

type SalesHandlers = Pick<
  Handlers,
  'catalog.list' | 'sales.renew' | 'sales.get' | 'sales.list' | 'sales.resolve' | 'receipts.get'
>;

export function salesHandlers(deps: {
  journal: Journal;
  renewals: Renewals;
  carriers: CarrierBook;
  receipts: ReceiptBook;
  checkManager: CheckManager;
  /** Issues an outcome's receipt in the outcome's commit (a correction after a resolve). */
  receiptWithOutcome: InSameCommit;
}): SalesHandlers {
  const t = receiptTranslations();
  const view = (sale: Sale) => saleView(sale, deps.receipts.numberOfSale(sale.id));
  const catalog = () => catalogOf(deps.carriers.list());
  return {
    'catalog.list': catalog,
    'sales.renew': (input, caller) =>
      refusingAsApi(async () => {
        const user = signedInUser(caller);
        return { sale: view(await deps.renewals.renew(input, user)) };
      }),
    'sales.get': ({ id }) => refusingAsApi(() => ({ sale: view(deps.journal.get(id)) })),
    'sales.list': (filter) => ({ sales: deps.journal.list(filter).map(view) }),
    'sales.resolve': ({ id, outcome, reason, manager }, caller) =>
      refusingAsApi(() => {
        const by = approvingManager(caller, manager, deps.checkManager);
        const actor = `manager:${by.id}`;
        const sale = deps.journal.resolve(id, outcome, reason, actor, deps.receiptWithOutcome);
        return { sale: view(sale) };
      }),
    'receipts.get': ({ number }) => {
      const found = deps.receipts.get(number);
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
