import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { Till } from '../../shared/counters';
import type { CurrencyCode } from '../../shared/currencies';
import type { ZReport } from '../../shared/day';
import { localDateTimeText } from '../../shared/local-time';
import type { Period, PeriodClosure, PeriodKind, PerpetualTotals } from '../../shared/period';
import { type Actor, formatActor } from '../../shared/user';
import { tillParams } from '../counters/tills';
import { periodClosureFact } from '../head-office/facts';
import { recordFact } from '../head-office/outbox';
import { chainGenesis, chainHash, verifyChain } from '../store/hash-chain';
import { closureFigures, monthsOf, periodBounds, type TaxedAmount } from './closure';

/** The name the closures' chain is hashed under (electron/store/hash-chain.ts). */
export const closureChainName = 'closure';

interface ClosureRow {
  number: number;
  content: string;
  hash: string;
  prev_hash: string;
}

/** A stored content as hashed: a content altered into something that is not JSON fails its hash. */
function parsedOrText(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch {
    return content;
  }
}

const closureOf = (row: ClosureRow): PeriodClosure => ({
  ...(JSON.parse(row.content) as Omit<PeriodClosure, 'hash' | 'prevHash'>),
  hash: row.hash,
  prevHash: row.prev_hash,
});

/** Refused: why the period cannot be closed, in a reason the screen translates. */
const refused = (message: string, params: Record<string, string | number>) =>
  new ApiError('conflict', message, undefined, params);

/**
 * The month and year closures of one till, on the shop's database: each closes once, after its
 * period has ended and when every sale of it is in a Z report; written with its number and its
 * link to the previous closure of its kind, and never changed (the database refuses it too).
 */
