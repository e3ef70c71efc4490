import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Till } from '../../shared/counters';
import type { CurrencyCode } from '../../shared/currencies';
import type { DayReport, ZReport } from '../../shared/day';
import { type Actor, formatActor } from '../../shared/user';
import { tillParams } from '../counters/tills';
import { cashMovementFact, dealerBalanceFact, zReportFact } from '../head-office/facts';
import { recordFact } from '../head-office/outbox';
import type { ChainBreak } from '../sales/receipt-chain';
import { refundWithCause } from '../sales/sale-causes';
import { canonicalJson } from '../store/canonical-json';
import type { SaleCsvRow } from './csv';
import { nextPerpetual } from './perpetual';
import {
  type DayFacts,
  DayReportError,
  dayReport,
  type MovementFact,
  type ReadingFact,
  type RefundFact,
  type SaleFact,
  type UnknownSale,
} from './report';

type ShiftErrorCode =
  | 'shift_open'
  | 'no_open_shift'
  | 'sale_sending'
  | 'reason_required'
  | 'unknown_denomination'
  | 'sum_too_large'
  | 'not_found';

export class ShiftError extends Error {
  constructor(
    readonly code: ShiftErrorCode,
    message: string,
    readonly path = '',
  ) {
    super(message);
    this.name = 'ShiftError';
  }
}

interface ShiftRow {
  id: number;
  opened_at: string;
  opened_by: number;
  float_amount: number;
  currency: string;
  closed_at: string | null;
  closed_by: number | null;
}

type Shift = DayReport['shift'] & { currency: CurrencyCode };

/** What the first Z report of a device chains from. */
const genesis = '0'.repeat(64);

const zHash = (prevHash: string, content: Omit<ZReport, 'hash' | 'prevHash'>) =>
  createHash('sha256')
    .update(prevHash, 'utf8')
    .update(canonicalJson(content, 'z'), 'utf8')
    .digest('hex');

/**
 * A drawer: where cash is counted. `till` is its shifts' `till_id` (null: the hub's own till's
 * drawer); `covers` the tills whose sales it counts (its own, or every till for the shop's one
 * drawer); `shop` whether it is the shop's one drawer (its Zs say so, and a till's next window
 * starts after them).
 */
export interface Drawer {
  till: string | null;
  covers(): readonly Till[];
  shop(): boolean;
}

/** A sale's till as its row says it: the hub's own till's sales may have no till id. */
/**
 * One drawer's shifts: opening with a float, cash in and out, the dealer SIMs' balances, and the
 * close that issues the numbered, chained Z report (`deviceId`: the till whose chain it is). A
 * shift is open or closed; nothing recorded in a closed one changes (the database refuses it
 * too). Without a drawer, the hub's own till's.
 */
