/**
 * The sale's receipt printing by itself once the sale has an outcome: on the shop's default
 * printer, when the manager left receipts printing by themselves, and never twice for one
 * receipt (not for a second render, not for a receipt someone already printed).
 */
import type { ProcedureOutput } from '../../shared/api/contract';
import type { PrinterSetup } from '../../shared/printer';

export type PrintedReceipt = ProcedureOutput<'receipts.print'>;

export interface AutoPrintDeps {
  printers(): Promise<PrinterSetup>;
  /** Whether the receipt was printed already (receipts.get). */
  printed(number: number): Promise<boolean>;
  /** Prints it on the default printer (receipts.print). */
  print(number: number): Promise<PrintedReceipt>;
}

export type AutoPrint =
  | { kind: 'printed'; printed: PrintedReceipt; printerName: string }
  /** Not for this shop (no default printer, or receipts print only on demand), or printed already. */
  | { kind: 'skipped' }
  | { kind: 'failed'; error: unknown };

/** Whether this shop prints a sale's receipt by itself. */
export function printsByItself(setup: PrinterSetup): boolean {
  return setup.autoPrint && setup.defaultPrinterId !== null;
}

/**
 * A printer of sale receipts that takes each receipt number once: the first call prints it (or
 * says why not), every later call for the same number answers null at once.
 */
export function receiptAutoPrinter(deps: AutoPrintDeps) {
  const taken = new Set<number>();
  return (number: number): Promise<AutoPrint> | null => {
    if (taken.has(number)) return null;
    taken.add(number);
    return printOnce(number, deps);
  };
}

async function printOnce(number: number, deps: AutoPrintDeps): Promise<AutoPrint> {
  try {
    const setup = await deps.printers();
    if (!printsByItself(setup) || (await deps.printed(number))) return { kind: 'skipped' };
    const printed = await deps.print(number);
    const printer = setup.printers.find((one) => one.id === printed.printerId);
    return { kind: 'printed', printed, printerName: printer?.name ?? printed.printerId };
  } catch (error) {
    return { kind: 'failed', error };
  }
}
