import fs from 'node:fs';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { copyPrivateFile } from '../private-files';
import { isDatabaseDamage, sqliteCode } from './database-check';

/*
 * Reading what can still be read of a damaged database. SQLite stops a scan at the first page it
 * cannot read; rows on the pages after it are often whole. So a table is read in rowid order
 * until it fails, then across the bad page row by row and on from the next row found: one bad
 * page loses only the rows it held, and each of those is named by its number, with what the
 * table's indexes (other pages) still tell of it.
 */

/** A row the database's rules refuse (a key taken, a check, a trigger), as opposed to a fault. */
export const isRefusal = (error: unknown) => sqliteCode(error).startsWith('SQLITE_CONSTRAINT');

/** A row read, with its rowid (the id, for tables that have an INTEGER PRIMARY KEY). */
export interface SalvagedRow {
  rowid: number;
  values: Record<string, unknown>;
}

export interface UnreadableRow {
  /** Its table; null when the file itself could not be read (no table of it is known). */
  table: string | null;
  /** Its number (the row's id, or SQLite's rowid where the key is another); null when unknown. */
  number: number | null;
  reason: string;
  /** What could still be read of it: its indexed columns (a sale's card number, its time). */
  known: Record<string, unknown>;
}

const ROWID = 'comptoir_salvaged_rowid';