export function createClosureBook(
  db: Database,
  deps: {
    deviceId: string;
    now: () => Date;
    /** The shop's tills, each with its Z chain: a closure sums them all (the hub's alone by default). */
    tills?: () => readonly Till[];
  },
) {
  const { deviceId } = deps;
  const tills = deps.tills ?? (() => [{ id: deviceId, name: '', kind: 'hub' as const }]);
  /** A till's sales as their rows say: the hub's own till's may have no till id. */
  const rowOf = db.prepare<[string, string, string], ClosureRow>(
    'SELECT number, content, hash, prev_hash FROM period_closures WHERE device_id = ? AND kind = ? AND period = ?',
  );
  const rowsOf = db.prepare<[string, string], ClosureRow>(
    'SELECT number, content, hash, prev_hash FROM period_closures WHERE device_id = ? AND kind = ? ORDER BY number',
  );
  const lastOf = db.prepare<[string, string], { number: number; hash: string }>(
    'SELECT number, hash FROM period_closures WHERE device_id = ? AND kind = ? ORDER BY number DESC LIMIT 1',
  );
  const insert = db.prepare(`INSERT INTO period_closures (device_id, kind, number, period, content,
    hash, prev_hash, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const zsIssued = db
    .prepare<[string, string, string], string>(
      `SELECT content FROM z_reports WHERE device_id = ? AND issued_at >= ? AND issued_at < ?
       ORDER BY number`,
    )
    .pluck();
  const zsBefore = db
    .prepare<[string, string], string>(
      'SELECT content FROM z_reports WHERE device_id = ? AND issued_at < ? ORDER BY number',
    )
    .pluck();
  // A till's sales are in a Z of its own chain, or of the hub's shop-wide drawer (day/shifts.ts).
  const lastZIssued = db
    .prepare<[string, string], string | null>(
      `SELECT max(issued_at) FROM z_reports WHERE device_id = ? OR (device_id = ?
         AND json_extract(content, '$.report.drawer') = 'shop')`,
    )
    .pluck();
  const shiftOpenSince = db.prepare<[string], { opened_at: string; till_id: string | null }>(
    'SELECT opened_at, till_id FROM shifts WHERE closed_at IS NULL AND opened_at < ? ORDER BY id LIMIT 1',
  );
  const salesOutside = db.prepare<
    [string, string, string, string | null, string],
    { count: number; first: string }
  >(
    `SELECT count(*) AS count, min(created_at) AS first FROM sales
     WHERE created_at >= ? AND created_at < ? AND created_at > ? AND (till_id IS ? OR till_id = ?)`,
  );
  const refundsOutside = db.prepare<
    [string, string, string, string | null, string],
    { count: number; first: string }
  >(
    `SELECT count(*) AS count, min(r.at) AS first FROM refunds r JOIN sales s ON s.id = r.sale_id
     WHERE r.at >= ? AND r.at < ? AND r.at > ? AND (s.till_id IS ? OR s.till_id = ?)`,
  );
  // Paid sales (a failed one too: its refund is counted apart) and refunds, at their sale's rate.
  const paidSalesIn = db.prepare<[string, string, string | null, string], TaxedAmount>(
    `SELECT s.price AS amount, s.tax_rate AS rate FROM sales s
     WHERE s.created_at > ? AND s.created_at <= ? AND (s.till_id IS ? OR s.till_id = ?)
       AND EXISTS (SELECT 1 FROM sale_events e WHERE e.sale_id = s.id AND e.to_status = 'paid')`,
  );
  const refundsIn = db.prepare<[string, string, string | null, string], TaxedAmount>(
    `SELECT -r.amount AS amount, s.tax_rate AS rate FROM refunds r JOIN sales s ON s.id = r.sale_id
     WHERE r.at > ? AND r.at <= ? AND (s.till_id IS ? OR s.till_id = ?)`,
  );
  const printsOf = db
    .prepare<[string, string, number], number>(
      'SELECT count(*) FROM period_closure_prints WHERE device_id = ? AND kind = ? AND number = ?',
    )
    .pluck();
  const insertPrint = db.prepare(`INSERT INTO period_closure_prints (device_id, kind, number,
    print, printed_at, actor, printer) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const receiptsUpTo = db
    .prepare<[string, string], number>(
      'SELECT count(*) FROM receipts WHERE device_id = ? AND issued_at <= ?',
    )
    .pluck();

  const parseZ = (content: string) => JSON.parse(content) as ZReport;

  /** One Z chain's perpetual totals as the period ends: its last Z's, or counted from its Zs. */
  function chainPerpetualAt(chain: string, to: string, currency: CurrencyCode): PerpetualTotals {
    const zs = zsBefore.all(chain, to).map(parseZ);
    const last = zs.at(-1);
    if (last?.perpetual) return last.perpetual;
    return {
      grandTotal: {
        amount: zs.reduce((total, z) => total + z.report.totals.net.amount, 0),
        currency,
      },
      count: last ? (receiptsUpTo.get(chain, last.issuedAt) ?? 0) : 0,
    };
  }

  /**
   * The shop's perpetual totals as the period ends: each till's Z chain keeps its own (a Z
   * carries its chain's), and the closure's is their sum over the tills.
   */
  function perpetualAt(to: string, currency: CurrencyCode): PerpetualTotals {
    return tills()
      .map((till) => chainPerpetualAt(till.id, to, currency))
      .reduce((total, chain) => ({
        grandTotal: {
          amount: total.grandTotal.amount + chain.grandTotal.amount,
          currency: total.grandTotal.currency,
        },
        count: total.count + chain.count,
      }));
  }

  /** Refuses a period whose sales are not all in a Z report, naming what is missing and where. */
  function requireEveryZ(from: string, to: string, timeZone: string) {
    const all = tills();
    const nameOf = (id: string | null) =>
      all.find((till) => (id === null ? till.kind === 'hub' : till.id === id))?.name ?? id ?? '';
    const open = shiftOpenSince.get(to);
    if (open) {
      const at = localDateTimeText(new Date(open.opened_at), timeZone);
      const till = nameOf(open.till_id);
      throw refused(`The shift opened ${at} at till ${till} is still open: close the day first`, {
        reason: 'shift_open',
        at,
        till,
      });
    }
    for (const till of all) {
      const lastZ = lastZIssued.get(till.id, deviceId) ?? '';
      for (const outside of [
        salesOutside.get(from, to, lastZ, ...tillParams(till)),
        refundsOutside.get(from, to, lastZ, ...tillParams(till)),
      ]) {
        if (outside && outside.count > 0) {
          const at = localDateTimeText(new Date(outside.first), timeZone);
          throw refused(
            `${outside.count} sales or refunds at till ${till.name} since ${at} are in no Z report: close that day first`,
            { reason: 'outside_z', count: outside.count, at, till: till.name },
          );
        }
      }
    }
  }

  /**
   * Every till's Zs issued in [from, to), oldest first, each with its till, and the paid sales
   * and refunds of their windows (each till's own window on a Z of the shop's one drawer).
   */
  function zsOfTills(from: string, to: string) {
    const all = tills();
    const zs = all
      .flatMap((till) =>
        zsIssued.all(till.id, from, to).map((content) => ({ till, z: parseZ(content) })),
      )
      .sort((a, b) => a.z.issuedAt.localeCompare(b.z.issuedAt));
    const amounts = zs.flatMap(({ till, z }) => {
      const windows = z.report.tills?.map((line) => ({
        till: all.find((each) => each.id === line.till.id) ?? {
          ...line.till,
          kind: 'counter' as const,
        },
        from: line.from,
      })) ?? [{ till, from: z.report.from }];
      return windows.flatMap((window) => [
        ...paidSalesIn.all(window.from ?? '', z.report.to, ...tillParams(window.till)),
        ...refundsIn.all(window.from ?? '', z.report.to, ...tillParams(window.till)),
      ]);
    });
    return { zs, amounts };
  }

  return {
    /**
     * Closes a period: refused (conflict) when closed already, before it has ended, for a year
     * while a month of it is open, or while a sale of it is in no Z. One transaction: two
     * managers closing at once write one closure.
     */
    close(
      period: Period,
      shop: { timeZone: string; currency: CurrencyCode; tillName: string },
      closedBy: string,
    ): PeriodClosure {
      return db
        .transaction(() => {
          if (rowOf.get(deviceId, period.kind, period.period)) {
            throw refused(`${period.period} is closed already`, {
              reason: 'closed',
              period: period.period,
            });
          }
          const bounds = periodBounds(period, shop.timeZone);
          const from = bounds.from.toISOString();
          const to = bounds.to.toISOString();
          const now = deps.now();
          if (now < bounds.to) {
            throw refused(`${period.period} has not ended yet`, {
              reason: 'not_ended',
              period: period.period,
            });
          }
          if (period.kind === 'year') {
            const open = monthsOf(period.period).filter(
              (month) => !rowOf.get(deviceId, 'month', month),
            );
            if (open.length > 0) {
              throw refused(`Close its months first: ${open.join(', ')}`, {
                reason: 'months_open',
                months: open.join(', '),
              });
            }
          }
          requireEveryZ(from, to, shop.timeZone);
          const ofTills = zsOfTills(from, to);
          const zs = ofTills.zs.map(({ z }) => z);
          const currency = (zs[0]?.report.currency as CurrencyCode | undefined) ?? shop.currency;
          const { amounts } = ofTills;
          const previous = lastOf.get(deviceId, period.kind) ?? { number: 0, hash: chainGenesis };
          const content: Omit<PeriodClosure, 'hash' | 'prevHash'> = {
            kind: period.kind,
            period: period.period,
            number: previous.number + 1,
            deviceId,
            tillName: shop.tillName,
            closedAt: now.toISOString(),
            closedBy,
            from,
            to,
            ...closureFigures({
              zs,
              deviceId,
              tills: tills(),
              amounts,
              currency,
              perpetual: perpetualAt(to, currency),
            }),
          };
          const hash = chainHash(previous.hash, content, closureChainName);
          const stored = JSON.stringify(content);
          insert.run(
            deviceId,
            period.kind,
            content.number,
            period.period,
            stored,
            hash,
            previous.hash,
            content.closedAt,
          );
          const row = { deviceId, number: content.number, content: stored, hash };
          const closure = {
            ...row,
            prevHash: previous.hash,
            ...period,
            closedAt: content.closedAt,
          };
          recordFact(db, periodClosureFact(db, closure), now);
          return { ...content, hash, prevHash: previous.hash };
        })
        .immediate();
    },
    /** The closures of a kind (or both), newest first. */
    list(kind?: PeriodKind): PeriodClosure[] {
      const kinds: PeriodKind[] = kind ? [kind] : ['month', 'year'];
      return kinds
        .flatMap((each) => rowsOf.all(deviceId, each).map(closureOf))
        .sort((a, b) => b.closedAt.localeCompare(a.closedAt) || b.number - a.number);
    },
    get(period: Period): PeriodClosure {
      const row = rowOf.get(deviceId, period.kind, period.period);
      if (!row) throw new ApiError('not_found', `${period.period} is not closed`);
      return closureOf(row);
    },
    /** How many times a closure was printed: the first print is the original. */
    prints(closure: PeriodClosure): number {
      return printsOf.get(deviceId, closure.kind, closure.number) ?? 0;
    },
    /** Logs a print that reached its printer. */
    recordPrint(closure: PeriodClosure, actor: Actor, printer: string): void {
      db.transaction(() => {
        const print = (printsOf.get(deviceId, closure.kind, closure.number) ?? 0) + 1;
        insertPrint.run(
          deviceId,
          closure.kind,
          closure.number,
          print,
          deps.now().toISOString(),
          formatActor(actor),
          printer,
        );
      }).immediate();
    },
    /** Checks a kind's chain of closures: each hash, each link, no gap. */
    verify(kind: PeriodKind) {
      const records = rowsOf.all(deviceId, kind).map((row) => ({
        number: row.number,
        content: parsedOrText(row.content),
        hash: row.hash,
        prevHash: row.prev_hash,
      }));
      return verifyChain(records, closureChainName);
    },
  };
}

export type ClosureBook = ReturnType<typeof createClosureBook>;