export function createShiftBook(
  db: Database,
  deps: {
    deviceId: string;
    now: () => Date;
    nameOf(userId: number): string | null;
    drawer?: Drawer;
  },
) {
  const drawer: Drawer = deps.drawer ?? {
    till: null,
    covers: () => [{ id: deps.deviceId, name: '', kind: 'hub' }],
    shop: () => false,
  };
  const name = (userId: number | null) =>
    userId === null ? null : (deps.nameOf(userId) ?? `#${userId}`);
  const shiftOf = (row: ShiftRow): Shift => ({
    id: row.id,
    openedAt: row.opened_at,
    openedBy: name(row.opened_by) ?? '',
    float: { amount: row.float_amount, currency: row.currency as CurrencyCode },
    currency: row.currency as CurrencyCode,
    closedAt: row.closed_at,
    closedBy: name(row.closed_by),
  });

  const openRow = db.prepare<[string | null], ShiftRow>(
    'SELECT * FROM shifts WHERE closed_at IS NULL AND till_id IS ?',
  );
  const shiftById = db.prepare<[number], ShiftRow>('SELECT * FROM shifts WHERE id = ?');
  // A till's sales were last counted by its own drawer's close or by the shop's one drawer's.
  const previousClose = db
    .prepare<[number, string | null], string | null>(
      `SELECT max(s.closed_at) FROM shifts s WHERE s.closed_at IS NOT NULL AND s.id < ?
       AND (s.till_id IS ? OR (s.till_id IS NULL AND EXISTS (SELECT 1 FROM z_reports z
         WHERE z.shift_id = s.id AND json_extract(z.content, '$.report.drawer') = 'shop')))`,
    )
    .pluck();
  const insertShift = db.prepare(
    'INSERT INTO shifts (opened_at, opened_by, float_amount, currency, till_id) VALUES (?, ?, ?, ?, ?)',
  );
  const insertMovement = db.prepare(`INSERT INTO cash_movements (shift_id, kind, amount, currency,
    reason, actor_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertReading = db.prepare(`INSERT INTO dealer_balance_readings (shift_id, modem_id,
    carrier_id, moment, amount, currency, source, text, actor_id, at)
    VALUES (@shiftId, @modemId, @carrierId, @moment, @amount, @currency, @source, @text, @actorId, @at)
    ON CONFLICT (shift_id, modem_id, moment) DO NOTHING`);
  const sendingAt = db
    // The partial index sales_open is used only when its own condition is spelled out.
    .prepare<[string | null, string], number>(
      `SELECT count(*) FROM sales WHERE status IN ('sending', 'unknown') AND status = 'sending'
       AND (till_id IS ? OR till_id = ?)`,
    )
    .pluck();
  const salesIn = saleFactReader(db);
  const unknownSalesAt = db.prepare<[string | null, string], UnknownSale>(
    // The partial index sales_open is used only when its own condition is spelled out.
    `SELECT id, msisdn, plan_name AS planName, price, created_at AS createdAt FROM sales
     WHERE status IN ('sending', 'unknown') AND status = 'unknown' AND (till_id IS ? OR till_id = ?)
     ORDER BY created_at, id`,
  );
  // With who moved the sale to failed: a manager's reason is theirs (sales/sale-causes). A
  // refund is counted at its sale's till.
  const refundsIn = db.prepare<
    [string, string, string | null, string],
    Omit<RefundFact, 'cause'> & { actor: string }
  >(
    `SELECT r.sale_id AS saleId, r.amount, r.method, r.at, r.reason, (SELECT e.actor FROM sale_events e
       WHERE e.sale_id = r.sale_id AND e.to_status = 'failed' ORDER BY e.id DESC LIMIT 1) AS actor,
       s.tax_rate AS taxRate, s.till_id AS tillId
     FROM refunds r JOIN sales s ON s.id = r.sale_id WHERE r.at > ? AND r.at <= ?
       AND (s.till_id IS ? OR s.till_id = ?) ORDER BY r.at, r.id`,
  );
  const movementsOf = db.prepare<[number], Omit<MovementFact, 'actor'> & { actorId: number }>(
    'SELECT kind, amount, reason, actor_id AS actorId, at FROM cash_movements WHERE shift_id = ? ORDER BY id',
  );
  const readingsOf = db.prepare<[number], ReadingFact>(
    `SELECT modem_id AS modemId, carrier_id AS carrierId, moment, amount, source, at
     FROM dealer_balance_readings WHERE shift_id = ? ORDER BY id`,
  );
  const lastZ = db.prepare<[string], { number: number; hash: string }>(
    'SELECT number, hash FROM z_reports WHERE device_id = ? ORDER BY number DESC LIMIT 1',
  );
  const lastZContent = db
    .prepare<[string], string>(
      'SELECT content FROM z_reports WHERE device_id = ? ORDER BY number DESC LIMIT 1',
    )
    .pluck();
  const allZContents = db
    .prepare<[string], string>('SELECT content FROM z_reports WHERE device_id = ? ORDER BY number')
    .pluck();
  const receiptsIssuedAt = db
    .prepare<[string, string, string], number>(
      'SELECT count(*) FROM receipts WHERE device_id = ? AND issued_at > ? AND issued_at <= ?',
    )
    .pluck();
  /** The receipts the drawer's tills issued in (from, to]: each till numbers its own. */
  const receiptsIssued = (from: string, to: string) =>
    drawer
      .covers()
      .reduce((total, till) => total + (receiptsIssuedAt.get(till.id, from, to) ?? 0), 0);
  const insertZ = db.prepare(`INSERT INTO z_reports (device_id, number, shift_id, content, hash,
    prev_hash, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const closeShift = db.prepare('UPDATE shifts SET closed_at = ?, closed_by = ? WHERE id = ?');
  const zRows = db.prepare<[string], ZRow>(
    'SELECT number, content, hash, prev_hash FROM z_reports WHERE device_id = ? ORDER BY number',
  );
  const printsOf = db
    .prepare<[string, number], number>(
      'SELECT count(*) FROM z_report_prints WHERE device_id = ? AND number = ?',
    )
    .pluck();
  const insertPrint = db.prepare(`INSERT INTO z_report_prints (device_id, number, print,
    printed_at, actor, printer) VALUES (?, ?, ?, ?, ?, ?)`);
  const zRowsIn = db.prepare<[string, string, string], ZRow>(`
    SELECT number, content, hash, prev_hash FROM z_reports
    WHERE device_id = ? AND issued_at >= ? AND issued_at < ? ORDER BY number`);
  const zBefore = db.prepare<[string, number], { number: number; hash: string }>(
    'SELECT number, hash FROM z_reports WHERE device_id = ? AND number < ? ORDER BY number DESC LIMIT 1',
  );
  const zAfter = db.prepare<[string, number], { number: number; prev_hash: string }>(
    'SELECT number, prev_hash FROM z_reports WHERE device_id = ? AND number > ? ORDER BY number LIMIT 1',
  );
  const zByNumber = db.prepare<[string, number], ZRow>(
    'SELECT number, content, hash, prev_hash FROM z_reports WHERE device_id = ? AND number = ?',
  );

  const saleRowsIn = db.prepare<[string, string, string, string | null, string], SaleCsvRow>(`
    SELECT s.id AS sale_id, s.created_at AS created_at_utc, s.status, s.msisdn,
      s.carrier_id, s.plan_id, s.plan_name, s.data_mb, s.validity_days, s.price, s.dealer_cost,
      s.currency, s.payment_method, s.tendered, s.change_given AS change, s.payment_reference,
      u.name AS clerk, s.modem_id, s.carrier_reference,
      (SELECT max(number) FROM receipts r WHERE r.sale_id = s.id AND r.device_id = ?)
        AS receipt_number,
      f.amount AS refund_amount, f.at AS refund_at_utc
    FROM sales s JOIN users u ON u.id = s.clerk_id LEFT JOIN refunds f ON f.sale_id = s.id
    WHERE s.created_at > ? AND s.created_at <= ? AND (s.till_id IS ? OR s.till_id = ?)
    ORDER BY s.created_at, s.id`);

  /**
   * A dealer SIM's balance read at a moment of a shift: the first reading of the moment stands,
   * and only a reading written goes up to the head office. Inside the caller's transaction.
   */
  function learnt(
    reading: Omit<ReadingFact, 'at'> & {
      shiftId: number;
      text: string | null;
      actorId: number;
      currency: string;
      at: Date;
    },
  ) {
    const at = reading.at.toISOString();
    if (insertReading.run({ ...reading, at }).changes === 0) return;
    const balance = {
      modemId: reading.modemId,
      carrierId: reading.carrierId,
      amount: reading.amount,
      currency: reading.currency as CurrencyCode,
      at,
    };
    recordFact(db, dealerBalanceFact(db, balance), reading.at);
  }

  const nothingSending = () => {
    const sending = drawer
      .covers()
      .reduce((total, till) => total + (sendingAt.get(...tillParams(till)) ?? 0), 0);
    if (sending !== 0) {
      throw new ShiftError(
        'sale_sending',
        'A top-up is being sent: wait for its outcome before closing',
      );
    }
  };

  const current = (): Shift | null => {
    const row = openRow.get(drawer.till);
    return row ? shiftOf(row) : null;
  };
  const requireOpen = (): Shift => {
    const shift = current();
    if (!shift) throw new ShiftError('no_open_shift', 'No shift is open: open one first');
    return shift;
  };

  function facts(shift: Shift, to: string, timeZone: string): DayFacts {
    // A few clerks sell thousands of sales: each name is looked up once.
    const clerks = new Map<number, string>();
    const clerkNamed = (clerkId: number) => {
      let clerk = clerks.get(clerkId);
      if (clerk === undefined) {
        clerk = name(clerkId) ?? '';
        clerks.set(clerkId, clerk);
      }
      return clerk;
    };
    // Each till's window starts at its own last count: the shop's drawer gathers them.
    const tills = drawer.covers().map((till) => {
      const [column, id] = tillParams(till);
      const from = previousClose.get(shift.id, column) ?? null;
      const since = from ?? '';
      return {
        till: { id: till.id, name: till.name },
        from,
        sales: salesIn(since, to, clerkNamed, till),
        refunds: refundsIn.all(since, to, column, id).map((refund) => ({
          ...refundWithCause(refund),
          tillId: id,
        })),
        unknown: unknownSalesAt.all(column, id),
      };
    });
    const froms = tills.map((till) => till.from);
    const from = froms.includes(null) ? null : (froms.sort()[0] ?? null);
    const oldestFirst =
      <T extends { id: number }>(at: (item: T) => string) =>
      (a: T, b: T) =>
        at(a).localeCompare(at(b)) || a.id - b.id;
    return {
      shift: {
        id: shift.id,
        openedAt: shift.openedAt,
        openedBy: shift.openedBy,
        float: shift.float,
        closedAt: shift.closedAt,
        closedBy: shift.closedBy,
      },
      from,
      to,
      currency: shift.currency,
      timeZone,
      sales:
        tills.length === 1
          ? (tills[0]?.sales ?? [])
          : tills.flatMap((till) => till.sales).sort(oldestFirst((sale) => sale.createdAt)),
      refunds: tills
        .flatMap((till) => till.refunds)
        .sort((a, b) => a.at.localeCompare(b.at) || a.saleId - b.saleId),
      tills: tills.map(({ till, from }) => ({ till, from })),
      drawer: drawer.shop() ? 'shop' : 'till',
      movements: movementsOf.all(shift.id).map(({ actorId, ...movement }) => ({
        ...movement,
        actor: name(actorId) ?? '',
      })),
      readings: readingsOf.all(shift.id),
      unknown: tills.flatMap((till) => till.unknown).sort(oldestFirst((sale) => sale.createdAt)),
    };
  }

  /**
   * Inside the transaction that just wrote an amount: refuses it (path names its field) when the
   * day's report would no longer add up exactly with it, rather than let the day's figures go
   * wrong. Only the sums are at stake here, so the zone the hours are read in does not matter;
   * the report's other refusals are the report's to give when it is asked for.
   */
  function stillAddsUp(shift: Shift, path: string): void {
    try {
      dayReport(facts(shift, deps.now().toISOString(), 'UTC'));
    } catch (error) {
      if (error instanceof DayReportError && error.code === 'sum_too_large') {
        throw new ShiftError('sum_too_large', error.message, path);
      }
      if (!(error instanceof DayReportError)) throw error;
    }
  }

  const zOf = (row: ZRow): ZReport => ({
    ...(JSON.parse(row.content) as Omit<ZReport, 'hash' | 'prevHash'>),
    hash: row.hash,
    prevHash: row.prev_hash,
  });

  return {
    current,
    /** Refuses while a top-up is being sent: checked again inside the close itself. */
    nothingSending,
    /** Opens the day with the float counted into the drawer; refused while a shift is open. */
    open(userId: number, float: number, currency: CurrencyCode): Shift {
      return db
        .transaction(() => {
          const open = current();
          if (open) {
            throw new ShiftError(
              'shift_open',
              `The shift opened at ${open.openedAt} by ${open.openedBy} is still open: close it first`,
            );
          }
          const { lastInsertRowid } = insertShift.run(
            deps.now().toISOString(),
            userId,
            float,
            currency,
            drawer.till,
          );
          const row = shiftById.get(Number(lastInsertRowid));
          if (!row) throw new Error('The shift was not written');
          const opened = shiftOf(row);
          stillAddsUp(opened, 'float');
          return opened;
        })
        .immediate();
    },
    cashMovement(userId: number, kind: 'in' | 'out', amount: number, reason: string): Shift {
      return db
        .transaction(() => {
          const shift = requireOpen();
          const at = deps.now();
          insertMovement.run(
            shift.id,
            kind,
            amount,
            shift.currency,
            reason,
            userId,
            at.toISOString(),
          );
          stillAddsUp(shift, 'amount');
          const movement = {
            shiftId: shift.id,
            tillId: drawer.till,
            kind,
            amount,
            currency: shift.currency,
            reason,
            actorId: userId,
            at: at.toISOString(),
          };
          recordFact(db, cashMovementFact(db, movement), at);
          return shift;
        })
        .immediate();
    },
    /** Records a dealer SIM's balance once per moment of a shift (the first reading stands). */
    recordReading(
      shiftId: number,
      reading: Omit<ReadingFact, 'at'> & { text: string | null; actorId: number },
      currency: string,
    ) {
      db.transaction(() => {
        learnt({ shiftId, ...reading, currency, at: deps.now() });
      }).immediate();
    },
    /** The X report: the open shift so far. Changes nothing. */
    report(timeZone: string): DayReport {
      return dayReport(facts(requireOpen(), deps.now().toISOString(), timeZone));
    },
    /**
     * Closes the open shift: checks nothing is being sent, records the closing balances, counts
     * the drawer, and issues the Z report, all in one transaction.
     */
    close(input: {
      userId: number;
      counted: readonly { denomination: number; count: number }[];
      allowedDenominations: readonly number[];
      reason: string | null;
      closingReadings: readonly (Omit<ReadingFact, 'at' | 'moment'> & { text: string | null })[];
      timeZone: string;
    }): ZReport {
      for (const [index, line] of input.counted.entries()) {
        if (!input.allowedDenominations.includes(line.denomination)) {
          throw new ShiftError(
            'unknown_denomination',
            `${line.denomination} is not a coin or note of this currency`,
            `counted.${index}.denomination`,
          );
        }
      }
      return db
        .transaction(() => {
          const shift = requireOpen();
          nothingSending();
          const closedAt = deps.now().toISOString();
          for (const reading of input.closingReadings) {
            learnt({
              shiftId: shift.id,
              ...reading,
              moment: 'closing',
              currency: shift.currency,
              actorId: input.userId,
              at: new Date(closedAt),
            });
          }
          const closed = { ...shift, closedAt, closedBy: name(input.userId) };
          const body = dayReport({
            ...facts(closed, closedAt, input.timeZone),
            count: { counted: input.counted, reason: input.reason },
          });
          if (body.count && body.count.difference !== 0 && !input.reason) {
            throw new ShiftError(
              'reason_required',
              `The count differs from the expected cash by ${body.count.difference}: say why`,
              'reason',
            );
          }
          const previous = lastZ.get(deps.deviceId) ?? { number: 0, hash: genesis };
          const previousContent = lastZContent.get(deps.deviceId);
          const previousZ = previousContent
            ? (JSON.parse(previousContent) as Omit<ZReport, 'hash' | 'prevHash'>)
            : undefined;
          const since = previousZ?.issuedAt ?? '';
          const perpetual = nextPerpetual(
            {
              previous: previousZ?.perpetual,
              earlierNets: () =>
                allZContents
                  .all(deps.deviceId)
                  .map((content) => (JSON.parse(content) as ZReport).report.totals.net),
              earlierReceipts: () => receiptsIssued('', since),
            },
            body.totals.net,
            receiptsIssued(since, closedAt),
          );
          const content = {
            number: previous.number + 1,
            deviceId: deps.deviceId,
            issuedAt: closedAt,
            report: body,
            perpetual,
          };
          const hash = zHash(previous.hash, content);
          const stored = JSON.stringify(content);
          insertZ.run(
            deps.deviceId,
            content.number,
            shift.id,
            stored,
            hash,
            previous.hash,
            closedAt,
          );
          closeShift.run(closedAt, input.userId, shift.id);
          const row = { deviceId: deps.deviceId, number: content.number, content: stored };
          const z = {
            ...row,
            hash,
            prevHash: previous.hash,
            shiftId: shift.id,
            issuedAt: closedAt,
          };
          recordFact(db, zReportFact(db, z), new Date(closedAt));
          return { ...content, hash, prevHash: previous.hash };
        })
        .immediate();
    },
    list: (): ZReport[] => zRows.all(deps.deviceId).map(zOf),
    /** The sales of a Z report's window, one row each, as the accountant's CSV lists them. */
    salesOf(z: ZReport): Omit<SaleCsvRow, 'created_at_local'>[] {
      // A Z issued before tills counted its one till's sales, in its one window.
      const tills = z.report.tills ?? [
        { till: { id: deps.deviceId, name: '' }, from: z.report.from },
      ];
      const rows = tills.flatMap(({ till, from }) => {
        const column = till.id === deps.deviceId && drawer.till === null ? null : till.id;
        return saleRowsIn.all(till.id, from ?? '', z.report.to, column, till.id);
      });
      return rows.sort(
        (a, b) =>
          String(a.created_at_utc).localeCompare(String(b.created_at_utc)) ||
          Number(a.sale_id) - Number(b.sale_id),
      );
    },
    get(number: number): ZReport {
      const row = zByNumber.get(deps.deviceId, number);
      if (!row) throw new ShiftError('not_found', `No Z report ${number}`);
      return zOf(row);
    },
    /** How many times a Z report was printed: the next print is a COPY once it is one or more. */
    prints: (number: number): number => printsOf.get(deps.deviceId, number) ?? 0,
    /** Records a print that reached its printer, numbered after the ones before (1: the original). */
    recordPrint(number: number, actor: Actor, printer: string): void {
      db.transaction(() => {
        const print = (printsOf.get(deps.deviceId, number) ?? 0) + 1;
        const at = deps.now().toISOString();
        insertPrint.run(deps.deviceId, number, print, at, formatActor(actor), printer);
      }).immediate();
    },
    /**
     * Checks the Z chain: each report's hash, its link to the previous one, no gap. Without a
     * period, all of it; with one (a day, in the shop's zone), the reports issued in [from, to),
     * linked to the report before them and to the one after.
     */
    verify(period?: { from: Date; to: Date }): ZChainCheck {
      const rows = period
        ? zRowsIn.all(deps.deviceId, period.from.toISOString(), period.to.toISOString())
        : zRows.all(deps.deviceId);
      const firstNumber = rows[0]?.number ?? 1;
      const before = period ? zBefore.get(deps.deviceId, firstNumber) : undefined;
      const check = verifyZRun(rows, before ?? { number: 0, hash: genesis });
      if (!check.ok || !period || rows.length === 0) return { ...check, count: rows.length };
      const lastRow = rows[rows.length - 1] as ZRow;
      const next = zAfter.get(deps.deviceId, lastRow.number);
      if (next && (next.number !== lastRow.number + 1 || next.prev_hash !== lastRow.hash)) {
        // A report after the day's last does not follow it: one is missing or was changed.
        return { ok: false, brokenAt: lastRow.number + 1, reason: 'gap', count: rows.length };
      }
      return { ok: true, count: rows.length };
    },
  };
}

export type ShiftBook = ReturnType<typeof createShiftBook>;

/** What a Z chain check found: the first report that does not fit (by number) and why. */
export type ZChainCheck = { count: number } & (
  | { ok: true }
  | { ok: false; brokenAt: number; reason: ChainBreak }
);

/**
 * Checks Z reports read back outside the database (an archive, on a machine without it) as the
 * till checks its own: in order from `previous` (the genesis by default), each one's hash, its
 * link, its number.
 */
export function verifyZReports(
  reports: readonly ZReport[],
  previous: { number: number; hash: string } = { number: 0, hash: genesis },
): { ok: true } | { ok: false; brokenAt: number; reason: ChainBreak } {
  const rows = reports.map(({ hash, prevHash, ...content }) => ({
    number: content.number,
    content: JSON.stringify(content),
    hash,
    prev_hash: prevHash,
  }));
  return verifyZRun(rows, previous);
}

/** Checks Z reports in order from `previous`: each one's hash, its link, its number. */
function verifyZRun(
  rows: readonly ZRow[],
  previous: { number: number; hash: string },
): { ok: true } | { ok: false; brokenAt: number; reason: ChainBreak } {
  let expected = previous;
  for (const row of rows) {
    const broken = (reason: ChainBreak) => ({ ok: false as const, brokenAt: row.number, reason });
    let hash: string | null;
    try {
      hash = zHash(row.prev_hash, JSON.parse(row.content));
    } catch {
      hash = null;
    }
    if (hash !== row.hash) return broken('hash_mismatch');
    if (row.number !== expected.number + 1)
      return { ...broken('gap'), brokenAt: expected.number + 1 };
    if (row.prev_hash !== expected.hash) return broken('prev_hash_mismatch');
    expected = { number: row.number, hash: row.hash };
  }
  return { ok: true };
}

interface ZRow {
  number: number;
  content: string;
  hash: string;
  prev_hash: string;
}

/** A sale's facts as the day report reads them: one array per row, in the order selected. */
type SaleFactRow = [
  id: number,
  status: SaleFact['status'],
  msisdn: string,
  carrierId: string,
  createdAt: string,
  planId: string,
  planName: string,
  price: number,
  dealerCost: number,
  currency: string,
  method: SaleFact['method'],
  clerkId: number,
  modemId: string | null,
  resolvedByHand: number,
  paid: number,
  taxRate: number | null,
  tillId: string | null,
];

/**
 * What a day report needs of a sale. The two probes spell out the conditions of migration
 * 0009's partial indexes word for word: SQLite uses such an index only then. `manager:%` is how
 * formatActor (shared/user.ts) writes a manager.
 */
export const saleFactSelect = `SELECT s.id, s.status, s.msisdn, s.carrier_id, s.created_at,
  s.plan_id, s.plan_name, s.price, s.dealer_cost, s.currency, s.payment_method, s.clerk_id,
  s.modem_id,
  EXISTS (SELECT 1 FROM sale_events e WHERE e.sale_id = s.id AND e.from_status = 'unknown'
    AND e.actor LIKE 'manager:%'),
  EXISTS (SELECT 1 FROM sale_events e WHERE e.sale_id = s.id AND e.to_status = 'paid'),
  s.tax_rate, s.till_id
  FROM sales s`;

/**
 * The sales made in (from, to] as the day report reads them, oldest first: the one reading of
 * sales that the day's reports and the modem bank's activity both add up.
 */
export function saleFactReader(db: Database) {
  const salesIn = db
    .prepare<[string, string], SaleFactRow>(`${saleFactSelect}
      WHERE s.created_at > ? AND s.created_at <= ? ORDER BY s.created_at, s.id`)
    .raw();
  const salesAt = db
    .prepare<[string, string, string | null, string], SaleFactRow>(`${saleFactSelect}
      WHERE s.created_at > ? AND s.created_at <= ? AND (s.till_id IS ? OR s.till_id = ?)
      ORDER BY s.created_at, s.id`)
    .raw();
  /** Every till's sales, or one till's. */
  return (
    from: string,
    to: string,
    clerkNamed: (clerkId: number) => string,
    till?: Till,
  ): SaleFact[] =>
    till
      ? salesAt
          .all(from, to, ...tillParams(till))
          .map((row) => saleFactOf(row, clerkNamed, till.id))
      : salesIn.all(from, to).map((row) => saleFactOf(row, clerkNamed));
}

/**
 * Built as one literal from raw rows: a shift holds thousands of sales, and objects copied from
 * the driver's rows by spreading are ten times slower to read in the report (measured).
 */
function saleFactOf(
  row: SaleFactRow,
  clerkNamed: (clerkId: number) => string,
  /** The till it was read at: the hub's own till's sales may have no till id. */
  tillOf?: string,
): SaleFact {
  const [
    id,
    status,
    msisdn,
    carrierId,
    createdAt,
    planId,
    planName,
    price,
    dealerCost,
    currency,
    method,
    clerkId,
    modemId,
    resolvedByHand,
    paid,
    taxRate,
    tillId,
  ] = row;
  return {
    id,
    status,
    msisdn,
    carrierId,
    createdAt,
    planId,
    planName,
    price,
    dealerCost,
    currency,
    method,
    clerk: clerkNamed(clerkId),
    modemId,
    resolvedByHand: resolvedByHand === 1,
    paid: paid === 1,
    taxRate,
    tillId: tillOf ?? tillId,
  };
}
