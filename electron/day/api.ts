import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { CarrierProfile } from '../../shared/carrier';
import type { Till } from '../../shared/counters';
import type { CurrencyCode, MoneyInput } from '../../shared/currencies';
import {
  type DayReport,
  dayReportView,
  type ReportNames,
  type ZReport,
  zReportView,
} from '../../shared/day';
import { denominations } from '../../shared/denominations';
import { localDate, localDateTimeText } from '../../shared/local-time';
import type { ShopProfile } from '../../shared/shop';
import { userActor } from '../../shared/user';
import { journalFiles } from '../accountant/api';
import { createAccountantBooks } from '../accountant/books';
import { type Caller, type Handlers, signedInUser } from '../api/dispatcher';
import { amountInShopCurrency } from '../api/money-inputs';
import { refusingWith } from '../api/refusals';
import type { Permit } from '../auth/permissions';
import type { ModemBank } from '../bank/modem-bank';
import type { CarrierBook } from '../carriers/book';
import type { Tills } from '../counters/tills';
import { recordBooksCheck } from '../head-office/books-check';
import { choosePrinter, printedOn } from '../printers/api';
import { type Delivery, deliverDayReport } from '../printers/deliver';
import { createJournal } from '../sales/journal';
import { receiptBooks } from '../sales/receipts';
import type { PrinterStore } from '../store/printers';
import type { ShopProfileStore } from '../store/shop-profile';
import type { UserStore } from '../store/users';
import { majorUnits, salesCsv, zSummaryCsv } from './csv';
import { dealerBalancesOfBank } from './dealer-balances';
import { xDocument, zDocument, zFileStem, zPdfFiles } from './documents';
import { reportNames } from './names';
import { DayReportError } from './report';
import { createShiftBook, type ShiftBook, ShiftError } from './shifts';
import { shopDayTotal } from './shop-total';

type DayHandlers = Pick<
  Handlers,
  | 'shifts.getCurrent'
  | 'shifts.open'
  | 'shifts.recordCashMovement'
  | 'shifts.recordDealerBalance'
  | 'day.getReport'
  | 'day.close'
  | 'day.list'
  | 'day.get'
  | 'day.export'
  | 'day.print'
  | 'day.printXReport'
  | 'day.getShopTotal'
>;

function asApiError(error: unknown): unknown {
  if (error instanceof ShiftError) {
    if (error.code === 'not_found') return new ApiError('not_found', error.message);
    if (error.path) {
      return new ApiError('invalid_input', error.message, [
        { path: error.path, code: error.code, message: error.message },
      ]);
    }
    return new ApiError('conflict', error.message);
  }
  if (error instanceof DayReportError) return new ApiError('conflict', error.message);
  return error;
}

const refusingAsApi = <T>(run: () => T | Promise<T>) => refusingWith(asApiError, run);

/** Dealer balances typed by hand, in minor units of the shop's currency. */
function dealerAmounts(
  balances: readonly { modemId: string; amount: MoneyInput }[] | undefined,
  currency: CurrencyCode,
) {
  return balances?.map(({ modemId, amount }, index) => ({
    modemId,
    amount: amountInShopCurrency(amount, currency, `dealerBalances.${index}.amount`),
  }));
}

/**
 * The drawers of the shop's tills, each with its shift book (made once per till, kept): a drawer
 * per till, or the hub's till's one drawer counting every till's sales when the manager says so.
 */
export function createDrawers(deps: {
  db: Database;
  now: () => Date;
  users: UserStore;
  tills: Tills;
}) {
  const books = new Map<string, ShiftBook>();
  const shopMode = () => deps.tills.drawers() === 'shop';
  /** A till as the tills know it now (its name may have changed since its book was made). */
  const fresh = (till: Till) =>
    till.kind === 'hub' ? deps.tills.hub() : (deps.tills.of(till.id) ?? till);
  const bookOf = (till: Till): ShiftBook => {
    let book = books.get(till.id);
    if (!book) {
      const hub = till.kind === 'hub';
      book = createShiftBook(deps.db, {
        deviceId: till.id,
        now: deps.now,
        nameOf: deps.users.nameOf,
        drawer: {
          till: hub ? null : till.id,
          covers: () => (hub && shopMode() ? deps.tills.list() : [fresh(till)]),
          shop: () => hub && shopMode(),
        },
      });
      books.set(till.id, book);
    }
    return book;
  };
  /** The till whose drawer a call counts: its own, or the hub's for the shop's one drawer. */
  const tillOf = (caller: Pick<Caller, 'till'>): Till =>
    shopMode() ? deps.tills.hub() : fresh(caller.till);
  return {
    tillOf,
    of: (caller: Pick<Caller, 'till'>) => bookOf(tillOf(caller)),
    /** The hub's till's drawer: the modem bank's dealer SIMs are read there. */
    hub: () => bookOf(deps.tills.hub()),
    /** Every till's drawer, with its till. */
    all: () => deps.tills.list().map((till) => ({ till, book: bookOf(till) })),
    shopMode,
  };
}

