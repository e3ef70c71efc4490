import type { Database, Statement } from 'better-sqlite3';
import type { CurrencyCode } from '../../shared/currencies';
import { canMove, type Payment, type SaleStatus } from '../../shared/sale';

/** One renewal as the journal keeps it. Amounts are integer minor units of `currency`. */
export interface Sale {
  id: number;
  idempotencyKey: string;
  status: SaleStatus;
  msisdn: string;
  carrierId: string;
  planId: string;
  planName: string;
  dataMb: number;
  validityDays: number;
  price: number;
  dealerCost: number;
  currency: CurrencyCode;
  payment: {
    method: Payment['method'];
    tendered: number | null;
    change: number | null;
    reference: string | null;
  };
  clerkId: number;
  modemId: string | null;
  carrierReference: string | null;
  dealerBalanceAfter: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface SaleEvent {
  from: SaleStatus | null;
  to: SaleStatus;
  at: string;
  actor: string;
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
  };
  currency: CurrencyCode;
  payment: Payment;
  clerkId: number;
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

export class JournalError extends Error {
  constructor(
    readonly code: 'not_found' | 'wrong_status' | 'tendered_too_low' | 'tendered_required',
    message: string,
  ) {
    super(message);
    this.name = 'JournalError';
  }
}

interface SaleRow {
  id: number;
  idempotency_key: string;
  status: SaleStatus;
  msisdn: string;
  carrier_id: string;
  plan_id: string;
  plan_name: string;
  data_mb: number;
  validity_days: number;
  price: number;
  dealer_cost: number;
  currency: string;
  payment_method: Payment['method'];
  tendered: number | null;
  change_given: number | null;
  payment_reference: string | null;
  clerk_id: number;
  modem_id: string | null;
  carrier_reference: string | null;
  dealer_balance_after: number | null;
  created_at: string;
  updated_at: string;
}

function saleOf(row: SaleRow): Sale {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    status: row.status,
    msisdn: row.msisdn,
    carrierId: row.carrier_id,
    planId: row.plan_id,
    planName: row.plan_name,
    dataMb: row.data_mb,
    validityDays: row.validity_days,
    price: row.price,
    dealerCost: row.dealer_cost,
    currency: row.currency as CurrencyCode,
    payment: {
      method: row.payment_method,
      tendered: row.tendered,
      change: row.change_given,
      reference: row.payment_reference,
    },
    clerkId: row.clerk_id,
    modemId: row.modem_id,
    carrierReference: row.carrier_reference,
    dealerBalanceAfter: row.dealer_balance_after,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The renewal journal on SQLite. Every transition is one committed transaction: the sale's new
 * status, its event (who, why, the transcript), and a refund where a paid sale failed. A
 * transition is a compare-and-set on the expected status, so two writers can never both move
 * the same sale.
 */
export function createJournal(db: Database, now: () => Date) {
  const byId = db.prepare<[number], SaleRow>('SELECT * FROM sales WHERE id = ?');
  const byKey = db.prepare<[string], SaleRow>('SELECT * FROM sales WHERE idempotency_key = ?');
  const insertSale = db.prepare(`
    INSERT INTO sales (idempotency_key, status, msisdn, carrier_id, plan_id, plan_name, data_mb,
      validity_days, price, dealer_cost, currency, payment_method, tendered, change_given,
      payment_reference, clerk_id, created_at, updated_at)
    VALUES (@key, 'draft', @msisdn, @carrierId, @planId, @planName, @dataMb, @validityDays,
      @price, @dealerCost, @currency, @method, @tendered, @change, @reference, @clerkId, @at, @at)`);
  const move = db.prepare(`
    UPDATE sales SET status = @to, updated_at = @at,
      modem_id = coalesce(@modemId, modem_id),
      carrier_reference = coalesce(@reference, carrier_reference),
      dealer_balance_after = coalesce(@dealerBalance, dealer_balance_after)
    WHERE id = @id AND status = @from`);
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
        `SELECT * FROM sales ${where} ORDER BY created_at DESC, id DESC LIMIT @limit`,
      );
      listStatements.set(where, statement);
    }
    return statement;
  }
  const unreceipted = db.prepare<[], SaleRow>(`
    SELECT * FROM sales s WHERE status IN ('succeeded', 'failed', 'unknown')
      AND NOT EXISTS (SELECT 1 FROM receipts r WHERE r.sale_id = s.id) ORDER BY id`);
  // A receipt comes only with an outcome, so an open sale has none either.
  const receiptOwed = db
    .prepare<[], number>(
      'SELECT (SELECT count(*) FROM sales) != (SELECT count(DISTINCT sale_id) FROM receipts)',
    )
    .pluck();
  const open = db.prepare<[], SaleRow>(
    "SELECT * FROM sales WHERE status IN ('draft', 'paid', 'sending') ORDER BY id",
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
      actor: string;
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
          detail.actor,
          detail.reason ?? null,
          detail.transcript ?? null,
        );
        const sale = get(id);
        // Money taken for a top-up that did not happen goes back, in the same commit.
        if (to === 'failed' && from !== 'draft') {
          insertRefund.run(
            id,
            sale.price,
            sale.currency,
            sale.payment.method,
            at,
            detail.reason ?? 'failed',
          );
        }
        inSameCommit?.(sale);
        return sale;
      })
      .immediate();
  }

  return {
    get,
    findByKey(key: string): Sale | null {
      const row = byKey.get(key);
      return row ? saleOf(row) : null;
    },
    events(id: number): SaleEvent[] {
      return eventsOf.all(id).map((row) => ({
        from: row.from_status,
        to: row.to_status,
        at: row.at,
        actor: row.actor,
        reason: row.reason,
        transcript: row.transcript,
      }));
    },

    /**
     * Writes the sale, paid, before anything reaches a modem. The same idempotency key again
     * returns the first sale (`created: false`) and writes nothing.
     */
    openPaidSale(sale: NewSale, actor: string): { sale: Sale; created: boolean } {
      return db
        .transaction(() => {
          const existing = byKey.get(sale.idempotencyKey);
          if (existing) return { sale: saleOf(existing), created: false };
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
            currency: sale.currency,
            method: payment.method,
            tendered: payment.method === 'cash' ? (payment.tendered ?? null) : null,
            change,
            reference: payment.reference ?? null,
            clerkId: sale.clerkId,
            at,
          });
          const id = Number(lastInsertRowid);
          insertEvent.run(id, null, 'draft', at, actor, null, null);
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

    /** Committed before the first byte of the top-up goes to the modem. */
    markSending(id: number, modemId: string, actor: string): Sale {
      return transition(id, 'paid', 'sending', { actor, modemId });
    },

    /** Records how the attempt ended: succeeded, failed (refunded) or unknown. */
    settle(id: number, settlement: Settlement, actor: string, inSameCommit?: InSameCommit): Sale {
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
      actor: string,
      inSameCommit?: InSameCommit,
    ): Sale {
      return transition(id, 'paid', 'failed', { actor, reason }, inSameCommit);
    },

    /** Verification of an unknown sale: by a manager, a carrier SMS or a balance check. */
    resolve(
      id: number,
      outcome: 'succeeded' | 'failed',
      reason: string,
      actor: string,
      inSameCommit?: InSameCommit,
    ): Sale {
      return transition(id, 'unknown', outcome, { actor, reason }, inSameCommit);
    },

    /** An unknown sale the carrier confirmed by SMS: succeeded, with its reference and the SMS. */
    confirmByCarrier(id: number, reference: string, transcript: string, actor: string): Sale {
      return transition(id, 'unknown', 'succeeded', {
        actor,
        reason: 'confirmed by the carrier’s SMS',
        transcript,
        reference,
      });
    },

    /**
     * At start-up. A sale left `sending` by a crash or a lost port may or may not have reached
     * the carrier: it becomes `unknown`, never retried automatically. A sale left `paid` never
     * reached a modem (`sending` is committed before the first byte): it failed, and is refunded.
     */
    recoverInterrupted(actor: string): Sale[] {
      const interrupted = open.all();
      return interrupted.map((row) =>
        row.status === 'sending'
          ? transition(row.id, 'sending', 'unknown', {
              actor,
              reason: 'interrupted while sending (the app stopped or the modem was lost)',
            })
          : transition(row.id, row.status, 'failed', {
              actor,
              reason: 'the app stopped before a modem took the top-up',
            }),
      );
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;
