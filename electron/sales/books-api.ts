import type { Database } from 'better-sqlite3';
import type { ProcedureOutput } from '../../shared/api/contract';
import { booksHold } from '../../shared/books';
import type { Handlers } from '../api/dispatcher';
import type { Tills } from '../counters/tills';
import type { Logger } from '../log';
import type { ShopProfileStore } from '../store/shop-profile';
import { verifyBooks, verifyRecentDays } from './books-verification';

type BooksHandlers = Pick<Handlers, 'receipts.verify' | 'receipts.getStartCheck'>;

/**
 * The till's books checked: at once at start (today and the last day with receipts; a break is
 * logged and kept for a manager, and the counter starts anyway), and whenever a manager asks.
 */
export function createBooksCheck(deps: {
  db: Database;
  deviceId: string;
  shop: ShopProfileStore;
  now: () => Date;
  log: Logger;
  /** Every till's receipts are checked, each chain on its own. */
  tills: Pick<Tills, 'list'>;
}): BooksHandlers {
  // A shop not set up yet has sold nothing; its days are UTC's until it is.
  const timeZone = () => deps.shop.get()?.timeZone ?? 'UTC';
  const checkedAt = deps.now();
  let atStart: ProcedureOutput<'receipts.getStartCheck'>;
  try {
    const days = verifyRecentDays(deps.db, {
      deviceId: deps.deviceId,
      timeZone: timeZone(),
      now: checkedAt,
      tills: deps.tills.list(),
    });
    for (const day of days.filter((checked) => !booksHold(checked))) {
      deps.log.error(`The books of ${day.day} do not verify: ${JSON.stringify(day)}`);
    }
    atStart = { checkedAt: checkedAt.toISOString(), days, problem: null };
  } catch (error) {
    const problem = (error as Error).message;
    deps.log.error(`The books could not be checked at start: ${problem}`);
    atStart = { checkedAt: checkedAt.toISOString(), days: [], problem };
  }
  return {
    'receipts.verify': ({ day }) =>
      verifyBooks(deps.db, {
        deviceId: deps.deviceId,
        timeZone: timeZone(),
        tills: deps.tills.list(),
        ...(day === undefined ? {} : { day }),
      }),
    'receipts.getStartCheck': () => atStart,
  };
}