export type Drawers = ReturnType<typeof createDrawers>;

/** The shift books on the shop's database and the day procedures: shifts, X and Z reports. */
export function createDay(deps: {
  db: Database;
  deviceId: string;
  now: () => Date;
  users: UserStore;
  carriers: CarrierBook;
  shop: ShopProfileStore;
  bank: ModemBank;
  permit: Permit;
  printers: PrinterStore;
  delivery: Delivery;
  tills: Tills;
}): DayHandlers {
  const { deviceId, now } = deps;
  const receipts = receiptBooks(deps.db, now);
  const journal = createJournal(deps.db, now);
  // A sale's receipt is in its till's book (NULL: the hub's, the database's device id).
  const receiptOf = (saleId: number) =>
    receipts(journal.tillOf(saleId) ?? deviceId).numberOfSale(saleId);
  // A Z's journal holds the receipts of the tills it counts, each from its own last count: one
  // till's for a till's drawer, every till's for the shop's one drawer.
  const receiptsOfZ = (z: ZReport) =>
    (
      z.report.tills?.map((line) => ({ till: line.till.id, from: line.from })) ?? [
        { till: z.deviceId, from: z.report.from },
      ]
    ).flatMap(({ till, from }) =>
      createAccountantBooks(deps.db, till).issuedInZ(from, z.report.to),
    );
  return dayHandlers({
    ...deps,
    drawers: createDrawers(deps),
    namesOf: (report, till) =>
      reportNames(report, {
        receiptOf,
        carrierName: (carrierId) => deps.carriers.find(carrierId)?.name ?? null,
        tillName: () => till.name,
      }),
    carrierOf: deps.carriers.find,
    shop: deps.shop.get,
    permit: deps.permit,
    journalOf: (z, profile) => journalFiles(receiptsOfZ(z), zFileStem(z), profile),
    booksCheck: () => recordBooksCheck(deps.db, now()),
  });
}

