import type { Database } from 'better-sqlite3';
import type { BalanceCheckOutcome, BalanceCheckView } from '../../shared/balance';

/** A check to keep: a reply read (or not), or a query left unanswered. */
interface NewBalanceCheck {
  msisdn: string;
  carrierId: string;
  modemId: string;
  clerkId: number;
  askedAt: string;
  outcome: BalanceCheckOutcome;
  remainingMb: number | null;
  validUntil: string | null;
  text: string | null;
  receivedAt: string | null;
}

interface Row {
  id: number;
  msisdn: string;
  carrier_id: string;
  modem_id: string;
  asked_at: string;
  outcome: BalanceCheckOutcome;
  remaining_mb: number | null;
  valid_until: string | null;
  reply_text: string | null;
  replied_at: string | null;
}

function checkOf(row: Row): BalanceCheckView {
  return {
    id: row.id,
    msisdn: row.msisdn,
    carrierId: row.carrier_id,
    modemId: row.modem_id,
    outcome: row.outcome,
    askedAt: row.asked_at,
    remainingMb: row.remaining_mb,
    validUntil: row.valid_until,
    text: row.reply_text,
    receivedAt: row.replied_at,
  };
}

/** Every balance check of every card, append-only (the database refuses edits). */
export function createBalanceCheckStore(db: Database) {
  const insert = db.prepare(`
    INSERT INTO balance_checks (msisdn, carrier_id, modem_id, clerk_id, asked_at, outcome,
      remaining_mb, valid_until, reply_text, replied_at)
    VALUES (@msisdn, @carrierId, @modemId, @clerkId, @askedAt, @outcome, @remainingMb,
      @validUntil, @text, @receivedAt)`);
  const byId = db.prepare<[number], Row>('SELECT * FROM balance_checks WHERE id = ?');
  const ofCard = db.prepare<[string, number], Row>(
    'SELECT * FROM balance_checks WHERE msisdn = ? ORDER BY asked_at DESC, id DESC LIMIT ?',
  );
  const readTwiceSince = db.prepare<{ since: string }, Row>(`
    SELECT * FROM balance_checks
    WHERE outcome = 'ok' AND asked_at >= @since AND msisdn IN (
      SELECT msisdn FROM balance_checks WHERE outcome = 'ok' AND asked_at >= @since
      GROUP BY msisdn HAVING count(*) >= 2)
    ORDER BY msisdn, asked_at, id`);
  const lastCarrier = db
    .prepare<[string], string>(
      'SELECT carrier_id FROM balance_checks WHERE msisdn = ? ORDER BY asked_at DESC, id DESC',
    )
    .pluck();

  return {
    add(check: NewBalanceCheck): BalanceCheckView {
      const { lastInsertRowid } = insert.run(check);
      const row = byId.get(Number(lastInsertRowid));
      if (!row) throw new Error('The balance check was not kept');
      return checkOf(row);
    },
    /** A card's checks, newest first, at most `limit`. */
    ofCard: (msisdn: string, limit = 200): BalanceCheckView[] =>
      ofCard.all(msisdn, limit).map(checkOf),
    /**
     * The checks that read a balance since `since` (ISO 8601), of the cards that had two or more
     * of them since then: what the shop's typical usage is read from.
     */
    readTwiceSince: (since: string): BalanceCheckView[] =>
      readTwiceSince.all({ since }).map(checkOf),
    /** The carrier a card was last checked with, if it ever was. */
    lastCarrierOf: (msisdn: string): string | null => lastCarrier.get(msisdn) ?? null,
  };
}

export type BalanceCheckStore = ReturnType<typeof createBalanceCheckStore>;
