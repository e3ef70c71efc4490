import type { Database, Statement } from 'better-sqlite3';
import type { CurrencyCode } from '../../shared/currencies';
import type { Language } from '../../shared/languages';
import {
  canMove,
  type Payment,
  type Sale,
  type SaleStatus,
  saleRecordSchema,
} from '../../shared/sale';
import { type Actor, formatActor, parseActor } from '../../shared/user';
import { refundFact, saleFact } from '../head-office/facts';
import { recordFact } from '../head-office/outbox';
import { causeReason } from './sale-causes';

export interface SaleEvent {
  from: SaleStatus | null;
  to: SaleStatus;
  at: string;
  actor: Actor;
  reason: string | null;
  transcript: string | null;
}

export interface NewSale {
  idempotencyKey: string;
  msisdn: string;
  carrierId: string;
  plan: {
    id: string;
    name: string;
    dataMb: number;
    validityDays: number;
    price: number;
    dealerCost: number;
    /** The plan's tax rate when sold: the receipt and the Z take the tax out of the price with it. */
    taxRate: number;
  };
  currency: CurrencyCode;
  payment: Payment;
  clerkId: number;
  /** The receipt's language the clerk picked for the customer; the shop's when left out. */
  receiptLanguage?: Language;
  /** The till it is sold at; null (or left out): the hub's own, as every sale before counters. */
  tillId?: string | null;
}

/** How a top-up attempt ended, with the transcript (PIN masked) that justifies it. */
export type Settlement =
  | {
      status: 'succeeded';
      reference: string | null;
      dealerBalance: number | null;
      transcript: string;
    }
  | { status: 'failed'; reason: string; transcript: string }
  | { status: 'unknown'; reason: string; transcript: string };

/**
 * Work that must commit with a sale's move, or not at all: the receipt of an outcome, so that
 * no stop can come between the two. It runs inside the move's transaction.
 */
export type InSameCommit = (sale: Sale) => void;

/**
 * A sale refused because its number has a sale in flight (draft, paid, sending) or whose outcome
 * is unknown: a second top-up then could reach the customer twice. `tillId` is where that sale is
 * (null: the hub's own till).
 */
export class NumberBusyError extends Error {
  constructor(
    readonly saleId: number,
    readonly tillId: string | null,
    readonly status: 'draft' | 'paid' | 'sending' | 'unknown',
  ) {
    super(`Sale ${saleId} for this number is ${status}`);
    this.name = 'NumberBusyError';
  }
}

export class JournalError extends Error {
  constructor(
    readonly code: 'not_found' | 'wrong_status' | 'tendered_too_low' | 'tendered_required',
    message: string,
  ) {
    super(message);
    this.name = 'JournalError';
  }
}

/** What the payment's columns are read as: its fields, named apart from the sale's own. */
const paymentColumns = {
  paymentMethod: 'payment_method',
  tendered: 'tendered',
  change: 'change_given',
  paymentReference: 'payment_reference',
} as const;

type SaleRow = Omit<Sale, 'payment'> & {
  paymentMethod: Payment['method'];
  tendered: number | null;
  change: number | null;
  paymentReference: string | null;
};

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** Every column of a sale, read under its field's name (`SaleRow`): no SQL to edit for a new one. */
const saleColumns = [
  ...Object.keys(saleRecordSchema.shape)
    .filter((field) => field !== 'payment')
    .map((field) => [field, snakeCase(field)]),
  ...Object.entries(paymentColumns),
]
  .map(([field, column]) => (field === column ? field : `${column} AS ${field}`))
  .join(', ');

/**
 * Field by field, not by spreading the row: the manager's pending list reads 500 sales, and rest
 * and spread copies of driver rows made it twice as slow (measured). A field missing here is a
 * type error, so a new column cannot be forgotten.
 */
