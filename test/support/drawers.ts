import { createHash, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Core } from '../../electron/core';
import { ipcTransport } from '../../shared/api/bridge';
import { type Client, createClient } from '../../shared/api/client';

/** A paired counter's till, as pairing leaves it (migration 0023's table): its id. */
export function pairTill(db: Database, name: string): string {
  const id = `till-${randomBytes(8).toString('hex')}`;
  db.prepare(`INSERT INTO paired_devices (id, till_name, credential_hash, paired_at, paired_by)
    VALUES (?, ?, ?, ?, 'manager')`).run(
    id,
    name,
    createHash('sha256').update(randomBytes(32)).digest('hex'),
    new Date().toISOString(),
  );
  return id;
}

/**
 * A client of the core calling from a till (a paired device's id, or null for the hub's own),
 * signed in as `name`: what the transport hands the dispatcher once it has checked the device.
 */
export async function signedInAt(
  core: Core,
  device: string | null,
  name: string,
  pin: string,
): Promise<Client> {
  const api = createClient(
    ipcTransport({
      invoke: (procedure, input, token) => core.dispatch(procedure, input, token, 'test', device),
      subscribe: () => () => {},
    }),
  );
  api.setToken((await api.call('auth.login', { name, pin })).token);
  return api;
}

let sold = 0;

/**
 * A paid, succeeded sale recorded at a till by SQL, made `at` (now by default): the sales
 * procedures are another part's (they write `till_id` once that part is in).
 */
export function saleAt(
  db: Database,
  till: string | null,
  sale: { price: number; method?: 'cash' | 'card'; at?: string },
): number {
  const at = sale.at ?? new Date().toISOString();
  const { lastInsertRowid } = db
    .prepare(`INSERT INTO sales (idempotency_key, status, msisdn, carrier_id, plan_id, plan_name,
      data_mb, validity_days, price, dealer_cost, currency, payment_method, tendered, clerk_id,
      created_at, updated_at, till_id) VALUES (?, 'succeeded', '+687123456', 'nc-demo', '1go',
      '1 Go', 1024, 30, ?, ?, 'XPF', ?, ?, 1, ?, ?, ?)`)
    .run(
      `drawers-sale-${Date.now()}-${++sold}`,
      sale.price,
      Math.round(sale.price * 0.8),
      sale.method ?? 'cash',
      sale.method === 'card' ? null : sale.price,
      at,
      at,
      till,
    );
  const id = Number(lastInsertRowid);
  const event = db.prepare(`INSERT INTO sale_events (sale_id, from_status, to_status, at, actor)
    VALUES (?, ?, ?, ?, 'clerk:1')`);
  event.run(id, 'draft', 'paid', at);
  event.run(id, 'paid', 'succeeded', at);
  return id;
}
