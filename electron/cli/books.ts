import { createShiftBook } from '../day/shifts';
import { createReceiptBook } from '../sales/receipts';
import { findDeviceId } from '../store/users';
import { type Command, UsageError } from './command';
import { openShopDatabaseReadOnly } from './shop-database';

/** What a chain check found, as the command prints it. */
type ChainFinding =
  | { ok: true; count: number }
  | { ok: false; count: number; brokenAt: number; reason: string };

function describeFinding(label: string, finding: ChainFinding): string {
  if (finding.ok) return `${label}: ${finding.count}, chain intact`;
  return `${label}: ${finding.count}, chain BROKEN at number ${finding.brokenAt} (${finding.reason})`;
}

export const booksVerifyCommand: Command = {
  name: 'books verify',
  usage: 'books verify [--db PATH]',
  summary:
    "Check this till's receipts and Z reports: each one's hash, its link to the one before, no gap. Reads the database without changing it; exits 1 if a chain is broken.",
  options: { db: { type: 'string' } },
  async run({ values, positionals, output }) {
    if (positionals.length > 0) throw new UsageError(`Unexpected "${positionals.join(' ')}"`);
    const { file, db } = openShopDatabaseReadOnly(values.db);
    try {
      const device = findDeviceId(db);
      const count = (table: 'receipts' | 'z_reports') =>
        device === null
          ? 0
          : (db
              .prepare(`SELECT count(*) FROM ${table} WHERE device_id = ?`)
              .pluck()
              .get(device) as number);
      const now = () => new Date();
      // A till that never started has no books yet: nothing to break.
      const receiptsCheck =
        device === null ? ({ ok: true } as const) : createReceiptBook(db, device, now).verify();
      const zCheck =
        device === null
          ? ({ ok: true } as const)
          : createShiftBook(db, { deviceId: device, now, nameOf: () => null }).verify();
      const receipts: ChainFinding = receiptsCheck.ok
        ? { ok: true, count: count('receipts') }
        : {
            ok: false,
            count: count('receipts'),
            // The check names a position in the chain from receipt 1.
            brokenAt: receiptsCheck.brokenAt + 1,
            reason: receiptsCheck.reason,
          };
      const zReports: ChainFinding = zCheck.ok
        ? { ok: true, count: count('z_reports') }
        : {
            ok: false,
            count: count('z_reports'),
            brokenAt: zCheck.brokenAt,
            reason: 'hash_or_link_mismatch',
          };
      output.result(
        { database: file, deviceId: device, receipts, zReports },
        [describeFinding('Receipts', receipts), describeFinding('Z reports', zReports)].join('\n'),
      );
      if (!receipts.ok || !zReports.ok) throw new Error(`The books of ${file} do not verify`);
    } finally {
      db.close();
    }
  },
};
