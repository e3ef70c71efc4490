import type { Database } from 'better-sqlite3';

/**
 * Another sale of the same card, in the same state, as books kept before a number was held could
 * have (two top-ups of one card open or unknown at once); the journal refuses to write one now.
 * Returns its id.
 */
export function sameCardSaleFromBefore(db: Database, saleId: number): number {
  const columns = `status, msisdn, carrier_id, plan_id, plan_name, data_mb, validity_days, price,
    dealer_cost, tax_rate, currency, payment_method, tendered, change_given, payment_reference,
    clerk_id, modem_id, created_at, updated_at`;
  const copied = db
    .prepare(
      `INSERT INTO sales (idempotency_key, ${columns})
       SELECT idempotency_key || '-before-held', ${columns} FROM sales WHERE id = ?`,
    )
    .run(saleId);
  return Number(copied.lastInsertRowid);
}
