import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import { receiptShopFromProfile } from '../../shared/receipt';
import { defaultTillName, type ShopProfile } from '../../shared/shop';
import { userActor } from '../../shared/user';
import { type Handlers, signedInUser } from '../api/dispatcher';
import type { Permit } from '../auth/permissions';
import type { Tills } from '../counters/tills';
import { choosePrinter, printedOn } from '../printers/api';
import { type Delivery, deliverClosure } from '../printers/deliver';
import type { PrinterStore } from '../store/printers';
import { type ClosureBook, createClosureBook } from './book';

type PeriodHandlers = Pick<
  Handlers,
  'periods.close' | 'periods.list' | 'periods.get' | 'periods.print'
>;

/** The month and year closures on the shop's database, and their procedures. */
export function createPeriods(deps: {
  db: Database;
  deviceId: string;
  now: () => Date;
  shop: { get(): ShopProfile | null };
  permit: Permit;
  printers: PrinterStore;
  delivery: Delivery;
  tills: Tills;
}): PeriodHandlers {
  return periodsHandlers({
    ...deps,
    closures: createClosureBook(deps.db, {
      deviceId: deps.deviceId,
      now: deps.now,
      tills: deps.tills.list,
    }),
  });
}

export function periodsHandlers(deps: {
  closures: ClosureBook;
  shop: { get(): ShopProfile | null };
  permit: Permit;
  printers: PrinterStore;
  delivery: Delivery;
}): PeriodHandlers {
  const shop = () => {
    const profile = deps.shop.get();
    if (!profile) throw new ApiError('conflict', 'Set the shop profile up first');
    return profile;
  };
  return {
    'periods.close': ({ kind, period, manager }, caller) => {
      const closer = deps.permit('close_period', caller, manager);
      const profile = shop();
      const closure = deps.closures.close(
        { kind, period },
        {
          timeZone: profile.timeZone,
          currency: profile.currency,
          tillName: profile.tillName ?? defaultTillName,
        },
        closer.name,
      );
      return { closure };
    },
    'periods.list': ({ kind }) => ({ closures: deps.closures.list(kind) }),
    'periods.get': ({ kind, period }) => ({ closure: deps.closures.get({ kind, period }) }),
    'periods.print': async ({ kind, period, printer: printerId }, caller) => {
      const user = signedInUser(caller);
      const printer = choosePrinter(deps.printers, printerId);
      const profile = shop();
      const closure = deps.closures.get({ kind, period });
      // Counted once it reached the printer: a print that failed leaves the original to come.
      const copy = deps.closures.prints(closure) > 0;
      const { file } = await printedOn(
        printer.name,
        deliverClosure(
          {
            closure,
            shop: receiptShopFromProfile(profile),
            timeZone: profile.timeZone,
            language: profile.defaultLanguage,
            copy,
          },
          printer,
          deps.delivery,
        ),
      );
      deps.closures.recordPrint(closure, userActor(user), printer.name);
      return { printerId: printer.id, printerName: printer.name, file, copy };
    },
  };
}
