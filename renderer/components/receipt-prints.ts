import type { ProcedureOutput } from '../../shared/api/contract';
import type { PrinterSetup } from '../../shared/printer';

/** How often a receipt went to a printer, as receipts.get tells it. */
export interface PrintRecord {
  printed: boolean;
  copies: number;
}

/**
 * What the next print of a receipt will be, for its button to say so: the original (null), or
 * COPY n once the original was printed. The core numbers it (receipts.print); this only reads
 * ahead, and the answer of each print corrects it.
 */
export function nextCopy(record: PrintRecord): number | null {
  return record.printed ? record.copies + 1 : null;
}

/** The record once a print came back from its printer. */
export function recordAfter(printed: ProcedureOutput<'receipts.print'>): PrintRecord {
  return { printed: true, copies: printed.copy ?? 0 };
}

/**
 * The printer a receipt goes to unless the clerk picks another: the shop's default, else the
 * first one listed (named explicitly, so a shop without a default can still print); null when
 * the shop has none.
 */
export function firstChoice(setup: PrinterSetup): string | null {
  return setup.defaultPrinterId ?? setup.printers[0]?.id ?? null;
}
