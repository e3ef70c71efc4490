import type { Database } from 'better-sqlite3';
import type { InboxMessage, SmsStore } from '../gsm/sms';

/** One received message as kept in the shop's database. */
export interface ReceivedSms {
  id: number;
  modemId: string;
  sender: string | null;
  text: string;
  /** The service centre's time, with the network's offset; null for an undecodable PDU. */
  sentAt: string | null;
  /** When it reached the app, UTC. */
  receivedAt: string;
  complete: boolean;
  /** Why the PDU could not be decoded (it is kept raw in `pdu`); null for a decoded one. */
  error: string | null;
}

interface Row {
  id: number;
  modem_id: string;
  sender: string | null;
  text: string;
  sent_at: string | null;
  received_at: string;
  complete: number;
  error: string | null;
}

function receivedOf(row: Row): ReceivedSms {
  return {
    id: row.id,
    modemId: row.modem_id,
    sender: row.sender,
    text: row.text,
    sentAt: row.sent_at,
    receivedAt: row.received_at,
    complete: row.complete === 1,
    error: row.error,
  };
}

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
  const ofModem = db.prepare<[string], Row>(
    'SELECT * FROM sms_messages WHERE modem_id = ? ORDER BY received_at, id',
  );

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
    /** What a modem received, oldest first. */
    ofModem: (modemId: string): ReceivedSms[] => ofModem.all(modemId).map(receivedOf),
  };
}

export type ReceivedSmsStore = ReturnType<typeof createReceivedSmsStore>;
