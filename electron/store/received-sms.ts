import type { Database } from 'better-sqlite3';
import type { InboxMessage, SmsStore } from '../gsm/sms';

/**
 * The SMS of every modem on SQLite: what each modem's inbox saves before it deletes the SIM
 * copy. Saving is idempotent (the same message read again is kept once), and a message that
 * completes one surfaced incomplete replaces that row instead of adding a second.
 */
export function createReceivedSmsStore(db: Database) {
  const insert = db.prepare(`
    INSERT INTO sms_messages (modem_id, key, sender, text, sent_at, received_at, parts, total,
      complete, encoding, error, pdu)
    VALUES (@modemId, @key, @sender, @text, @sentAt, @receivedAt, @parts, @total, @complete,
      @encoding, @error, @pdu)
    ON CONFLICT (modem_id, key) DO NOTHING`);
  const complete = db.prepare(`
    UPDATE sms_messages SET key = @key, text = @text, parts = @parts, total = @total,
      complete = @complete
    WHERE modem_id = @modemId AND key = @supersedes`);

  const save = db.transaction((modemId: string, message: InboxMessage) => {
    const row = {
      modemId,
      key: message.key,
      sender: message.sender,
      text: message.text,
      sentAt: message.timestamp,
      receivedAt: message.receivedAt,
      parts: message.parts,
      total: message.total,
      complete: message.complete ? 1 : 0,
      encoding: message.encoding,
      error: message.error ? `${message.error.code}: ${message.error.message}` : null,
      pdu: message.pdu,
      supersedes: message.supersedes,
    };
    if (message.supersedes !== null && complete.run(row).changes === 1) return;
    insert.run(row);
  });

  return {
    /** The store one modem's inbox saves into. */
    forModem(modemId: string): SmsStore {
      return { save: (message) => save(modemId, message) };
    },
  };
}
