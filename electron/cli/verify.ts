import { z } from 'zod';
import { booksHold, type ChainFinding } from '../../shared/books';
import { createTills } from '../counters/tills';
import { verifyBooks } from '../sales/books-verification';
import { shopProfileStore } from '../store/shop-profile';
import { findDeviceId } from '../store/users';
import { type Command, UsageError } from './command';
import { openShopDatabaseReadOnly } from './shop-database';

function describeFinding(label: string, finding: ChainFinding): string {
  if (finding.ok) return `${label}: ${finding.count}, chain intact`;
  return `${label}: ${finding.count}, chain BROKEN at number ${finding.brokenAt} (${finding.reason})`;
}

export const verifyCommand: Command = {
  name: 'verify',
  usage: 'verify [--db PATH] [--day YYYY-MM-DD]',
  summary:
    "Check the receipts of every till (the hub's and each counter's) and the Z reports: each one's hash, its link to the one before, no gap; all of them, or those of one day (the shop's day, in its time zone). Reads the database without changing it; exits 1 if a chain is broken.",
  options: { db: { type: 'string' }, day: { type: 'string' } },
  async run({ values, positionals, output }) {
    if (positionals.length > 0) throw new UsageError(`Unexpected "${positionals.join(' ')}"`);
    const day = values.day === undefined ? undefined : String(values.day);
    if (day !== undefined && !z.iso.date().safeParse(day).success) {
      throw new UsageError(`--day is a date written YYYY-MM-DD, not "${day}"`);
    }
    const { file, db } = openShopDatabaseReadOnly(values.db);
    try {
      const deviceId = findDeviceId(db);
      const now = () => new Date();
      const shop = shopProfileStore(db, now);
      // A till whose shop was never set up has sold nothing; its days are UTC's.
      const timeZone = shop.get()?.timeZone ?? 'UTC';
      // Every till's receipts: the hub's own and each counter's, revoked ones included.
      const tills = deviceId === null ? [] : createTills(db, { deviceId, shop, now }).list();
      const books = verifyBooks(db, { deviceId, timeZone, tills, ...(day ? { day } : {}) });
      const heading = day ? `Day ${day} (${timeZone})` : 'All days';
      output.result(
        { database: file, deviceId, timeZone, ...books },
        [
          heading,
          describeFinding('Receipts', books.receipts),
          describeFinding('Z reports', books.zReports),
          ...(books.tills ?? []).flatMap((till) => [
            describeFinding(`Receipts at ${till.tillName}`, till.receipts),
            ...(till.zReports
              ? [describeFinding(`Z reports at ${till.tillName}`, till.zReports)]
              : []),
          ]),
        ].join('\n'),
      );
      if (!booksHold(books)) {
        const broken = (books.tills ?? []).filter(
          (till) => !till.receipts.ok || !(till.zReports?.ok ?? true),
        );
        const at =
          broken.length === 0 ? '' : ` (at ${broken.map((till) => till.tillName).join(', ')})`;
        throw new Error(`The books of ${file} do not verify${at}`);
      }
    } finally {
      db.close();
    }
  },
};
