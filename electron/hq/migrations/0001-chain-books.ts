import type { PgMigration } from '../migrate';

/**
 * The head office's books of the chain. `facts` keeps every fact exactly as a shop sent it, once
 * (its key is the shop and the fact's UUIDv7 id: a fact sent twice is stored once). The tables after
 * it are read models kept by the ingest in the same transaction as the facts they come from:
 * sales and refunds by shop, the receipts and Z reports whose chains are checked as they arrive,
 * what those checks found, the dealer SIMs' last known floats, and one row per shop, day, till,
 * clerk and plan of totals, so that a month of the chain is read from a few thousand rows.
 */
export const pgMigration0001: PgMigration = {
  version: 1,
  name: 'chain-books',
  sql: `
    CREATE TABLE shops (
      id uuid PRIMARY KEY,
      name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 80),
      zone text NOT NULL CHECK (length(zone) BETWEEN 1 AND 64),
      currency char(3) NOT NULL,
      managed boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL,
      created_by text NOT NULL,
      credential_hash char(64) UNIQUE,
      enrolled_at timestamptz,
      software text,
      high_water uuid,
      last_batch_at timestamptz,
      backlog integer NOT NULL DEFAULT 0 CHECK (backlog >= 0),
      catalog_version bigint NOT NULL DEFAULT 0 CHECK (catalog_version >= 0),
      facts_stored bigint NOT NULL DEFAULT 0
    );

    CREATE TABLE enrolment_codes (
      code_hash char(64) PRIMARY KEY,
      shop_id uuid NOT NULL REFERENCES shops (id),
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    );

    CREATE TABLE facts (
      shop_id uuid NOT NULL REFERENCES shops (id),
      id uuid NOT NULL,
      kind text NOT NULL,
      payload jsonb NOT NULL,
      received_at timestamptz NOT NULL,
      PRIMARY KEY (shop_id, id)
    );

    CREATE TABLE sales (
      shop_id uuid NOT NULL REFERENCES shops (id),
      sale_id bigint NOT NULL,
      till_id text,
      status text NOT NULL CHECK (status IN ('succeeded', 'failed', 'unknown')),
      clerk_id integer NOT NULL,
      clerk_name text NOT NULL,
      carrier_id text NOT NULL,
      plan_id text NOT NULL,
      plan_name text NOT NULL,
      price bigint NOT NULL,
      dealer_cost bigint NOT NULL,
      tax_rate integer,
      currency char(3) NOT NULL,
      payment_method text NOT NULL,
      modem_id text,
      sold_at timestamptz NOT NULL,
      local_day date NOT NULL,
      updated_at timestamptz NOT NULL,
      resolved_by text,
      PRIMARY KEY (shop_id, sale_id)
    );
    CREATE INDEX sales_by_day ON sales (local_day, shop_id);
    CREATE INDEX sales_pending ON sales (shop_id, sold_at) WHERE status = 'unknown';

    CREATE TABLE refunds (
      shop_id uuid NOT NULL REFERENCES shops (id),
      sale_id bigint NOT NULL,
      till_id text,
      amount bigint NOT NULL CHECK (amount > 0),
      currency char(3) NOT NULL,
      method text NOT NULL,
      reason text NOT NULL,
      at timestamptz NOT NULL,
      local_day date NOT NULL,
      PRIMARY KEY (shop_id, sale_id)
    );
    CREATE INDEX refunds_by_day ON refunds (local_day, shop_id);

    -- Totals by shop, local day, till, clerk and plan: succeeded sales counted on the day they
    -- were sold, refunds on the day they were paid. '' stands for the hub's own till.
    CREATE TABLE day_totals (
      shop_id uuid NOT NULL REFERENCES shops (id),
      local_day date NOT NULL,
      till_id text NOT NULL,
      clerk_id integer NOT NULL,
      clerk_name text NOT NULL,
      carrier_id text NOT NULL,
      plan_id text NOT NULL,
      plan_name text NOT NULL,
      currency char(3) NOT NULL,
      sales integer NOT NULL DEFAULT 0,
      amount bigint NOT NULL DEFAULT 0,
      dealer_cost bigint NOT NULL DEFAULT 0,
      refunds integer NOT NULL DEFAULT 0,
      refunded bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (local_day, shop_id, till_id, clerk_id, plan_id)
    );

    CREATE TABLE receipts (
      shop_id uuid NOT NULL REFERENCES shops (id),
      till_id text NOT NULL,
      number integer NOT NULL CHECK (number > 0),
      sale_id bigint NOT NULL,
      hash char(64) NOT NULL,
      prev_hash char(64) NOT NULL,
      content jsonb NOT NULL,
      issued_at timestamptz NOT NULL,
      fact_id uuid NOT NULL,
      PRIMARY KEY (shop_id, till_id, number)
    );

    CREATE TABLE z_reports (
      shop_id uuid NOT NULL REFERENCES shops (id),
      till_id text NOT NULL,
      number integer NOT NULL CHECK (number > 0),
      shift_id bigint NOT NULL,
      hash char(64) NOT NULL,
      prev_hash char(64) NOT NULL,
      content jsonb NOT NULL,
      issued_at timestamptz NOT NULL,
      local_day date NOT NULL,
      fact_id uuid NOT NULL,
      PRIMARY KEY (shop_id, till_id, number)
    );

    -- The head of each chained book of a shop as checked so far ('' for the hub's own till).
    CREATE TABLE chain_heads (
      shop_id uuid NOT NULL REFERENCES shops (id),
      chain text NOT NULL CHECK (chain IN ('receipts', 'zReports', 'periodClosures', 'audit')),
      till_id text NOT NULL,
      number integer NOT NULL,
      hash char(64) NOT NULL,
      PRIMARY KEY (shop_id, chain, till_id)
    );

    CREATE TABLE chain_flags (
      id bigserial PRIMARY KEY,
      shop_id uuid NOT NULL REFERENCES shops (id),
      chain text NOT NULL CHECK (chain IN ('receipts', 'zReports', 'periodClosures', 'audit')),
      till_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('gap', 'fork', 'changed', 'hash_mismatch')),
      -- The numbers involved: the first one missing or differing, and the last.
      number integer NOT NULL,
      last_number integer NOT NULL,
      details jsonb NOT NULL,
      fact_id uuid NOT NULL,
      flagged_at timestamptz NOT NULL,
      acknowledged_at timestamptz,
      acknowledged_by text
    );
    CREATE INDEX chain_flags_by_shop ON chain_flags (shop_id, flagged_at);

    CREATE TABLE dealer_floats (
      shop_id uuid NOT NULL REFERENCES shops (id),
      modem_id text NOT NULL,
      carrier_id text NOT NULL,
      amount bigint NOT NULL,
      currency char(3) NOT NULL,
      alert_below bigint,
      at timestamptz NOT NULL,
      PRIMARY KEY (shop_id, modem_id)
    );

    -- Versions only grow; a change for some shops names them, else it is for every managed shop.
    CREATE TABLE catalog_changes (
      version bigserial PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('carrierProfile', 'shopSettings')),
      change jsonb NOT NULL,
      effective_from text,
      shop_ids uuid[],
      created_at timestamptz NOT NULL,
      created_by text NOT NULL
    );

    CREATE TABLE staff (
      id serial PRIMARY KEY,
      name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 80),
      password_hash text NOT NULL,
      created_at timestamptz NOT NULL,
      disabled_at timestamptz
    );

    CREATE TABLE staff_sessions (
      token_hash char(64) PRIMARY KEY,
      staff_id integer NOT NULL REFERENCES staff (id),
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    );
  `,
};
