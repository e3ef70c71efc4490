import type { Database } from 'better-sqlite3';
import type { ReceiptContent } from '../../shared/receipt';
import type { BookedReceipt } from './journal';

interface Row {
  sale_id: number;
  content: string;
  tax_rate: number | null;
  previous: string | null;
}

/**
 * The till's receipts issued in a window, in number order, with their sale's tax rate and the
 * sale's receipt before each. Bounds are ISO instants as stored; `after` is exclusive and `until`
 * inclusive for a Z report's window, `from` inclusive and `to` exclusive for a calendar period.
 */
export function createAccountantBooks(db: Database, deviceId: string) {
  const select = (where: string) =>
    db.prepare<[string, string, string], Row>(`
      SELECT r.sale_id, r.content, s.tax_rate,
        (SELECT p.content FROM receipts p
          WHERE p.device_id = r.device_id AND p.sale_id = r.sale_id AND p.number < r.number
          ORDER BY p.number DESC LIMIT 1) AS previous
      FROM receipts r JOIN sales s ON s.id = r.sale_id
      WHERE r.device_id = ? AND ${where} ORDER BY r.number`);
  const inPeriod = select('r.issued_at >= ? AND r.issued_at < ?');
  // Every till's: each till's receipts in its own number order, the tills' interleaved by time.
  const everyTillInPeriod = db.prepare<[string, string], Row>(`
      SELECT r.sale_id, r.content, s.tax_rate,
        (SELECT p.content FROM receipts p
          WHERE p.device_id = r.device_id AND p.sale_id = r.sale_id AND p.number < r.number
          ORDER BY p.number DESC LIMIT 1) AS previous
      FROM receipts r JOIN sales s ON s.id = r.sale_id
      WHERE r.issued_at >= ? AND r.issued_at < ? ORDER BY r.issued_at, r.device_id, r.number`);
  const inZ = select('r.issued_at > ? AND r.issued_at <= ?');
  // Read back as stored: the books report what was issued, the chain says if it was altered.
  const booked = (row: Row): BookedReceipt => ({
    saleId: row.sale_id,
    content: JSON.parse(row.content) as ReceiptContent,
    saleTaxRate: row.tax_rate,
    previous: row.previous === null ? null : (JSON.parse(row.previous) as ReceiptContent),
  });
  return {
    /** Receipts issued in [from, to). */
    issuedIn: (from: Date, to: Date) =>
      inPeriod.all(deviceId, from.toISOString(), to.toISOString()).map(booked),
    /** Every till's receipts issued in [from, to): the shop's, for the accountant. */
    issuedAtEveryTill: (from: Date, to: Date) =>
      everyTillInPeriod.all(from.toISOString(), to.toISOString()).map(booked),
    /** Receipts issued in a Z report's window: after the previous close, up to this one. */
    issuedInZ: (after: string | null, until: string) =>
      inZ.all(deviceId, after ?? '', until).map(booked),
  };
}

export type AccountantBooks = ReturnType<typeof createAccountantBooks>;
