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

function rewritePage(file: string, name: string, change: (page: Buffer) => void) {
  const { offset, size } = rootPageOf(file, name);
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
  rewritePage(file, name, (page) => page.fill(0x5a));
}

/**
 * Changes bytes of one entry of an index in place: the page stays well formed (SQLite's quick
 * check passes, reads work) but no longer matches its table, which only the full check sees.
 */
export function alterIndexEntry(file: string, index: string, from: string, to: string) {
  if (from.length !== to.length) throw new Error('An entry is altered in place: same length');
  rewritePage(file, index, (page) => {
    const at = page.indexOf(from, 0, 'latin1');
    if (at < 0) throw new Error(`"${from}" is not in the page of ${index}`);
    page.write(to, at, 'latin1');
  });
}
