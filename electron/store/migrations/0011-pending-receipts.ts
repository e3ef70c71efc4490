import type { Migration } from '../migrate';

/**
 * The receipts that say a top-up is pending verification: about one sale in a hundred. Each
 * start looks among them for a sale settled since whose correction could not be issued, without
 * reading the million receipts of a busy shop (see journal.settledWithPendingReceipt, which
 * spells the condition out word for word so that SQLite uses this index).
 */
export const migration0011: Migration = {
  version: 11,
  name: 'pending-receipts',
  up(db) {
    db.exec(`CREATE INDEX receipts_pending ON receipts (sale_id)
      WHERE json_extract(content, '$.status') = 'pending-verification';`);
  },
};