function saleOf(row: SaleRow): Sale {
  return {
    id: row.id,
    idempotencyKey: row.idempotencyKey,
    status: row.status,
    msisdn: row.msisdn,
    carrierId: row.carrierId,
    planId: row.planId,
    planName: row.planName,
    dataMb: row.dataMb,
    validityDays: row.validityDays,
    price: row.price,
    dealerCost: row.dealerCost,
    taxRate: row.taxRate,
    currency: row.currency,
    payment: {
      method: row.paymentMethod,
      tendered: row.tendered,
      change: row.change,
      reference: row.paymentReference,
    },
    clerkId: row.clerkId,
    modemId: row.modemId,
    carrierReference: row.carrierReference,
    dealerBalanceAfter: row.dealerBalanceAfter,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * The renewal journal on SQLite. Every transition is one committed transaction: the sale's new
 * status, its event (who, why, the transcript), and a refund where a paid sale failed. A
 * transition is a compare-and-set on the expected status, so two writers can never both move
 * the same sale.
 */
/** A move's actor as stored; a text no version wrote is a damaged row, named as such. */
function actorOfMove(saleId: number, text: string): Actor {
  const actor = parseActor(text);
  if (!actor)
    throw new Error(`Sale ${saleId}: a move is recorded as made by "${text}", not an actor`);
  return actor;
}

export function createJournal(db: Database, now: () => Date) {
  const byId = db.prepare<[number], SaleRow>(`SELECT ${saleColumns} FROM sales WHERE id = ?`);
  const byKey = db.prepare<[string], SaleRow>(
    `SELECT ${saleColumns} FROM sales WHERE idempotency_key = ?`,
  );
  const insertSale = db.prepare(`
    INSERT INTO sales (idempotency_key, status, msisdn, carrier_id, plan_id, plan_name, data_mb,
      validity_days, price, dealer_cost, tax_rate, currency, payment_method, tendered, change_given,
      payment_reference, clerk_id, created_at, updated_at, till_id)
    VALUES (@key, 'draft', @msisdn, @carrierId, @planId, @planName, @dataMb, @validityDays,
      @price, @dealerCost, @taxRate, @currency, @method, @tendered, @change, @reference, @clerkId, @at, @at,
      @tillId)`);
  // Through sales_by_number: one customer's sales, never the whole table.
  const holding = db.prepare<
    [string],
    { id: number; till_id: string | null; status: 'draft' | 'paid' | 'sending' | 'unknown' }
  >(`
    SELECT id, till_id, status FROM sales
    WHERE msisdn = ? AND status IN ('draft', 'paid', 'sending', 'unknown') ORDER BY id LIMIT 1`);
  const tillOfSale = db.prepare<[number], string | null>('SELECT till_id FROM sales WHERE id = ?');
  const move = db.prepare(`
    UPDATE sales SET status = @to, updated_at = @at,
      modem_id = coalesce(@modemId, modem_id),
      carrier_reference = coalesce(@reference, carrier_reference),
      dealer_balance_after = coalesce(@dealerBalance, dealer_balance_after)
    WHERE id = @id AND status = @from`);
  const insertReceiptLanguage = db.prepare(
    'INSERT INTO sale_receipt_languages (sale_id, language) VALUES (?, ?)',
  );
  const receiptLanguageOf = db
    .prepare<[number], Language>('SELECT language FROM sale_receipt_languages WHERE sale_id = ?')
    .pluck();
  const insertEvent = db.prepare(`
    INSERT INTO sale_events (sale_id, from_status, to_status, at, actor, reason, transcript)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertRefund = db.prepare(`
    INSERT INTO refunds (sale_id, amount, currency, method, at, reason) VALUES (?, ?, ?, ?, ?, ?)`);
  const eventsOf = db.prepare<
    [number],
    {
      from_status: SaleStatus | null;
      to_status: SaleStatus;
      at: string;
      actor: string;
      reason: string | null;
      transcript: string | null;
    }
  >(
    'SELECT from_status, to_status, at, actor, reason, transcript FROM sale_events WHERE sale_id = ? ORDER BY id',
  );
  const lastInto = db.prepare<[number, SaleStatus], { actor: string; reason: string | null }>(
    'SELECT actor, reason FROM sale_events WHERE sale_id = ? AND to_status = ? ORDER BY id DESC LIMIT 1',
  );
  // created_at is ISO 8601 UTC, so text order is time order. One statement per set of filters
  // given, each planned for its own index: a catch-all `(@x IS NULL OR …)` statement is planned
  // once for every case, and walks the whole table to find one customer's sales.
  const listFilters = {
    from: 'created_at >= @from',
    to: 'created_at < @to',
    status: 'status = @status',
    msisdn: 'msisdn = @msisdn',
  } as const;
  type ListFilter = Partial<Record<keyof typeof listFilters, string>>;
  const listStatements = new Map<string, Statement<[ListFilter & { limit: number }], SaleRow>>();
  function listStatement(filter: ListFilter) {
    const conditions: string[] = Object.entries(listFilters)
      .filter(([name]) => filter[name as keyof ListFilter] !== undefined)
      .map(([, condition]) => condition);
    // The condition of the partial index sales_open, spelled out: SQLite cannot tell that a
    // parameter meets it, and would walk every sale to find the pending ones.
    if (filter.status === 'sending' || filter.status === 'unknown') {
      conditions.push("status IN ('sending', 'unknown')");
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    let statement = listStatements.get(where);
    if (!statement) {
      statement = db.prepare(
        `SELECT ${saleColumns} FROM sales ${where} ORDER BY created_at DESC, id DESC LIMIT @limit`,
      );
      listStatements.set(where, statement);
    }
    return statement;
  }
  const unreceipted = db.prepare<[], SaleRow>(`
    SELECT ${saleColumns} FROM sales s WHERE status IN ('succeeded', 'failed', 'unknown')
      AND NOT EXISTS (SELECT 1 FROM receipts r WHERE r.sale_id = s.id) ORDER BY id`);
  // Only a sale that was unknown has a pending receipt: those are found through the partial
  // index receipts_pending (migration 0011), whose condition is spelled out for SQLite to use it,
  // and only their sales are read.
  const settledPending = db.prepare<[], SaleRow>(`
    SELECT ${saleColumns} FROM sales s WHERE s.status IN ('succeeded', 'failed') AND s.id IN (
      SELECT r.sale_id FROM receipts r
      WHERE json_extract(content, '$.status') = 'pending-verification'
        AND r.number = (SELECT max(number) FROM receipts l WHERE l.sale_id = r.sale_id))
    ORDER BY s.id`);
  // A receipt comes only with an outcome, so an open sale has none either.
  const receiptOwed = db
    .prepare<[], number>(
      'SELECT (SELECT count(*) FROM sales) != (SELECT count(DISTINCT sale_id) FROM receipts)',
    )
    .pluck();
  const open = db.prepare<[], SaleRow>(
    `SELECT ${saleColumns} FROM sales WHERE status IN ('draft', 'paid', 'sending') ORDER BY id`,
  );

  function get(id: number): Sale {
    const row = byId.get(id);
    if (!row) throw new JournalError('not_found', `No sale ${id}`);
    return saleOf(row);
  }

  function transition(
    id: number,
    from: SaleStatus,
    to: SaleStatus,
    detail: {
      actor: Actor;
      reason?: string | null;
      transcript?: string | null;
      modemId?: string;
      reference?: string | null;
      dealerBalance?: number | null;
    },
    inSameCommit?: InSameCommit,
  ): Sale {
    if (!canMove(from, to))
      throw new JournalError('wrong_status', `A sale cannot move from ${from} to ${to}`);
    return db
      .transaction(() => {
        const at = now().toISOString();
        const moved = move.run({
          id,
          from,
          to,
          at,
          modemId: detail.modemId ?? null,
          reference: detail.reference ?? null,
          dealerBalance: detail.dealerBalance ?? null,
        });
        if (moved.changes !== 1) {
          const current = byId.get(id);
          if (!current) throw new JournalError('not_found', `No sale ${id}`);
          throw new JournalError('wrong_status', `Sale ${id} is ${current.status}, not ${from}`);
        }
        insertEvent.run(
          id,
          from,
          to,
          at,
          formatActor(detail.actor),
          detail.reason ?? null,
          detail.transcript ?? null,
        );
        const sale = get(id);
        // An outcome goes up to the head office in the commit that records it.
        if (to === 'succeeded' || to === 'failed' || to === 'unknown') {
          const resolver = from === 'unknown' && detail.actor.kind === 'user' ? detail.actor : null;
          recordFact(db, saleFact(db, id, at, resolver), new Date(at));
        }
        // Money taken for a top-up that did not happen goes back, in the same commit.
        if (to === 'failed' && from !== 'draft') {
          const refund = {
            saleId: id,
            tillId: tillOfSale.pluck().get(id) ?? null,
            amount: sale.price,
            currency: sale.currency,
            method: sale.payment.method,
            reason: detail.reason ?? 'failed',
            at,
          };
          insertRefund.run(id, refund.amount, refund.currency, refund.method, at, refund.reason);
          recordFact(db, refundFact(db, refund), new Date(at));
        }
        inSameCommit?.(sale);
        return sale;
      })
      .immediate();
  }

  /**
   * The one move of an unknown sale the carrier settled (by SMS, by a late answer). A success
   * records `confirmedBy` as its reason; a failure records the carrier's reason, as its refund does.
   */
  function settledByCarrier(
    id: number,
    settlement: Exclude<Settlement, { status: 'unknown' }>,
    confirmedBy: string,
    actor: Actor,
    inSameCommit?: InSameCommit,
  ): Sale {
    const { transcript } = settlement;
    const detail =
      settlement.status === 'succeeded'
        ? {
            actor,
            reason: confirmedBy,
            transcript,
            reference: settlement.reference,
            dealerBalance: settlement.dealerBalance,
          }
        : { actor, reason: settlement.reason, transcript };
    return transition(id, 'unknown', settlement.status, detail, inSameCommit);
  }

  return {
    get,
    /** The language the clerk picked for the sale's receipt; null: the shop's. */
    receiptLanguage(id: number): Language | null {
      return receiptLanguageOf.get(id) ?? null;
    },
    /** The till a sale was made at; null: the hub's own (every sale before counters). */
    tillOf(id: number): string | null {
      return tillOfSale.pluck().get(id) ?? null;
    },
    findByKey(key: string): Sale | null {
      const row = byKey.get(key);
      return row ? saleOf(row) : null;
    },
    events(id: number): SaleEvent[] {
      return eventsOf.all(id).map((row) => ({
        from: row.from_status,
        to: row.to_status,
        at: row.at,
        actor: actorOfMove(id, row.actor),
        reason: row.reason,
        transcript: row.transcript,
      }));
    },

    /** Who moved a sale into `status` last, and why (without its transcript); null if none did. */
    lastMoveInto(id: number, status: SaleStatus): { actor: Actor; reason: string | null } | null {
      const row = lastInto.get(id, status);
      return row ? { actor: actorOfMove(id, row.actor), reason: row.reason } : null;
    },

    /**
     * Writes the sale, paid, before anything reaches a modem. The same idempotency key again
     * returns the first sale (`created: false`) and writes nothing. A number with a sale in
     * flight or unknown, at any till, is refused (NumberBusyError) and nothing is written.
     */
    openPaidSale(sale: NewSale, actor: Actor): { sale: Sale; created: boolean } {
      return db
        .transaction(() => {
          const existing = byKey.get(sale.idempotencyKey);
          if (existing) return { sale: saleOf(existing), created: false };
          // Checked in the write's own transaction (one writer): two tills selling the same
          // number at once cannot both pass.
          const held = holding.get(sale.msisdn);
          if (held) throw new NumberBusyError(held.id, held.till_id, held.status);
          const { payment, plan } = sale;
          let change: number | null = null;
          if (payment.method === 'cash') {
            if (payment.tendered === undefined) {
              throw new JournalError('tendered_required', 'Enter the cash handed over');
            }
            if (payment.tendered < plan.price) {
              throw new JournalError(
                'tendered_too_low',
                'The cash handed over is less than the price',
              );
            }
            change = payment.tendered - plan.price;
          }
          const at = now().toISOString();
          const { lastInsertRowid } = insertSale.run({
            key: sale.idempotencyKey,
            msisdn: sale.msisdn,
            carrierId: sale.carrierId,
            planId: plan.id,
            planName: plan.name,
            dataMb: plan.dataMb,
            validityDays: plan.validityDays,
            price: plan.price,
            dealerCost: plan.dealerCost,
            taxRate: plan.taxRate,
            currency: sale.currency,
            method: payment.method,
            tendered: payment.method === 'cash' ? (payment.tendered ?? null) : null,
            change,
            reference: payment.reference ?? null,
            clerkId: sale.clerkId,
            at,
            tillId: sale.tillId ?? null,
          });
          const id = Number(lastInsertRowid);
          if (sale.receiptLanguage) insertReceiptLanguage.run(id, sale.receiptLanguage);
          insertEvent.run(id, null, 'draft', at, formatActor(actor), null, null);
          return { sale: transition(id, 'draft', 'paid', { actor }), created: true };
        })
        .immediate();
    },

    /** Newest first, at most `limit`; instants are ISO 8601 UTC, `to` excluded. */
    list(
      filter: { from?: string; to?: string; status?: SaleStatus; msisdn?: string },
      limit = 500,
    ): Sale[] {
      const given: ListFilter = {
        ...(filter.from ? { from: new Date(filter.from).toISOString() } : {}),
        ...(filter.to ? { to: new Date(filter.to).toISOString() } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.msisdn ? { msisdn: filter.msisdn } : {}),
      };
      return listStatement(given)
        .all({ ...given, limit })
        .map(saleOf);
    },

    /**
     * Whether a start has anything to recover or a receipt to issue: false when every sale has
     * its receipt, as after a clean stop. Counted through two indexes, where recoverInterrupted
     * and withoutReceipt read every sale.
     */
    needsRecovery: (): boolean => receiptOwed.get() === 1,

    /** Sales with an outcome but no receipt yet (a stop came in between). */
    withoutReceipt: (): Sale[] => unreceipted.all().map(saleOf),

    /**
     * Sales settled after `unknown` whose latest receipt still says pending verification: their
     * corrected receipt could not be issued with the settlement.
     */
    settledWithPendingReceipt: (): Sale[] => settledPending.all().map(saleOf),

    /** Committed before the first byte of the top-up goes to the modem. */
    markSending(id: number, modemId: string, actor: Actor): Sale {
      return transition(id, 'paid', 'sending', { actor, modemId });
    },

    /**
     * A top-up certainly not sent through the sale's modem (nothing that commits it was written)
     * goes on through another modem of the carrier, committed before its first byte goes there.
     * The event says which modem was left and why, with what went over its line (`actor` is
     * that modem); the sale names the new one. The status stays `sending`: the database's
     * journal trigger only looks at moves that change it.
     */
    sendThroughAnother(
      id: number,
      modemId: string,
      left: { reason: string; transcript: string },
      actor: Actor,
    ): Sale {
      return transition(id, 'sending', 'sending', {
        actor,
        modemId,
        reason: left.reason,
        transcript: left.transcript,
      });
    },

    /** Records how the attempt ended: succeeded, failed (refunded) or unknown. */
    settle(id: number, settlement: Settlement, actor: Actor, inSameCommit?: InSameCommit): Sale {
      if (settlement.status === 'succeeded') {
        return transition(
          id,
          'sending',
          'succeeded',
          {
            actor,
            transcript: settlement.transcript,
            reference: settlement.reference,
            dealerBalance: settlement.dealerBalance,
          },
          inSameCommit,
        );
      }
      return transition(
        id,
        'sending',
        settlement.status,
        { actor, reason: settlement.reason, transcript: settlement.transcript },
        inSameCommit,
      );
    },

    /** A paid sale that never reached a modem (none available, bad plan): failed, refunded. */
    abandonBeforeSending(
      id: number,
      reason: string,
      actor: Actor,
      inSameCommit?: InSameCommit,
    ): Sale {
      return transition(id, 'paid', 'failed', { actor, reason }, inSameCommit);
    },

    /**
     * Verification of an unknown sale by a manager: their reason is kept as settled by hand, the
     * words they wrote shown as such.
     */
    resolve(
      id: number,
      outcome: 'succeeded' | 'failed',
      reason: string,
      actor: Actor,
      inSameCommit?: InSameCommit,
    ): Sale {
      const written = causeReason('settled_by_hand', reason);
      return transition(id, 'unknown', outcome, { actor, reason: written }, inSameCommit);
    },

    /** An unknown sale the carrier confirmed by SMS: succeeded, with its reference and the SMS. */
    confirmByCarrier(
      id: number,
      reference: string,
      transcript: string,
      actor: Actor,
      inSameCommit?: InSameCommit,
    ): Sale {
      return settledByCarrier(
        id,
        { status: 'succeeded', reference, dealerBalance: null, transcript },
        'confirmed by the carrier’s SMS',
        actor,
        inSameCommit,
      );
    },

    /**
     * An unknown sale the carrier's own word settled after all (its late USSD answer): succeeded
     * with its reference and the dealer's balance, or failed and refunded, with what it said.
     */
    settleUnknown(
      id: number,
      settlement: Exclude<Settlement, { status: 'unknown' }>,
      confirmedBy: string,
      actor: Actor,
      inSameCommit?: InSameCommit,
    ): Sale {
      return settledByCarrier(id, settlement, confirmedBy, actor, inSameCommit);
    },

    /**
     * At start-up. A sale left `sending` by a crash or a lost port may or may not have reached
     * the carrier: it becomes `unknown`, never retried automatically. A sale left `paid` never
     * reached a modem (`sending` is committed before the first byte): it failed, and is refunded.
     */
    recoverInterrupted(actor: Actor): Sale[] {
      const interrupted = open.all();
      return interrupted.map((row) =>
        row.status === 'sending'
          ? transition(row.id, 'sending', 'unknown', {
              actor,
              reason: causeReason(
                'modem_lost',
                'interrupted while sending (the app stopped or the modem was lost)',
              ),
            })
          : transition(row.id, row.status, 'failed', {
              actor,
              reason: causeReason('not_sent', 'the app stopped before a modem took the top-up'),
            }),
      );
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;
