import type { Database } from 'better-sqlite3';
import { canonicalJson } from '../../electron/store/canonical-json';
import { chainGenesis, chainHash } from '../../electron/store/hash-chain';
import { findDeviceId } from '../../electron/store/users';
import type { AuditEvent, AuditKind } from '../../shared/audit';
import type { PeriodClosure, PeriodKind } from '../../shared/period';
import { signedIn, xpf } from './api';
import type { withTestHosts } from './host';

type TestHost = Awaited<ReturnType<ReturnType<typeof withTestHosts>>>;

/*
 * Closures and audit entries written as real rows, chained with `chainHash`, for the archive
 * tests while `periods.close` and the audit trail are built beside them: the merger replaces
 * these with the procedures themselves.
 */

const lastOf = (db: Database, sql: string, ...params: unknown[]) =>
  db.prepare<unknown[], { number: number; hash: string }>(sql).get(...params) ?? {
    number: 0,
    hash: chainGenesis,
  };

/**
 * Closes a period in `period_closures` over the Z reports issued within [from, to): numbered
 * after the last closure of its kind and chained to it. Its sums are left at zero: the archive
 * reads what a closure links to, not what it adds up.
 */
export function writeClosure(
  db: Database,
  closure: { deviceId: string; kind: PeriodKind; period: string; from: Date; to: Date; at: Date },
): PeriodClosure {
  const previous = lastOf(
    db,
    'SELECT number, hash FROM period_closures WHERE device_id = ? AND kind = ? ORDER BY number DESC LIMIT 1',
    closure.deviceId,
    closure.kind,
  );
  const zs = db
    .prepare<
      [string, string, string],
      { first: number | null; last: number | null; count: number }
    >(
      `SELECT min(number) AS first, max(number) AS last, count(*) AS count FROM z_reports
       WHERE device_id = ? AND issued_at >= ? AND issued_at < ?`,
    )
    .get(closure.deviceId, closure.from.toISOString(), closure.to.toISOString());
  const none = { amount: 0, currency: 'XPF' as const };
  const content: Omit<PeriodClosure, 'hash' | 'prevHash'> = {
    kind: closure.kind,
    period: closure.period,
    number: previous.number + 1,
    deviceId: closure.deviceId,
    tillName: 'Comptoir',
    closedAt: closure.at.toISOString(),
    closedBy: 'manager',
    from: closure.from.toISOString(),
    to: closure.to.toISOString(),
    zReports: { first: zs?.first ?? null, last: zs?.last ?? null, count: zs?.count ?? 0 },
    totals: { sales: 0, gross: none, refunds: none, net: none },
    taxes: [],
    byPayment: [],
    perpetual: { grandTotal: none, count: 0 },
  };
  const hash = chainHash(previous.hash, content, 'closure');
  db.prepare(`INSERT INTO period_closures (device_id, kind, number, period, content, hash,
    prev_hash, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
    closure.deviceId,
    closure.kind,
    content.number,
    closure.period,
    canonicalJson(content, 'closure'),
    hash,
    previous.hash,
    content.closedAt,
  );
  return { ...content, hash, prevHash: previous.hash };
}

/** Appends an entry to the audit trail, numbered and chained after the till's last. */
export function writeAuditEntry(
  db: Database,
  entry: { deviceId: string; at: Date; kind: AuditKind; actorName: string; subject: string },
): AuditEvent {
  const previous = lastOf(
    db,
    'SELECT seq AS number, hash FROM audit_events WHERE device_id = ? ORDER BY seq DESC LIMIT 1',
    entry.deviceId,
  );
  const content: Omit<AuditEvent, 'hash' | 'prevHash'> = {
    seq: previous.number + 1,
    at: entry.at.toISOString(),
    deviceId: entry.deviceId,
    tillName: 'Comptoir',
    kind: entry.kind,
    actor: 'manager:2',
    actorName: entry.actorName,
    approvedBy: null,
    subject: entry.subject,
    before: null,
    after: { subject: entry.subject },
  };
  const hash = chainHash(previous.hash, content, 'audit');
  db.prepare(`INSERT INTO audit_events (device_id, seq, at, kind, actor, content, hash, prev_hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
    entry.deviceId,
    content.seq,
    content.at,
    content.kind,
    content.actor,
    canonicalJson(content, 'audit'),
    hash,
    previous.hash,
  );
  return { ...content, hash, prevHash: previous.hash };
}

/**
 * The demo shop (Nouméa, UTC+11) with November 2026 closed: two days, each with one card sale and
 * its Z report, two audit entries, and the month's closure; the clock then on 2 December.
 */
export async function closedNovember(
  start: (options: { demo: boolean; now: () => Date }) => Promise<TestHost>,
) {
  let clock = new Date('2026-11-20T10:00:00+11:00');
  const started = await start({ demo: true, now: () => clock });
  const as = (name: string, pin: string) => signedIn(started.host.url, name, pin);
  for (const [index, day] of ['2026-11-20', '2026-11-21'].entries()) {
    clock = new Date(`${day}T10:00:00+11:00`);
    const clerk = await as('clerk', '1111');
    await clerk.call('shifts.open', { float: xpf(0) });
    await clerk.call('sales.renew', {
      msisdn: '687123456',
      planId: '1go',
      payment: { method: 'card', reference: `TPE-${index}` },
      idempotencyKey: `archive-${index}`,
    });
    clock = new Date(`${day}T18:00:00+11:00`);
    await (await as('manager', '9999')).call('day.close', { counted: [] });
  }
  const { db } = started.core;
  const deviceId = findDeviceId(db) ?? '';
  for (const subject of ['1', '2']) {
    writeAuditEntry(db, {
      deviceId,
      at: new Date(`2026-11-2${subject}T18:00:01+11:00`),
      kind: 'day.closed',
      actorName: 'manager',
      subject,
    });
  }
  clock = new Date('2026-12-02T09:00:00+11:00');
  const closure = writeClosure(db, {
    deviceId,
    kind: 'month',
    period: '2026-11',
    from: new Date('2026-11-01T00:00:00+11:00'),
    to: new Date('2026-12-01T00:00:00+11:00'),
    at: clock,
  });
  return {
    ...started,
    deviceId,
    closure,
    manager: await as('manager', '9999'),
    clerk: await as('clerk', '1111'),
    setClock: (at: Date) => {
      clock = at;
    },
  };
}
