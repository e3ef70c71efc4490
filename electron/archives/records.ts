import type { Database } from 'better-sqlite3';
import type { AuditEvent } from '../../shared/audit';
import type { ZReport } from '../../shared/day';
import type { Period, PeriodClosure } from '../../shared/period';
import type { IssuedReceipt } from '../../shared/receipt';

/**
 * Reads what an archive of a closed period holds from the till's books: its closure (and for a
 * year its month closures), the receipts and audit entries within the closure's bounds, and the
 * Z reports it sums up. Only reads; null when the period has no closure.
 */

interface Chained {
  content: string;
  hash: string;
  prev_hash: string;
}

const parsed = <T>(row: Chained): T =>
  ({ ...JSON.parse(row.content), hash: row.hash, prevHash: row.prev_hash }) as T;

export interface PeriodRecords {
  closures: PeriodClosure[];
  receipts: IssuedReceipt[];
  /** The paired counters' receipts within the bounds, by till then number. */
  counterReceipts: IssuedReceipt[];
  zReports: ZReport[];
  audit: AuditEvent[];
}

export function readPeriodRecords(
  db: Database,
  deviceId: string,
  period: Period,
): PeriodRecords | null {
  const closureRow = db
    .prepare<[string, string, string], Chained>(
      'SELECT content, hash, prev_hash FROM period_closures WHERE device_id = ? AND kind = ? AND period = ?',
    )
    .get(deviceId, period.kind, period.period);
  if (!closureRow) return null;
  const closure = parsed<PeriodClosure>(closureRow);
  const months =
    period.kind === 'year'
      ? db
          .prepare<[string, string], Chained>(
            `SELECT content, hash, prev_hash FROM period_closures
             WHERE device_id = ? AND kind = 'month' AND substr(period, 1, 4) = ? ORDER BY number`,
          )
          .all(deviceId, period.period)
          .map((row) => parsed<PeriodClosure>(row))
      : [];
  // Stored instants are ISO strings in UTC: they compare as text.
  const from = new Date(closure.from).toISOString();
  const to = new Date(closure.to).toISOString();
  const receipts = db
    .prepare<[string, string, string], Chained>(
      `SELECT content, hash, prev_hash FROM receipts
       WHERE device_id = ? AND issued_at >= ? AND issued_at < ? ORDER BY number`,
    )
    .all(deviceId, from, to)
    .map((row) => parsed<IssuedReceipt>(row));
  const counterReceipts = db
    .prepare<[string, string, string], Chained>(
      `SELECT content, hash, prev_hash FROM receipts
       WHERE device_id != ? AND issued_at >= ? AND issued_at < ? ORDER BY device_id, number`,
    )
    .all(deviceId, from, to)
    .map((row) => parsed<IssuedReceipt>(row));
  const { first, last } = closure.zReports;
  const zReports =
    first === null || last === null
      ? []
      : db
          .prepare<[string, number, number], Chained>(
            `SELECT content, hash, prev_hash FROM z_reports
             WHERE device_id = ? AND number BETWEEN ? AND ? ORDER BY number`,
          )
          .all(deviceId, first, last)
          .map((row) => parsed<ZReport>(row));
  const audit = db
    .prepare<[string, string, string], Chained>(
      `SELECT content, hash, prev_hash FROM audit_events
       WHERE device_id = ? AND at >= ? AND at < ? ORDER BY seq`,
    )
    .all(deviceId, from, to)
    .map((row) => parsed<AuditEvent>(row));
  return { closures: [...months, closure], receipts, counterReceipts, zReports, audit };
}
