import { ApiError } from '../../shared/api/errors';
import type { Handlers } from '../api/dispatcher';
import type { PrinterStore } from '../store/printers';
import { PrinterError } from './errors';
import type { ReceiptPrinting } from './receipt-printing';

type PrinterHandlers = Pick<Handlers, 'printers.list' | 'printers.save' | 'receipts.print'>;

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
      const printer =
        printerId === undefined ? deps.printers.defaultPrinter() : deps.printers.find(printerId);
      if (!printer) {
        const [code, message] =
          printerId === undefined
            ? ['no_default_printer', 'No printer was named and there is no default printer']
            : ['unknown_printer', `No printer "${printerId}"`];
        throw new ApiError('invalid_input', message, [{ path: 'printer', code, message }]);
      }
      const user = caller.user;
      if (!user) throw new ApiError('unauthorized', 'Sign in first');
      const printed = await deps.printing
        .print(number, printer, `${user.role}:${user.id}`)
        .catch((error: unknown) => {
          throw error instanceof PrinterError
            ? new ApiError('printer_failed', `${printer.name}: ${error.message}`)
            : error;
        });
      if (!printed) throw new ApiError('not_found', `No receipt ${number}`);
      return printed;
    },
  };
}