export const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`;

const messageOf = (error: unknown) => (error as Error).message;

function rethrowUnlessDamage(error: unknown) {
  if (!isDatabaseDamage(error)) throw error;
}

const splitRow = (row: Record<string, unknown>): SalvagedRow => {
  const { [ROWID]: rowid, ...values } = row;
  return { rowid: rowid as number, values };
};

/**
 * What a table's indexes say of its rows after `after`, by rowid. An index lives on pages of its
 * own, so it often still tells which rows were there, and some of their columns, when the
 * table's page is gone. Partial and expression indexes are skipped: they list only some rows.
 */
function knownFromIndexes(db: Database, table: string, after: number) {
  const known = new Map<number, Record<string, unknown>>();
  const indexes = db
    .prepare('SELECT name FROM pragma_index_list(?) WHERE partial = 0')
    .pluck()
    .all(table) as string[];
  for (const index of indexes) {
    const columns = db.prepare('SELECT name FROM pragma_index_info(?)').pluck().all(index) as (
      | string
      | null
    )[];
    if (columns.length === 0 || columns.includes(null)) continue;
    const entries = db.prepare(
      `SELECT rowid AS ${ROWID}, ${columns.map((c) => quoteName(c as string)).join(', ')}
       FROM ${quoteName(table)} INDEXED BY ${quoteName(index)} WHERE rowid > ?`,
    );
    try {
      for (const entry of entries.iterate(after) as Iterable<Record<string, unknown>>) {
        const { rowid, values } = splitRow(entry);
        known.set(rowid, { ...known.get(rowid), ...values });
      }
    } catch (error) {
      // A damaged index still told what it read before the damage.
      rethrowUnlessDamage(error);
    }
  }
  return known;
}

/** The highest rowid of a table (found down its rightmost pages); 0 for an empty table. */
export const highestRowid = (db: Database, table: string) =>
  (db
    .prepare(`SELECT max(rowid) FROM ${quoteName(table)}`)
    .pluck()
    .get() as number | null) ?? 0;

/** The highest rowid of a table, or 0 when the pages leading to it cannot be read. */
function lastReadableRowid(db: Database, table: string): number {
  try {
    return highestRowid(db, table);
  } catch (error) {
    rethrowUnlessDamage(error);
    return 0;
  }
}

/**
 * Every row of `table` whose rowid is above `after`, read as far as the file allows, and the
 * rows that could not be read. Errors that are not damage (a missing table, a bug) are thrown.
 */
export function salvageRows(
  db: Database,
  table: string,
  after: number,
): { rows: SalvagedRow[]; unreadable: UnreadableRow[] } {
  const rows: SalvagedRow[] = [];
  let last = after;
  const scan = db.prepare(
    `SELECT rowid AS ${ROWID}, * FROM ${quoteName(table)} WHERE rowid > ? ORDER BY rowid`,
  );
  try {
    for (const row of scan.iterate(after) as Iterable<Record<string, unknown>>) {
      const salvaged = splitRow(row);
      rows.push(salvaged);
      last = salvaged.rowid;
    }
    return { rows, unreadable: [] };
  } catch (error) {
    rethrowUnlessDamage(error);
  }
  // From where the scan stopped: the next row after each one read, found down the table's pages
  // from its root, so a damaged page is stepped around; where that fails too, row by row, each
  // number a row (rowids are handed out one above the highest; these rows are never deleted) up
  // to the last one anything still knows of.
  const known = knownFromIndexes(db, table, last);
  const knownRowids = [...known.keys()].sort((a, b) => a - b);
  const end = Math.max(last, lastReadableRowid(db, table), knownRowids.at(-1) ?? 0);
  const next = db.prepare(
    `SELECT rowid AS ${ROWID}, * FROM ${quoteName(table)} WHERE rowid > ? ORDER BY rowid LIMIT 1`,
  );
  const one = db.prepare(`SELECT rowid AS ${ROWID}, * FROM ${quoteName(table)} WHERE rowid = ?`);
  const unreadable: UnreadableRow[] = [];
  const lost = (rowid: number, reason: string) =>
    unreadable.push({ table, number: rowid, reason, known: known.get(rowid) ?? {} });
  let at = last;
  let passed = 0;
  /** Rows an index lists between `at` and `rowid` that the table no longer has. */
  const lostBefore = (rowid: number) => {
    for (; passed < knownRowids.length && (knownRowids[passed] as number) < rowid; passed++) {
      const listed = knownRowids[passed] as number;
      if (listed > at) lost(listed, 'its index lists it, its table has lost it');
    }
  };
  for (;;) {
    try {
      const row = next.get(at) as Record<string, unknown> | undefined;
      const salvaged = row ? splitRow(row) : null;
      lostBefore(salvaged?.rowid ?? Number.POSITIVE_INFINITY);
      if (!salvaged) break;
      rows.push(salvaged);
      at = salvaged.rowid;
      continue;
    } catch (error) {
      rethrowUnlessDamage(error);
    }
    if (at >= end) {
      // Nothing tells how many rows came after: say so rather than nothing.
      const reason = `the rows after number ${at} could not be read, nor counted`;
      unreadable.push({ table, number: null, reason, known: {} });
      break;
    }
    at++;
    try {
      const row = one.get(at) as Record<string, unknown> | undefined;
      if (row) rows.push(splitRow(row));
      else if (known.has(at)) lost(at, 'its index lists it, its table has lost it');
    } catch (error) {
      rethrowUnlessDamage(error);
      lost(at, messageOf(error));
    }
  }
  return { rows, unreadable };
}

/** One row by its rowid: null if there is none; throws if it cannot be read. */
export function readRow(db: Database, table: string, rowid: number): SalvagedRow | null {
  const row = db
    .prepare(`SELECT rowid AS ${ROWID}, * FROM ${quoteName(table)} WHERE rowid = ?`)
    .get(rowid) as Record<string, unknown> | undefined;
  return row ? splitRow(row) : null;
}

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

/**
 * Opens a private copy of a database file, with its -wal (commits not yet folded into it), to
 * read what it can: the file itself is kept as it was, for the record. A copy whose first 16
 * bytes ("SQLite format 3") were overwritten gets them back: SQLite refuses a file without
 * them, though the pages behind may be whole.
 */
export function openCopyToSalvage(file: string, copy: string): Database {
  copyPrivateFile(file, copy);
  if (fs.existsSync(`${file}-wal`)) copyPrivateFile(`${file}-wal`, `${copy}-wal`);
  const fd = fs.openSync(copy, 'r+');
  try {
    const head = Buffer.alloc(MAGIC.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    if (fs.fstatSync(fd).size >= HEADER_BYTES && read === head.length && !head.equals(MAGIC)) {
      fs.writeSync(fd, MAGIC, 0, MAGIC.length, 0);
    }
  } finally {
    fs.closeSync(fd);
  }
  return new BetterSqlite3(copy, { fileMustExist: true });
}
