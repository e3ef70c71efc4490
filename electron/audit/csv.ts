import { stringify } from 'csv-stringify/sync';
import type { AuditEvent } from '../../shared/audit';
import { localDateTimeText } from '../../shared/local-time';

/**
 * The audit trail as CSV (`audit.export`): one row per entry, oldest first, UTF-8 with a byte
 * order mark, comma separated, a header row of stable column names, quoted only when needed.
 * `before` and `after` are JSON (PINs were masked when the entry was recorded); `hash` and
 * `prev_hash` let the chain be checked again from the file. The README lists the same columns;
 * change both together, and only by adding columns.
 */
export const auditColumns = [
  'seq', // the entry's number on this till, 1, 2, 3… without gaps
  'at_utc', // when it was done, ISO 8601 UTC as stored
  'at_local', // the same in the shop's time zone, YYYY-MM-DD HH:MM:SS
  'till', // the till's name then
  'device_id',
  'kind', // area.act, e.g. prices.changed (shared/audit.ts)
  'actor', // role:id in the role they had then (manager:3), empty when nobody is known
  'actor_name', // their name; for a wrong PIN, the name typed
  'approved_by', // the manager whose name and PIN a clerk's screen carried
  'subject', // what it was done to: a receipt or Z number, a user id, a carrier id, a file…
  'before', // JSON
  'after', // JSON
  'hash',
  'prev_hash',
] as const;

const BOM = '\uFEFF';
const json = (value: unknown) => (value === null ? '' : JSON.stringify(value));

export function auditCsv(events: readonly AuditEvent[], timeZone: string): string {
  const rows = events.map((event) => ({
    seq: event.seq,
    at_utc: event.at,
    at_local: localDateTimeText(new Date(event.at), timeZone),
    till: event.tillName,
    device_id: event.deviceId,
    kind: event.kind,
    actor: event.actor ?? '',
    actor_name: event.actorName ?? '',
    approved_by: event.approvedBy ?? '',
    subject: event.subject ?? '',
    before: json(event.before),
    after: json(event.after),
    hash: event.hash,
    prev_hash: event.prevHash,
  }));
  return BOM + stringify(rows, { header: true, columns: [...auditColumns] });
}
