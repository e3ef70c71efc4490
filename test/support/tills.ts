import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/**
 * A paired counter's till, as pairing leaves it (a row of migration 0023's paired_devices, with a
 * credential nobody holds): its id is what `core.dispatch(…, 'test', id)` is called from.
 */
export function pairTill(db: Database, name: string): string {
  const id = randomUUID();
  const credentialHash = createHash('sha256').update(randomBytes(32)).digest('hex');
  db.prepare(
    `INSERT INTO paired_devices (id, till_name, credential_hash, paired_at, paired_by)
     VALUES (?, ?, ?, ?, 'manager')`,
  ).run(id, name, credentialHash, new Date().toISOString());
  return id;
}
