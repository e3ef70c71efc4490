import type { Database } from 'better-sqlite3';

/** What a modem received, oldest first, as the shop's database keeps it. */
export function receivedOn(db: Database, modemId: string) {
  return db
    .prepare<
      [string],
      {
        id: number;
        sender: string | null;
        text: string;
        sent_at: string | null;
        received_at: string;
        complete: number;
        error: string | null;
      }
    >(
      `SELECT id, sender, text, sent_at, received_at, complete, error FROM sms_messages
       WHERE modem_id = ? ORDER BY received_at, id`,
    )
    .all(modemId)
    .map((row) => ({
      id: row.id,
      sender: row.sender,
      text: row.text,
      sentAt: row.sent_at,
      receivedAt: row.received_at,
      complete: row.complete === 1,
      error: row.error,
    }));
}
