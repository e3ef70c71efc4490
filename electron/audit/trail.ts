import type { Database } from 'better-sqlite3';
import type { AuditEvent, AuditFilter, AuditKind } from '../../shared/audit';
import type { ChainFinding } from '../../shared/books';
import { localDay, wallClockToInstant } from '../../shared/local-time';
import { auditFact } from '../head-office/facts';
import { recordFact } from '../head-office/outbox';
import { canonicalJson } from '../store/canonical-json';
import { chainGenesis, chainHash, verifyChain } from '../store/hash-chain';

/** What an act is recorded with; the trail adds the number, the time, the till and the chain. */
export interface AuditAct {
  kind: AuditKind;
  actor: string | null;
  actorName: string | null;
  approvedBy?: string | null;
  subject?: string | null;
  before?: unknown;
  after?: unknown;
}

interface TrailDeps {
  db: Database;
  now: () => Date;
  deviceId: string;
  /** The till's name now (the shop profile's), written into each entry as it is recorded. */
  tillName: () => string;
  /** False in safe mode (a read-only database): nothing is recorded, and nothing fails for it. */
  writable: () => boolean;
}

type Content = Omit<AuditEvent, 'hash' | 'prevHash'>;

interface Row {
  seq: number;
  content: string;
  hash: string;
  prev_hash: string;
}

const chainName = 'audit_events';

const eventOf = (row: Row): AuditEvent => ({
  ...(JSON.parse(row.content) as Content),
  hash: row.hash,
  prevHash: row.prev_hash,
});

/**
 * The audit trail of this till in `audit_events` (migration 0020): each act appended as the next
 * number, chained by its hash to the one before (electron/store/hash-chain.ts), never changed.
 * The entry's content is its canonical JSON without hash and link, so the chain is checked from
 * the stored text alone, as an archive checks it.
 */
export function createAuditTrail(deps: TrailDeps) {
  const { db, deviceId } = deps;
  const last = db.prepare<[string], { seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_events WHERE device_id = ? ORDER BY seq DESC LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO audit_events (device_id, seq, at, kind, actor, content, hash, prev_hash)
     VALUES (@deviceId, @seq, @at, @kind, @actor, @content, @hash, @prevHash)`,
  );
  const append = db.transaction((act: AuditAct): AuditEvent => {
    const previous = last.get(deviceId);
    const content: Content = {
      seq: (previous?.seq ?? 0) + 1,
      at: deps.now().toISOString(),
      deviceId,
      tillName: deps.tillName(),
      kind: act.kind,
      actor: act.actor,
      actorName: act.actorName,
      approvedBy: act.approvedBy ?? null,
      subject: act.subject ?? null,
      before: act.before ?? null,
      after: act.after ?? null,
    };
    // Through JSON once: what is hashed is exactly what is stored and read back.
    const stored = JSON.parse(JSON.stringify(content)) as Content;
    const prevHash = previous?.hash ?? chainGenesis;
    const hash = chainHash(prevHash, stored, chainName);
    const text = canonicalJson(stored, chainName);
    insert.run({
      deviceId,
      seq: stored.seq,
      at: stored.at,
      kind: stored.kind,
      actor: stored.actor,
      content: text,
      hash,
      prevHash,
    });
    const row = { deviceId, number: stored.seq, content: text, hash, prevHash };
    const { kind, actor, at } = stored;
    recordFact(db, auditFact(db, { ...row, kind, actor, at }), new Date(at));
    return { ...stored, hash, prevHash };
  });

  /** The entries the filter finds, newest first (`limit` null: all of them). */
  function find(filter: Omit<AuditFilter, 'limit'>, timeZone: string, limit: number | null) {
    const where = ['device_id = @deviceId'];
    const params: Record<string, unknown> = { deviceId };
    if (filter.kind) {
      where.push('kind = @kind');
      params.kind = filter.kind;
    }
    if (filter.userId !== undefined) {
      // An actor is `<role>:<id>` in the role they had then (shared/user.ts formatActor).
      where.push('actor IN (@asClerk, @asManager)');
      params.asClerk = `clerk:${filter.userId}`;
      params.asManager = `manager:${filter.userId}`;
    }
    if (filter.day) {
      const [year, month, day] = filter.day.split('-').map(Number) as [number, number, number];
      const midnight = { year, month, day, hour: 0, minute: 0, second: 0 };
      const { from, to } = localDay(wallClockToInstant(midnight, timeZone), timeZone);
      where.push('at >= @from AND at < @to');
      params.from = from.toISOString();
      params.to = to.toISOString();
    }
    if (filter.beforeSeq !== undefined) {
      where.push('seq < @beforeSeq');
      params.beforeSeq = filter.beforeSeq;
    }
    const rows = db
      .prepare<Record<string, unknown>, Row>(
        `SELECT seq, content, hash, prev_hash FROM audit_events WHERE ${where.join(' AND ')}
         ORDER BY seq DESC ${limit === null ? '' : 'LIMIT @limit'}`,
      )
      .all(limit === null ? params : { ...params, limit: limit + 1 });
    const more = limit !== null && rows.length > limit;
    return { events: rows.slice(0, limit ?? rows.length).map(eventOf), more };
  }

  return {
    /**
     * Appends an act; in safe mode records nothing. A failure to record is logged by the caller
     * and never undoes the act, which has happened.
     */
    record(act: AuditAct): AuditEvent | null {
      if (!deps.writable()) return null;
      return append(act);
    },
    find,
    /** Checks the whole chain of this till from its first entry. */
    verify(): ChainFinding {
      const rows = db
        .prepare<[string], Row>(
          'SELECT seq, content, hash, prev_hash FROM audit_events WHERE device_id = ? ORDER BY seq',
        )
        .iterate(deviceId);
      function* records() {
        for (const row of rows) {
          let content: unknown;
          try {
            content = JSON.parse(row.content);
          } catch {
            content = row.content;
          }
          yield { number: row.seq, content, hash: row.hash, prevHash: row.prev_hash };
        }
      }
      return verifyChain(records(), chainName);
    },
  };
}

export type AuditTrail = ReturnType<typeof createAuditTrail>;
