/**
 * What the manager resolving a pending sale is shown: the carrier's replies from the sale's
 * transcripts, and the card checked now, with whether the top-up landed.
 */
import { ApiError } from '../../shared/api/errors';
import type { BalanceCheckView, BalanceReadingView } from '../../shared/balance';
import type { SaleView } from '../../shared/sale';
import type { Caller, Handlers } from '../api/dispatcher';
import { readingOf } from '../balance/card';
import { carrierReplies } from './carrier-replies';
import type { SaleEvent } from './journal';
import { judgeTopUp } from './pending-verdict';

type PendingHandlers = Pick<Handlers, 'sales.listCarrierReplies' | 'sales.checkCard'>;

export function pendingSaleHandlers(deps: {
  /** A sale as sales.get answers it (not_found when there is none). */
  saleOf(id: number, caller: Caller): Promise<SaleView>;
  /** A sale's moves, oldest first, with the transcripts kept. */
  eventsOf(id: number): SaleEvent[];
  /** A card's sales, newest first. */
  salesOf(msisdn: string): SaleView[];
  /** A card's balance checks, newest first. */
  checksOf(msisdn: string): BalanceCheckView[];
  /** balance.check of the card; its errors are the contract's. */
  checkCard(
    msisdn: string,
    carrierId: string,
    caller: Caller,
  ): BalanceReadingView | Promise<BalanceReadingView>;
}): PendingHandlers {
  return {
    'sales.listCarrierReplies': async ({ id }, caller) => {
      const sale = await deps.saleOf(id, caller);
      return { saleId: sale.id, moves: carrierReplies(deps.eventsOf(sale.id)) };
    },
    'sales.checkCard': async ({ id }, caller) => {
      const sale = await deps.saleOf(id, caller);
      if (sale.status !== 'unknown') {
        throw new ApiError('conflict', `Sale ${id} is not pending verification`);
      }
      // Read before the new check is kept: the latest reading from before the sale.
      const before =
        deps
          .checksOf(sale.msisdn)
          .flatMap((check) => readingOf(check) ?? [])
          .filter((reading) => Date.parse(reading.at) <= Date.parse(sale.createdAt))
          .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0] ?? null;
      const check = await deps.checkCard(sale.msisdn, sale.carrierId, caller);
      const verdict = judgeTopUp({
        sale,
        before,
        after: {
          at: check.receivedAt,
          remainingMb: check.remainingMb,
          validUntil: check.validUntil,
        },
        salesOfCard: deps.salesOf(sale.msisdn),
      });
      return { check, verdict };
    },
  };
}
