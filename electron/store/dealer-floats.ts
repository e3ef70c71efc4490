import type { Database } from 'better-sqlite3';
import type { CurrencyCode } from '../../shared/currencies';
import { dealerBalanceFact } from '../head-office/facts';
import { recordFact } from '../head-office/outbox';

/** A dealer SIM's float as stored (migration 0014); amounts in minor units of `currency`. */
export interface StoredFloat {
  modemId: string;
  currency: string;
  balance: number | null;
  checkedAt: string | null;
  source: 'top-up' | 'check' | 'manual' | null;
  lowThreshold: number | null;
  dailyCap: number | null;
  /** When the alert of the current crossing below the threshold went out; null above it. */
  alertedAt: string | null;
}

interface FloatRow {
  modem_id: string;
  currency: string;
  balance: number | null;
  checked_at: string | null;
  source: StoredFloat['source'];
  low_threshold: number | null;
  daily_cap: number | null;
  alerted_at: string | null;
}

const floatOf = (row: FloatRow): StoredFloat => ({
  modemId: row.modem_id,
  currency: row.currency,
  balance: row.balance,
  checkedAt: row.checked_at,
  source: row.source,
  lowThreshold: row.low_threshold,
  dailyCap: row.daily_cap,
  alertedAt: row.alerted_at,
});

/** Each dealer SIM's float, its watch (threshold, cap), and what it sold in a span of time. */
export function createDealerFloatStore(db: Database, now: () => Date) {
  const one = db.prepare<[string], FloatRow>('SELECT * FROM dealer_floats WHERE modem_id = ?');
  const reading = db.prepare(`
    INSERT INTO dealer_floats (modem_id, currency, balance, checked_at, source, updated_at)
    VALUES (@modemId, @currency, @balance, @checkedAt, @source, @updatedAt)
    ON CONFLICT (modem_id) DO UPDATE SET currency = excluded.currency,
      balance = excluded.balance, checked_at = excluded.checked_at, source = excluded.source,
      updated_at = excluded.updated_at`);
  const watch = db.prepare(`
    INSERT INTO dealer_floats (modem_id, currency, low_threshold, daily_cap, updated_at)
    VALUES (@modemId, @currency, @lowThreshold, @dailyCap, @updatedAt)
    ON CONFLICT (modem_id) DO UPDATE SET currency = excluded.currency,
      low_threshold = excluded.low_threshold, daily_cap = excluded.daily_cap,
      updated_at = excluded.updated_at`);
  const alerted = db.prepare(
    'UPDATE dealer_floats SET alerted_at = ?, updated_at = ? WHERE modem_id = ?',
  );
  // What a sale that reached the dealer SIM took from its day: sent, done, or pending.
  const sold = db
    .prepare<[string, string, string], number>(`
      SELECT coalesce(sum(price), 0) FROM sales
      WHERE modem_id = ? AND created_at >= ? AND created_at < ?
        AND status IN ('sending', 'succeeded', 'unknown')`)
    .pluck();
  const phone = db
    .prepare<[], string | null>('SELECT manager_phone FROM float_alert_settings WHERE id = 1')
    .pluck();
  const setPhone = db.prepare(`
    INSERT INTO float_alert_settings (id, manager_phone, updated_at) VALUES (1, ?, ?)
    ON CONFLICT (id) DO UPDATE SET manager_phone = excluded.manager_phone,
      updated_at = excluded.updated_at`);
  const stamp = () => now().toISOString();
  return {
    /** The manager's phone a low float is told to by SMS; null: by screens only. */
    alertPhone: (): string | null => phone.get() ?? null,
    setAlertPhone(managerPhone: string | null) {
      setPhone.run(managerPhone, stamp());
    },
    get(modemId: string): StoredFloat | null {
      const row = one.get(modemId);
      return row ? floatOf(row) : null;
    },
    /**
     * A new reading of the float: from a top-up's reply, a balance check, or a manager. It goes
     * up to the head office with the float in one commit.
     */
    record(
      modemId: string,
      read: {
        carrierId: string;
        currency: CurrencyCode;
        balance: number;
        source: NonNullable<StoredFloat['source']>;
        at: Date;
      },
    ) {
      db.transaction(() => {
        const checkedAt = read.at.toISOString();
        reading.run({
          modemId,
          currency: read.currency,
          balance: read.balance,
          checkedAt,
          source: read.source,
          updatedAt: stamp(),
        });
        const { carrierId, currency, balance: amount } = read;
        const learnt = { modemId, carrierId, amount, currency, at: checkedAt };
        recordFact(db, dealerBalanceFact(db, learnt), read.at);
      }).immediate();
    },
    /**
     * The low threshold and the daily cap (null: none), in the carrier's currency. The head
     * office learns the new threshold at once, with the last known balance, in the same commit.
     */
    setWatch(
      modemId: string,
      set: {
        carrierId: string;
        currency: CurrencyCode;
        lowThreshold: number | null;
        dailyCap: number | null;
      },
    ) {
      const { carrierId, ...watched } = set;
      db.transaction(() => {
        const before = one.get(modemId)?.low_threshold ?? null;
        watch.run({ modemId, ...watched, updatedAt: stamp() });
        const known = one.get(modemId);
        // No balance known yet: the head office's float is a balance, so there is nothing to
        // send; the first reading carries the threshold set now. A cap alone is the shop's.
        if (!known || known.balance === null || known.checked_at === null) return;
        if (known.low_threshold === before) return;
        const learnt = {
          modemId,
          carrierId,
          amount: known.balance,
          currency: set.currency,
          at: known.checked_at,
        };
        recordFact(db, dealerBalanceFact(db, learnt), now());
      }).immediate();
    },
    /** The alert of this crossing went out (a time), or the float is back above (null). */
    setAlerted(modemId: string, at: Date | null) {
      alerted.run(at?.toISOString() ?? null, stamp(), modemId);
    },
    /** Money sold through the SIM between two instants (the shop's day). */
    soldBetween: (modemId: string, from: Date, to: Date): number =>
      sold.get(modemId, from.toISOString(), to.toISOString()) ?? 0,
  };
}

export type DealerFloatStore = ReturnType<typeof createDealerFloatStore>;
