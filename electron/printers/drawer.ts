import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import { hasCashDrawer, type Printer } from '../../shared/printer';
import { type Actor, formatActor } from '../../shared/user';
import type { PrinterStore } from '../store/printers';

export type DrawerPrinter = Printer & { kind: 'tcp' | 'serial'; cashDrawer: true };

const withDrawer = (printer: Printer | null | undefined): printer is DrawerPrinter =>
  !!printer && hasCashDrawer(printer);

/**
 * The printer whose drawer opens: the one named, else the default one if it has a drawer, else
 * the first printer with one; refused when that printer has none.
 */
export function chooseDrawer(printers: PrinterStore, printerId: string | undefined): DrawerPrinter {
  const chosen =
    printerId === undefined
      ? [printers.defaultPrinter(), ...printers.get().printers].find(withDrawer)
      : printers.find(printerId);
  if (printerId !== undefined && !chosen) {
    const message = `No printer "${printerId}"`;
    throw new ApiError('invalid_input', message, [
      { path: 'printer', code: 'unknown_printer', message },
    ]);
  }
  if (!withDrawer(chosen)) {
    const message = 'No printer with a cash drawer';
    throw new ApiError('invalid_input', message, [
      { path: 'printer', code: 'no_cash_drawer', message },
    ]);
  }
  return chosen;
}

/** Each opening of the drawer without a sale: where, who asked, which manager allowed it, why. */
export function createDrawerLog(db: Database, now: () => Date) {
  const insert = db.prepare(`
    INSERT INTO drawer_openings (at, printer_id, actor, approved_by, reason)
    VALUES (?, ?, ?, ?, ?)`);
  return {
    /** Returns when it was opened (ISO 8601 UTC). */
    record(opening: { printerId: string; by: Actor; approvedBy: Actor; reason: string }): string {
      const at = now().toISOString();
      insert.run(
        at,
        opening.printerId,
        formatActor(opening.by),
        formatActor(opening.approvedBy),
        opening.reason,
      );
      return at;
    },
  };
}
