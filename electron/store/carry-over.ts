import type { Database } from 'better-sqlite3';
import { isDatabaseDamage } from './database-check';
import {
  highestRowid,
  isRefusal,
  quoteName,
  readRow,
  type SalvagedRow,
  salvageRows,
  type UnreadableRow,
} from './salvage';

/*
 * What a restore carries from the file it replaces into the backup put in its place: every row
 * of the books the backup lacks, as it was (ids, receipt and Z numbers, hashes), so the chains
 * run on unbroken. The books are append-only and their rows numbered one above the highest, so
 * what the backup lacks is each table's rows above the backup's highest rowid. Two kinds of row
 * also change in place, by their own rules: a sale moves on through its events, and a shift
 * closes once; those of the backup are brought up to date the same way.
 */

/** The tables carried over, in an order where each row finds what it refers to. */
const carriedTables = {
  device: 'device',
  shopProfile: 'shop_profile',
  users: 'users',
  shifts: 'shifts',
  cashMovements: 'cash_movements',
  dealerBalanceReadings: 'dealer_balance_readings',
  sales: 'sales',
  saleEvents: 'sale_events',
  refunds: 'refunds',
  receipts: 'receipts',
  receiptCopies: 'receipt_copies',
  receiptOriginalPrints: 'receipt_original_prints',
  zReports: 'z_reports',
  zReportPrints: 'z_report_prints',
  balanceChecks: 'balance_checks',
  smsMessages: 'sms_messages',
  // What the head office has not acknowledged yet goes up after the restore; a fact the backup
  // holds as unsent but was sent since goes again, and the head office stores it once.
  outbox: 'outbox',
  // An enrolment made after the backup stays: the shop keeps syncing without a new code.
  headOffice: 'head_office',
  catalogChanges: 'catalog_changes',
} as const;

type CarriedTable = keyof typeof carriedTables;

/** How many rows of each table were carried over, and how many of the backup's were updated. */
export type CarriedOver = Record<CarriedTable, number> & {
  /** Sales of the backup that had moved on since (a sale sent, then settled). */
  salesMovedOn: number;
  /** Shifts open in the backup that were closed since. */
  shiftsClosed: number;
};

export interface CarryOverReport {
  carriedOver: CarriedOver;
  unreadable: UnreadableRow[];
}

export const nothingCarried = (): CarriedOver => ({
  ...(Object.fromEntries(Object.keys(carriedTables).map((name) => [name, 0])) as Record<
    CarriedTable,
    number
  >),
  salesMovedOn: 0,
  shiftsClosed: 0,
});

const tableNames = (db: Database) =>
  new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all());

const columnsOf = (db: Database, table: string) =>
  db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];

const messageOf = (error: unknown) => (error as Error).message;

/**
 * Carries into `result` (the backup, migrated to this version, open with foreign keys off: a row
 * whose parent could not be read is still kept) what `old` has that it lacks. Runs in one
 * transaction: a failure other than damage carries nothing.
 */
