import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { Printer } from '../../shared/printer';
import type { Sale } from '../../shared/sale';
import { userActor } from '../../shared/user';
import { type Handlers, signedInUser } from '../api/dispatcher';
import type { Permit } from '../auth/permissions';
import type { ModemBank } from '../bank/modem-bank';
import { receiptTranslations } from '../printing/translations';
import type { ReceiptBooks } from '../sales/receipts';
import { createPrinterStore, type PrinterStore } from '../store/printers';
import { type Delivery, deliverDrawerPulse } from './deliver';
import type { ReceiptDocuments } from './documents';
import { chooseDrawer, createDrawerLog } from './drawer';
import { PrinterError } from './errors';
import { hostDocuments } from './host-documents';
import { createReceiptPrinting, type ReceiptPrinting } from './receipt-printing';
import { createReceiptSms } from './receipt-sms';

type PrinterHandlers = Pick<
  Handlers,
  'printers.list' | 'printers.save' | 'printers.openDrawer' | 'receipts.print' | 'receipts.sendSms'
>;

/** The printer a print names, or the default one; refused when there is no such printer. */
export function choosePrinter(printers: PrinterStore, printerId: string | undefined): Printer {
  const printer = printerId === undefined ? printers.defaultPrinter() : printers.find(printerId);
  if (!printer) {
    const [code, message] =
      printerId === undefined
        ? ['no_default_printer', 'No printer was named and there is no default printer']
        : ['unknown_printer', `No printer "${printerId}"`];
    throw new ApiError('invalid_input', message, [{ path: 'printer', code, message }]);
  }
  return printer;
}

/**
 * A print (or a PDF) that did not reach `place` (a printer's name), as the API says it:
 * printer_failed, with where and why.
 */
export function printedOn<T>(place: string, printing: Promise<T>): Promise<T> {
  return printing.catch((error: unknown) => {
    throw error instanceof PrinterError
      ? new ApiError('printer_failed', `${place}: ${error.message}`)
      : error;
  });
}

/**
 * The shop's printers and how documents reach them (receipts, and the day's reports through the
 * same delivery); a PDF printer without a folder of its own writes beside the database.
 */
export function createPrinting(deps: {
  db: Database;
  now: () => Date;
  databaseFile: string;
  /** Each till's receipts: a receipt is printed or sent from its till's book. */
  books: ReceiptBooks;
  /** What a clerk may do here (open the drawer without a sale, reprint), as the shop set it. */
  permit: Permit;
  /** The modems a receipt goes by SMS through, and the sale a receipt is for (its number). */
  bank: Pick<ModemBank, 'acquire' | 'acquireModem'>;
  saleOf(id: number): Sale;
  /** How HTML becomes a PDF or reaches a system printer: by default Chromium and CUPS. */
  documents?: ReceiptDocuments | undefined;
}) {
  const printers = createPrinterStore(deps.db, deps.now);
  const delivery: Delivery = {
    t: receiptTranslations(),
    documents: deps.documents ?? hostDocuments(),
    pdfFolder: path.join(path.dirname(path.resolve(deps.databaseFile)), 'receipts'),
    deviceTimeoutMs: 10_000,
  };
  const printing = createReceiptPrinting({ books: deps.books, delivery });
  const drawerLog = createDrawerLog(deps.db, deps.now);
  const sendSms = createReceiptSms({
    db: deps.db,
    now: deps.now,
    bank: deps.bank,
    saleOf: deps.saleOf,
    t: delivery.t,
    modemWaitMs: 10_000,
  });
  const handlers = printerHandlers({
    printers,
    printing,
    delivery,
    drawerLog,
    sendSms,
    books: deps.books,
    permit: deps.permit,
  });
  return { printers, delivery, handlers };
}

function printerHandlers(deps: {
  printers: PrinterStore;
  printing: ReceiptPrinting;
  delivery: Delivery;
  drawerLog: ReturnType<typeof createDrawerLog>;
  sendSms: ReturnType<typeof createReceiptSms>;
  books: ReceiptBooks;
  permit: Permit;
}): PrinterHandlers {
  return {
    'printers.list': () => deps.printers.get(),
    'printers.save': (setup) => {
      deps.printers.save(setup);
      return deps.printers.get();
    },
    // Logged once the printer took the pulse: a drawer that did not open logs nothing.
    'printers.openDrawer': async ({ reason, printer: printerId, manager }, caller) => {
      const by = userActor(signedInUser(caller));
      const approvedBy = userActor(deps.permit('open_drawer', caller, manager));
      const printer = chooseDrawer(deps.printers, printerId);
      await printedOn(printer.name, deliverDrawerPulse(printer, deps.delivery));
      const openedAt = deps.drawerLog.record({ printerId: printer.id, by, approvedBy, reason });
      return { printerId: printer.id, openedAt };
    },
    // A receipt of the caller's till unless another till is named.
    'receipts.sendSms': ({ number, tillId, language }, caller) =>
      deps.sendSms(
        deps.books(tillId ?? caller.till.id),
        number,
        language,
        userActor(signedInUser(caller)),
      ),
    // The original print is never refused; a copy is the clerk's act of reprinting.
    'receipts.print': async ({ number, tillId, printer: printerId, manager }, caller) => {
      const till = tillId ?? caller.till.id;
      if (deps.books(till).get(number)?.printed) deps.permit('reprint', caller, manager);
      const printer = choosePrinter(deps.printers, printerId);
      const by = userActor(signedInUser(caller));
      const printed = await printedOn(printer.name, deps.printing.print(till, number, printer, by));
      if (!printed) throw new ApiError('not_found', `No receipt ${number}`);
      return printed;
    },
  };
}
