import type { Database } from 'better-sqlite3';
import type { CurrencyCode } from '../../shared/currencies';
import type { FactPayload, NewFact } from '../../shared/head-office';
import type { SaleStatus } from '../../shared/sale';
import { type Actor, formatActor } from '../../shared/user';
import { findDeviceId } from '../store/users';
import { wireText } from './wire-text';

/**
 * The facts the shop's books send up to the head office, built from the rows just written, in
 * the writer's own transaction (electron/head-office/outbox.ts `recordFact`). Texts are cut to
 * what the wire's schemas hold, without NUL (the head office's jsonb refuses it): a carrier's
 * long or odd reason must never stop the sale it rides on.
 */

const clip = wireText;

/** A statement prepared once per database: a sale's outcome reads these on every top-up. */
function preparer<T>(prepare: (db: Database) => T): (db: Database) => T {
  const prepared = new WeakMap<Database, T>();
  return (db) => {
    let statement = prepared.get(db);
    if (statement === undefined) {
      statement = prepare(db);
      prepared.set(db, statement);
    }
    return statement;
  };
}

const saleRow = preparer((db) =>
  db.prepare<[number], SaleFactRow>(`SELECT s.id, s.status, s.till_id, s.clerk_id,
    u.name AS clerk_name, s.carrier_id, s.plan_id, s.plan_name, s.price, s.dealer_cost,
    s.tax_rate, s.currency, s.payment_method, s.modem_id, s.dealer_balance_after, s.created_at
    FROM sales s LEFT JOIN users u ON u.id = s.clerk_id WHERE s.id = ?`),
);
const userName = preparer((db) =>
  db.prepare<[number], string>('SELECT name FROM users WHERE id = ?').pluck(),
);
const lowThreshold = preparer((db) =>
  db
    .prepare<[string], number | null>('SELECT low_threshold FROM dealer_floats WHERE modem_id = ?')
    .pluck(),
);

// The hub's device id never changes once written (electron/store/users.ts deviceId).
const hubDevices = new WeakMap<Database, string>();

/**
 * A till as the head office names it: null for the hub's own till, whose sales may carry no till
 * id and whose chains are kept under the database's device id.
 */
export function tillOf(db: Database, id: string | null): string | null {
  if (id === null) return null;
  let hub = hubDevices.get(db);
  if (hub === undefined) {
    const found = findDeviceId(db);
    if (found !== null) {
      hub = found;
      hubDevices.set(db, hub);
    }
  }
  return id === hub ? null : id;
}

interface SaleFactRow {
  id: number;
  status: SaleStatus;
  till_id: string | null;
  clerk_id: number;
  clerk_name: string | null;
  carrier_id: string;
  plan_id: string;
  plan_name: string;
  price: number;
  dealer_cost: number;
  tax_rate: number | null;
  currency: CurrencyCode;
  payment_method: 'cash' | 'card' | 'other';
  modem_id: string | null;
  dealer_balance_after: number | null;
  created_at: string;
}

/** The name of a user who acted (the head office has no list of the shop's users). */
function actorName(db: Database, actor: Actor): string {
  if (actor.kind !== 'user') return formatActor(actor);
  const name = userName(db).get(actor.userId);
  return clip(name ?? formatActor(actor), 80);
}

/**
 * A sale that just reached `status` (succeeded, failed or unknown) at `at`, as its row now says;
 * `resolvedBy` is the user who moved it out of unknown (null: the carrier's word did, or it was
 * never pending).
 */
export function saleFact(
  db: Database,
  saleId: number,
  at: string,
  resolver: Actor | null,
): NewFact & { kind: 'sale' } {
  const row = saleRow(db).get(saleId);
  if (!row) throw new Error(`No sale ${saleId} to send up`);
  if (row.status !== 'succeeded' && row.status !== 'failed' && row.status !== 'unknown') {
    throw new Error(`Sale ${saleId} is ${row.status}: only an outcome goes up`);
  }
  return {
    kind: 'sale',
    payload: {
      saleId: row.id,
      status: row.status,
      tillId: tillOf(db, row.till_id),
      clerkId: row.clerk_id,
      clerkName: clip(row.clerk_name ?? `#${row.clerk_id}`, 80),
      carrierId: clip(row.carrier_id, 40),
      planId: clip(row.plan_id, 40),
      planName: clip(row.plan_name, 80),
      price: row.price,
      dealerCost: row.dealer_cost,
      taxRate: row.tax_rate,
      currency: row.currency,
      paymentMethod: row.payment_method,
      modemId: row.modem_id === null ? null : clip(row.modem_id, 80),
      dealerBalanceAfter: row.dealer_balance_after,
      soldAt: row.created_at,
      at,
      resolvedBy: resolver ? actorName(db, resolver) : null,
    },
  };
}