export function carryOver(old: Database, result: Database): CarryOverReport {
  const carriedOver = nothingCarried();
  const unreadable: UnreadableRow[] = [];
  const oldTables = tableNames(old);
  const inserts = new Map<string, (row: SalvagedRow) => boolean>();

  /** Inserts a row as it was; a row the backup refuses (it has one by that key) is listed. */
  const insert = (table: string, row: SalvagedRow) => {
    let run = inserts.get(table);
    if (!run) {
      const ours = new Set(columnsOf(result, table));
      const columns = Object.keys(row.values).filter((column) => ours.has(column));
      const statement = result.prepare(
        `INSERT INTO ${quoteName(table)} (${columns.map(quoteName).join(', ')})
         VALUES (${columns.map(() => '?').join(', ')})`,
      );
      run = (each: SalvagedRow) => {
        try {
          statement.run(...columns.map((column) => each.values[column]));
          return true;
        } catch (error) {
          if (!isRefusal(error)) throw error;
          const reason = `the restored database refuses it: ${messageOf(error)}`;
          // The report is printed and the CSV kept: a PIN hash stays in the database only.
          const { pin_hash: _secret, ...known } = each.values;
          unreadable.push({ table, number: each.rowid, reason, known });
          return false;
        }
      };
      inserts.set(table, run);
    }
    return run(row);
  };

  /** The old file's rows of a table above the backup's highest. */
  const newRows = (table: string) => {
    if (!oldTables.has(table)) return [];
    const found = salvageRows(old, table, highestRowid(result, table));
    unreadable.push(...found.unreadable);
    return found.rows;
  };

  /** The old file's version of one row of the backup, or null if it cannot be read. */
  const oldVersion = (table: string, rowid: number) => {
    try {
      return readRow(old, table, rowid);
    } catch (error) {
      if (!isDatabaseDamage(error)) throw error;
      unreadable.push({ table, number: rowid, reason: messageOf(error), known: {} });
      return null;
    }
  };

  const carry = (name: CarriedTable, rows: SalvagedRow[]) => {
    for (const row of rows) if (insert(carriedTables[name], row)) carriedOver[name]++;
  };

  result
    .transaction(() => {
      for (const name of ['device', 'shopProfile', 'users'] as const) {
        carry(name, newRows(carriedTables[name]));
      }
      carryShifts();
      carrySales();
      for (const name of [
        'refunds',
        'receipts',
        'receiptCopies',
        'receiptOriginalPrints',
        'zReports',
        'zReportPrints',
        'balanceChecks',
        'smsMessages',
        'outbox',
        'headOffice',
        'catalogChanges',
      ] as const) {
        carry(name, newRows(carriedTables[name]));
      }
    })
    .immediate();
  return { carriedOver, unreadable };

  /**
   * Shifts one after the other, each with its cash movements and balance readings (recorded
   * while it was open: the database refuses them in a closed shift), then closed if it was.
   * Only one shift is open at a time, the backup's own included.
   */
  function carryShifts() {
    const openInBackup = result
      .prepare('SELECT id FROM shifts WHERE closed_at IS NULL')
      .pluck()
      .get() as number | undefined;
    const shifts = new Map(newRows('shifts').map((row) => [row.rowid, row]));
    const movements = newRows('cash_movements');
    const readings = newRows('dealer_balance_readings');
    const ids = new Set(shifts.keys());
    if (openInBackup !== undefined) ids.add(openInBackup);
    for (const row of [...movements, ...readings]) ids.add(row.values.shift_id as number);
    const close = result.prepare(
      'UPDATE shifts SET closed_at = ?, closed_by = ? WHERE id = ? AND closed_at IS NULL',
    );
    for (const id of [...ids].sort((a, b) => a - b)) {
      const carried = shifts.get(id);
      if (carried) {
        const opened = {
          ...carried,
          values: { ...carried.values, closed_at: null, closed_by: null },
        };
        if (insert('shifts', opened)) carriedOver.shifts++;
      }
      const ofShift = (row: SalvagedRow) => row.values.shift_id === id;
      carry('cashMovements', movements.filter(ofShift));
      carry('dealerBalanceReadings', readings.filter(ofShift));
      const latest = carried ?? (id === openInBackup ? oldVersion('shifts', id) : null);
      if (latest?.values.closed_at != null) {
        const { closed_at, closed_by } = latest.values;
        const closed = close.run(closed_at, closed_by, id).changes > 0;
        if (closed && !carried) carriedOver.shiftsClosed++;
      }
    }
  }

  /**
   * New sales as they were; then their events. An event of a sale the backup has moves that
   * sale on as it did (the database checks each move), and the sale then takes the details the
   * old file recorded with its last move (modem, carrier reference, dealer balance).
   */
  function carrySales() {
    const inBackup = highestRowid(result, 'sales');
    carry('sales', newRows('sales'));
    const move = result.prepare('UPDATE sales SET status = ? WHERE id = ?');
    const details = result.prepare(`UPDATE sales SET modem_id = ?, carrier_reference = ?,
      dealer_balance_after = ?, updated_at = ? WHERE id = ?`);
    const movedOn = new Set<number>();
    for (const event of newRows('sale_events')) {
      if (!insert('sale_events', event)) continue;
      carriedOver.saleEvents++;
      const saleId = event.values.sale_id as number;
      if (saleId > inBackup) continue;
      try {
        move.run(event.values.to_status, saleId);
        movedOn.add(saleId);
      } catch (error) {
        if (!isRefusal(error)) throw error;
        const reason = `sale ${saleId} cannot move this way in the backup: ${messageOf(error)}`;
        unreadable.push({ table: 'sale_events', number: event.rowid, reason, known: event.values });
      }
    }
    for (const saleId of movedOn) {
      const latest = oldVersion('sales', saleId);
      if (latest) {
        const { modem_id, carrier_reference, dealer_balance_after, updated_at } = latest.values;
        details.run(modem_id, carrier_reference, dealer_balance_after, updated_at, saleId);
      }
    }
    carriedOver.salesMovedOn = movedOn.size;
  }
}
