import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

/**
 * Where a table or index starts in the file (its root page: in a small test database, the whole
 * of it), after folding the WAL in so the page on disk is the one SQLite reads.
 */
function rootPageOf(file: string, name: string): { offset: number; size: number } {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const root = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(name);
    if (typeof root !== 'number') throw new Error(`No table or index named ${name} in ${file}`);
    const size = db.pragma('page_size', { simple: true }) as number;
    return { offset: (root - 1) * size, size };
  } finally {
    db.close();
  }
}

function rewritePage(
  file: string,
  { offset, size }: { offset: number; size: number },
  change: (page: Buffer) => void,
) {
  const fd = fs.openSync(file, 'r+');
  try {
    const page = Buffer.alloc(size);
    fs.readSync(fd, page, 0, size, offset);
    change(page);
    fs.writeSync(fd, page, 0, size, offset);
  } finally {
    fs.closeSync(fd);
  }
}

/** Overwrites the page of a table or index with garbage, as a bad write of a disk leaves it. */
export function overwritePageOf(file: string, name: string) {
  rewritePage(file, rootPageOf(file, name), (page) => page.fill(0x5a));
}

/**
 * Changes bytes of one entry of an index in place (text, or the bytes of a record): the page stays
 * well formed, so SQLite's quick check passes, but the entry no longer matches its table, which
 * only the full check sees, or a read that follows it to a row that is not there.
 */
export function alterIndexEntry(
  file: string,
  index: string,
  from: string | Uint8Array,
  to: string | Uint8Array,
) {
  const bytes = (value: string | Uint8Array) =>
    typeof value === 'string' ? Buffer.from(value, 'latin1') : Buffer.from(value);
  const [was, now] = [bytes(from), bytes(to)];
  if (was.length !== now.length) throw new Error('An entry is altered in place: same length');
  rewritePage(file, rootPageOf(file, index), (page) => {
    // Cells fill a page from its end: the last match is an entry, not its header.
    const at = page.lastIndexOf(was);
    if (at < 0) throw new Error(`${was.toString('hex')} is not in the page of ${index}`);
    now.copy(page, at);
  });
}

/**
 * Overwrites the page of a closed database file that holds `text` in a row of `table` (not in
 * an index of it), as a bad sector does; returns the page's number and its bytes before.
 */
export function damagePageOf(file: string, table: string, text: string) {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = new Set(
    db
      .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'")
      .pluck()
      .all(table) as number[],
  );
  db.close();
  const bytes = fs.readFileSync(file);
  const needle = Buffer.from(text);
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
    const page = Math.floor(at / pageSize) + 1;
    if (!pages.has(page)) continue;
    const start = (page - 1) * pageSize;
    const before = Buffer.from(bytes.subarray(start, start + pageSize));
    rewritePage(file, { offset: start, size: pageSize }, (bad) => bad.fill(0xa5));
    return { page, before };
  }
  throw new Error(`No leaf page of ${table} holds ${text}`);
}
