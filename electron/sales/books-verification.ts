import type { Database } from 'better-sqlite3';
import type { BooksVerification, ChainFinding } from '../../shared/books';
import type { Till } from '../../shared/counters';
import { localDate, localDay, wallClockToInstant } from '../../shared/local-time';
import { createShiftBook } from '../day/shifts';
import { createReceiptBook } from './receipts';

/*
 * Checks a till's books: its receipt chain and its Z chain, whole or for one of the shop's days,
 * naming the first record that does not fit. One check for `comptoir verify`, the manager's
 * `receipts.verify` and the check at every start. It only reads.
 */

/** Where the shop's day `date` (YYYY-MM-DD) starts and ends, in its zone. */
export function dayBounds(date: string, timeZone: string): { from: Date; to: Date } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  // Noon is inside the day whatever the clocks do at midnight.
  const noon = wallClockToInstant({ year, month, day, hour: 12, minute: 0, second: 0 }, timeZone);
  return localDay(noon, timeZone);
}

/** One till's receipt chain, whole or over `period`, broken at a receipt's number. */
function receiptFinding(
  db: Database,
  tillId: string,
  period: { from: Date; to: Date } | undefined,
): ChainFinding {
  const receiptCheck = createReceiptBook(db, tillId, () => new Date()).check(period);
  const { verification } = receiptCheck;
  return verification.ok
    ? { ok: true, count: receiptCheck.count }
    : {
        ok: false,
        count: receiptCheck.count,
        // The chain check names a position in the run; the shop reads receipt numbers.
        brokenAt: receiptCheck.first + verification.brokenAt,
        reason: verification.reason,
      };
}

export function verifyBooks(
  db: Database,
  options: {
    deviceId: string | null;
    timeZone: string;
    day?: string;
    /** Every till, each till's receipt chain checked on its own (`tills`, when counters sold). */
    tills?: readonly Pick<Till, 'id' | 'name'>[];
  },
): BooksVerification {
  const day = options.day ?? null;
  const { deviceId } = options;
  // A till that never started has no books yet: nothing to break.
  if (deviceId === null) {
    return { day, receipts: { ok: true, count: 0 }, zReports: { ok: true, count: 0 } };
  }
  const period = day === null ? undefined : dayBounds(day, options.timeZone);
  const now = () => new Date();
  const receipts = receiptFinding(db, deviceId, period);
  const zReports = createShiftBook(db, { deviceId, now, nameOf: () => null }).verify(period);
  // A shop without counters has one chain: its books read as they did before counters.
  if (!options.tills || options.tills.length < 2) return { day, receipts, zReports };
  const tills = options.tills.map((till) => ({
    tillId: till.id,
    tillName: till.name,
    receipts: till.id === deviceId ? receipts : receiptFinding(db, till.id, period),
  }));
  return { day, receipts, zReports, tills };
}

/** The shop's day of the last receipt issued, or null when there is none. */
export function lastDayWithReceipts(
  db: Database,
  deviceId: string | null,
  timeZone: string,
): string | null {
  const issuedAt = db
    .prepare<[string | null], string>(
      'SELECT issued_at FROM receipts WHERE device_id = ? ORDER BY number DESC LIMIT 1',
    )
    .pluck()
    .get(deviceId);
  return issuedAt === undefined ? null : localDate(new Date(issuedAt), timeZone);
}

/**
 * The check at start: today and the last day that has receipts (one day each, so it stays fast
 * on years of books). Returns every day checked.
 */
export function verifyRecentDays(
  db: Database,
  options: {
    deviceId: string | null;
    timeZone: string;
    now: Date;
    tills?: readonly Pick<Till, 'id' | 'name'>[];
  },
): BooksVerification[] {
  const today = localDate(options.now, options.timeZone);
  const last = lastDayWithReceipts(db, options.deviceId, options.timeZone);
  const days = last === null || last === today ? [today] : [last, today];
  return days.map((day) => verifyBooks(db, { ...options, day }));
}