function dayHandlers(deps: {
  drawers: Drawers;
  bank: ModemBank;
  carrierOf(carrierId: string): CarrierProfile | null;
  shop(): ShopProfile | null;
  permit: Permit;
  printers: PrinterStore;
  /** How day reports reach printers and become PDFs: the receipts' own delivery. */
  delivery: Delivery;
  /** The receipt numbers, carrier names and till's name a report is shown and printed with. */
  namesOf(report: DayReport, till: Till): ReportNames;
  /** The accountant's journal of the receipts issued in a Z report's window, and its summary. */
  journalOf(
    z: ZReport,
    profile: ShopProfile,
  ): { name: string; mediaType: string; base64: string }[];
  now(): Date;
  /** The shop's check of its receipts, sent up to the head office after each day close. */
  booksCheck(): void;
}): DayHandlers {
  const shop = () => {
    const profile = deps.shop();
    if (!profile) throw new ApiError('conflict', 'Set the shop profile up first');
    return profile;
  };
  const view = ({ currency: _currency, ...shift }: ReturnType<ShiftBook['open']>) => shift;
  /**
   * The caller's drawer: its till's, or the shop's one. A manager may name another till's
   * (`tillId`): a counter gone (revoked, or dead) with its shift open is counted and closed from
   * the hub, in that till's chain.
   */
  const drawerOf = (caller: Caller, tillId?: string) => {
    let { till } = caller;
    if (tillId !== undefined && tillId !== till.id) {
      if (signedInUser(caller).role !== 'manager') {
        throw new ApiError('forbidden', "Only a manager may count another till's drawer");
      }
      const named = deps.drawers.all().find((drawer) => drawer.till.id === tillId);
      if (!named) throw new ApiError('not_found', `No till ${tillId}`);
      till = named.till;
    }
    return { till: deps.drawers.tillOf({ till }), shifts: deps.drawers.of({ till }) };
  };
  /**
   * The dealer SIMs are the modem bank's, on the hub: read at the hub's till's drawer (the
   * shop's one drawer is the hub's), never at a counter's, which has no modems of its own.
   */
  const readsDealerSims = (till: Till) => till.kind === 'hub';
  const zOfDate = (shifts: ShiftBook, date: string, timeZone: string): ZReport => {
    const z = shifts
      .list()
      .filter((report) => localDate(new Date(report.issuedAt), timeZone) === date)
      .at(-1);
    if (!z) throw new ApiError('not_found', `No day was closed on ${date}`);
    return z;
  };
  const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  const reportView = (report: DayReport, till: Till) =>
    dayReportView(report, deps.namesOf(report, till));
  const zView = (z: ZReport, till: Till) => zReportView(z, deps.namesOf(z.report, till));

  return {
    'shifts.getCurrent': ({ tillId }, caller) => {
      const shift = drawerOf(caller, tillId).shifts.current();
      const { timeZone } = shop();
      return {
        shift: shift ? view(shift) : null,
        stale:
          shift !== null &&
          localDate(new Date(shift.openedAt), timeZone) !== localDate(deps.now(), timeZone),
      };
    },
    'shifts.open': (input, caller) =>
      refusingAsApi(async () => {
        const user = signedInUser(caller);
        const profile = shop();
        const float = amountInShopCurrency(input.float, profile.currency, 'float');
        const typed = dealerAmounts(input.dealerBalances, profile.currency);
        const drawer = drawerOf(caller);
        const shift = drawer.shifts.open(user.id, float, profile.currency);
        const balances = readsDealerSims(drawer.till)
          ? await dealerBalancesOfBank(deps.bank, deps.carrierOf, typed)
          : [];
        for (const { modemId, carrierId, reading } of balances) {
          if (!reading) continue;
          drawer.shifts.recordReading(
            shift.id,
            { modemId, carrierId, moment: 'opening', ...reading, actorId: user.id },
            profile.currency,
          );
        }
        return {
          shift: view(shift),
          dealerProblems: balances.flatMap(({ modemId, problem }) =>
            problem === null ? [] : [{ modemId, problem }],
          ),
        };
      }),
    'shifts.recordCashMovement': ({ kind, amount, reason }, caller) =>
      refusingAsApi(() => ({
        shift: view(
          drawerOf(caller).shifts.cashMovement(
            signedInUser(caller).id,
            kind,
            amountInShopCurrency(amount, shop().currency, 'amount'),
            reason,
          ),
        ),
      })),
    'shifts.recordDealerBalance': ({ modemId, amount }, caller) =>
      refusingAsApi(() => {
        const user = signedInUser(caller);
        const balance = amountInShopCurrency(amount, shop().currency, 'amount');
        // Recorded on the hub's till's drawer, whoever types it: the dealer SIMs are its.
        const book = deps.drawers.hub();
        const shift = book.current();
        if (!shift) throw new ApiError('conflict', 'No shift is open');
        const modem = deps.bank.statuses().find((status) => status.id === modemId);
        if (!modem) {
          throw new ApiError('invalid_input', `No modem ${modemId}`, [
            { path: 'modemId', code: 'unknown_modem', message: `No modem ${modemId}` },
          ]);
        }
        book.recordReading(
          shift.id,
          {
            modemId,
            carrierId: modem.carrierId,
            moment: 'opening',
            amount: balance,
            source: 'manual',
            text: null,
            actorId: user.id,
          },
          shift.currency,
        );
        return { shift: view(shift) };
      }),
    'day.getReport': ({ date, tillId }, caller) =>
      refusingAsApi(() => {
        const { timeZone } = shop();
        const { till, shifts } = drawerOf(caller, tillId);
        if (date === undefined) {
          return { report: reportView(shifts.report(timeZone), till), zNumber: null };
        }
        const z = zOfDate(shifts, date, timeZone);
        return { report: reportView(z.report, till), zNumber: z.number };
      }),
    'day.close': (input, caller) =>
      refusingAsApi(async () => {
        const closer = deps.permit('close_day', caller, input.manager);
        const profile = shop();
        const counted = input.counted.map(({ denomination, count }, index) => ({
          denomination: amountInShopCurrency(
            denomination,
            profile.currency,
            `counted.${index}.denomination`,
          ),
          count,
        }));
        const typed = dealerAmounts(input.dealerBalances, profile.currency);
        const { till, shifts } = drawerOf(caller, input.tillId);
        if (!shifts.current()) {
          throw new ApiError('conflict', 'No shift is open: there is nothing to close');
        }
        shifts.nothingSending();
        const balances = readsDealerSims(till)
          ? await dealerBalancesOfBank(deps.bank, deps.carrierOf, typed)
          : [];
        const unread = balances.filter((balance) => balance.reading === null);
        if (unread.length > 0) {
          const issues = unread.map(({ modemId, problem }) => ({
            path: 'dealerBalances',
            code: 'dealer_balance_unread',
            message: `${modemId}: ${problem}; enter its balance by hand`,
            params: { modemId },
          }));
          throw new ApiError('invalid_input', 'Some dealer balances could not be read', issues);
        }
        const closingReadings = balances.flatMap(({ modemId, carrierId, reading }) =>
          reading ? [{ modemId, carrierId, ...reading }] : [],
        );
        const z = shifts.close({
          userId: closer.id,
          counted,
          allowedDenominations: denominations[profile.currency],
          reason: input.reason ?? null,
          closingReadings,
          timeZone: profile.timeZone,
        });
        deps.booksCheck();
        return { z: zView(z, till) };
      }),
    'day.list': (_input, caller) => {
      const { till, shifts } = drawerOf(caller);
      return {
        reports: shifts
          .list()
          .reverse()
          .map((z) => zView(z, till)),
      };
    },
    'day.get': ({ zNumber }, caller) =>
      refusingAsApi(() => {
        const { till, shifts } = drawerOf(caller);
        return { z: zView(shifts.get(zNumber), till) };
      }),
    'day.export': ({ zNumber, date, format, manager }, caller) =>
      refusingAsApi(async () => {
        deps.permit('export', caller, manager);
        const profile = shop();
        const { timeZone } = profile;
        const { till, shifts } = drawerOf(caller);
        const z =
          zNumber !== undefined ? shifts.get(zNumber) : zOfDate(shifts, date ?? '', timeZone);
        if (format === 'pdf') {
          return {
            files: await printedOn(
              'PDF',
              zPdfFiles(z, profile, deps.namesOf(z.report, till), deps.delivery),
            ),
          };
        }
        const name = zFileStem(z);
        const rows = shifts.salesOf(z).map((row) => {
          const money = (amount: number | null) =>
            amount === null ? null : majorUnits(amount, String(row.currency));
          return {
            ...row,
            created_at_local: localDateTimeText(new Date(String(row.created_at_utc)), timeZone),
            price: money(row.price as number),
            dealer_cost: money(row.dealer_cost as number),
            tendered: money(row.tendered as number | null),
            change: money(row.change as number | null),
            refund_amount: money(row.refund_amount as number | null),
          };
        });
        return {
          files: [
            { name: `${name}-sales.csv`, mediaType: 'text/csv', base64: utf8(salesCsv(rows)) },
            {
              name: `${name}-summary.csv`,
              mediaType: 'text/csv',
              base64: utf8(zSummaryCsv(z, timeZone)),
            },
            ...deps.journalOf(z, profile),
          ],
        };
      }),
    'day.print': ({ zNumber, printer: printerId }, caller) =>
      refusingAsApi(async () => {
        const user = signedInUser(caller);
        const printer = choosePrinter(deps.printers, printerId);
        const { till, shifts } = drawerOf(caller);
        const z = shifts.get(zNumber);
        // Counted once it reached the printer: a print that failed leaves the original to come.
        const copy = shifts.prints(zNumber) > 0;
        const { file } = await printedOn(
          printer.name,
          deliverDayReport(
            zDocument(z, shop(), copy, deps.namesOf(z.report, till)),
            printer,
            deps.delivery,
          ),
        );
        shifts.recordPrint(zNumber, userActor(user), printer.name);
        return { zNumber, printerId: printer.id, printerName: printer.name, file, copy };
      }),
    'day.printXReport': ({ printer: printerId }, caller) =>
      refusingAsApi(async () => {
        const printer = choosePrinter(deps.printers, printerId);
        const profile = shop();
        const { till, shifts } = drawerOf(caller);
        const report = shifts.report(profile.timeZone);
        const document = xDocument(report, till.id, profile, deps.namesOf(report, till));
        const { file } = await printedOn(
          printer.name,
          deliverDayReport(document, printer, deps.delivery),
        );
        return { printerId: printer.id, printerName: printer.name, file };
      }),
    'day.getShopTotal': ({ date }) =>
      refusingAsApi(() => {
        const { timeZone, currency } = shop();
        return shopDayTotal(
          deps.drawers.all().map(({ till, book }) => ({
            till,
            open: book.current()?.openedAt ?? null,
            reports: book.list(),
          })),
          { date, timeZone, currency, drawers: deps.drawers.shopMode() ? 'shop' : 'per_till' },
        );
      }),
  };
}
