import type { Migration } from '../migrate';

/**
 * The till's extras around a receipt, each append-only:
 * - the language the clerk picked for a sale's receipt (none: the shop's), kept from the moment
 *   the sale is written so the receipt issued at its outcome, even after a restart, is in it;
 * - each receipt sent by SMS to a customer: to which number, in which language, the text, the
 *   modem that sent it, and whether it went;
 * - each opening of the cash drawer without a sale: on which printer, who asked, which manager
 *   allowed it, and why;
 * - one row of printing options: whether a sale's receipt prints by itself (default yes).
 */
export const migration0015: Migration = {
  version: 15,
  name: 'receipt-language-sms-and-drawer',
  up(db) {
    db.exec(`
      CREATE TABLE sale_receipt_languages (
        sale_id INTEGER PRIMARY KEY REFERENCES sales (id),
        language TEXT NOT NULL CHECK (language IN ('en', 'fr', 'zh-CN'))
      ) STRICT;
      CREATE TRIGGER sale_receipt_languages_kept BEFORE UPDATE ON sale_receipt_languages
      BEGIN SELECT RAISE(ABORT, 'a receipt language is never changed'); END;
      CREATE TRIGGER sale_receipt_languages_never_deleted BEFORE DELETE ON sale_receipt_languages
      BEGIN SELECT RAISE(ABORT, 'a receipt language is never deleted'); END;

      CREATE TABLE receipt_sms (
        id INTEGER PRIMARY KEY,
        sale_id INTEGER NOT NULL REFERENCES sales (id),
        receipt_number INTEGER NOT NULL,
        to_number TEXT NOT NULL CHECK (to_number GLOB '+[0-9]*'),
        language TEXT NOT NULL CHECK (language IN ('en', 'fr', 'zh-CN')),
        text TEXT NOT NULL,
        modem_id TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'failed')),
        error TEXT,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        CHECK ((outcome = 'failed') = (error IS NOT NULL))
      ) STRICT;
      CREATE INDEX receipt_sms_by_sale ON receipt_sms (sale_id);
      CREATE TRIGGER receipt_sms_kept BEFORE UPDATE ON receipt_sms
      BEGIN SELECT RAISE(ABORT, 'a sent SMS is never changed'); END;
      CREATE TRIGGER receipt_sms_never_deleted BEFORE DELETE ON receipt_sms
      BEGIN SELECT RAISE(ABORT, 'a sent SMS is never deleted'); END;

      CREATE TABLE drawer_openings (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        printer_id TEXT NOT NULL,
        actor TEXT NOT NULL,
        approved_by TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0)
      ) STRICT;
      CREATE INDEX drawer_openings_by_time ON drawer_openings (at);
      CREATE TRIGGER drawer_openings_kept BEFORE UPDATE ON drawer_openings
      BEGIN SELECT RAISE(ABORT, 'a drawer opening is never changed'); END;
      CREATE TRIGGER drawer_openings_never_deleted BEFORE DELETE ON drawer_openings
      BEGIN SELECT RAISE(ABORT, 'a drawer opening is never deleted'); END;

      CREATE TABLE printing_options (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        auto_print INTEGER NOT NULL CHECK (auto_print IN (0, 1)),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
