import { ApiError } from '../../shared/api/errors';
import type { Printer } from '../../shared/printer';
import { type Handlers, signedInUser } from '../api/dispatcher';
import type { PrinterStore } from '../store/printers';
import { PrinterError } from './errors';
import type { ReceiptPrinting } from './receipt-printing';

type PrinterHandlers = Pick<Handlers, 'printers.list' | 'printers.save' | 'receipts.print'>;

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

export function printerHandlers(deps: {
  printers: PrinterStore;
  printing: ReceiptPrinting;
}): PrinterHandlers {
  return {
    'printers.list': () => deps.printers.get(),
    'printers.save': (setup) => {
      deps.printers.save(setup);
      return deps.printers.get();
    },
    'receipts.print': async ({ number, printer: printerId }, caller) => {
      const printer = choosePrinter(deps.printers, printerId);
      const user = signedInUser(caller);
      const printed = await printedOn(
        printer.name,
        deps.printing.print(number, printer, `${user.role}:${user.id}`),
      );
      if (!printed) throw new ApiError('not_found', `No receipt ${number}`);
      return printed;
    },
  };
}