/** The refund of a sale's money, written with its sale's move to failed. */
export function refundFact(
  db: Database,
  refund: {
    saleId: number;
    tillId: string | null;
    amount: number;
    currency: CurrencyCode;
    method: 'cash' | 'card' | 'other';
    reason: string;
    at: string;
  },
): NewFact & { kind: 'refund' } {
  return {
    kind: 'refund',
    payload: {
      ...refund,
      tillId: tillOf(db, refund.tillId),
      reason: clip(refund.reason, 400),
    },
  };
}

/** A chained record as stored: its stored content text is parsed, never rebuilt. */
export interface StoredChained {
  deviceId: string;
  number: number;
  content: string;
  hash: string;
  prevHash: string;
}

type Chained = Pick<FactPayload<'receipt'>, 'tillId' | 'number' | 'content' | 'hash' | 'prevHash'>;

function chained(db: Database, row: StoredChained): Chained {
  return {
    tillId: tillOf(db, row.deviceId),
    number: row.number,
    content: JSON.parse(row.content) as Record<string, unknown>,
    hash: row.hash,
    prevHash: row.prevHash,
  };
}

export function receiptFact(
  db: Database,
  row: StoredChained & { saleId: number; issuedAt: string },
): NewFact & { kind: 'receipt' } {
  return {
    kind: 'receipt',
    payload: { ...chained(db, row), saleId: row.saleId, issuedAt: row.issuedAt },
  };
}

export function zReportFact(
  db: Database,
  row: StoredChained & { shiftId: number; issuedAt: string },
): NewFact & { kind: 'zReport' } {
  return {
    kind: 'zReport',
    payload: { ...chained(db, row), shiftId: row.shiftId, issuedAt: row.issuedAt },
  };
}

export function periodClosureFact(
  db: Database,
  row: StoredChained & { kind: 'month' | 'year'; period: string; closedAt: string },
): NewFact & { kind: 'periodClosure' } {
  return {
    kind: 'periodClosure',
    payload: { ...chained(db, row), kind: row.kind, period: row.period, closedAt: row.closedAt },
  };
}

export function auditFact(
  db: Database,
  row: StoredChained & { kind: string; actor: string | null; at: string },
): NewFact & { kind: 'audit' } {
  return {
    kind: 'audit',
    payload: {
      ...chained(db, row),
      kind: clip(row.kind, 80),
      actor: row.actor === null ? null : clip(row.actor, 80),
      at: row.at,
    },
  };
}

export function cashMovementFact(
  db: Database,
  movement: {
    shiftId: number;
    tillId: string | null;
    kind: 'in' | 'out';
    amount: number;
    currency: CurrencyCode;
    reason: string;
    actorId: number;
    at: string;
  },
): NewFact & { kind: 'cashMovement' } {
  return {
    kind: 'cashMovement',
    payload: {
      ...movement,
      tillId: tillOf(db, movement.tillId),
      reason: clip(movement.reason, 200),
    },
  };
}

/** A dealer SIM's balance as the shop learnt it, with the float's alert threshold as set now. */
export function dealerBalanceFact(
  db: Database,
  balance: {
    modemId: string;
    carrierId: string;
    amount: number;
    currency: CurrencyCode;
    at: string;
  },
): NewFact & { kind: 'dealerBalance' } {
  const alertBelow = lowThreshold(db).get(balance.modemId);
  return {
    kind: 'dealerBalance',
    payload: {
      ...balance,
      modemId: clip(balance.modemId, 80),
      carrierId: clip(balance.carrierId, 40),
      alertBelow: alertBelow ?? null,
    },
  };
}
