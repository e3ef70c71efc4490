import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { PairedDevice } from '../../shared/counters';

/** SHA-256 as hex: how credentials and pairing codes are kept (never the secret itself). */
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface DeviceRow {
  id: string;
  till_name: string;
  paired_at: string;
  last_seen_at: string | null;
  last_address: string | null;
  revoked_at: string | null;
}

const deviceOfRow = (row: DeviceRow): PairedDevice => ({
  id: row.id,
  tillName: row.till_name,
  pairedAt: row.paired_at,
  lastSeenAt: row.last_seen_at,
  lastAddress: row.last_address,
  revokedAt: row.revoked_at,
});

// A device's last sighting is written at most this often: not one write per request.
const seenEveryMs = 60_000;

/**
 * The paired counters: each known by the SHA-256 of its credential (the credential itself is
 * given once, at pairing), revocable once and never deleted (its till's receipts keep its name).
 */
export function createDevices(db: Database, now: () => Date) {
  const insert = db.prepare(`INSERT INTO paired_devices (id, till_name, credential_hash,
    paired_at, paired_by, last_seen_at, last_address) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const byCredential = db.prepare<
    [string],
    { id: string; last_seen_at: string | null; last_address: string | null }
  >(
    'SELECT id, last_seen_at, last_address FROM paired_devices WHERE credential_hash = ? AND revoked_at IS NULL',
  );
  const seen = db.prepare(
    'UPDATE paired_devices SET last_seen_at = ?, last_address = ? WHERE id = ?',
  );
  const one = db.prepare<[string], DeviceRow>('SELECT * FROM paired_devices WHERE id = ?');
  const all = db.prepare<[], DeviceRow>('SELECT * FROM paired_devices ORDER BY paired_at, rowid');
  const revoke = db.prepare(
    'UPDATE paired_devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
  );
  const named = db.prepare<[string], { id: string }>(
    'SELECT id FROM paired_devices WHERE till_name = ? COLLATE NOCASE',
  );

  return {
    /**
     * Pairs a new counter as till `tillName`, seen at `address` as it pairs; its credential is in
     * the answer and nowhere else.
     */
    add(
      tillName: string,
      pairedBy: string,
      address: string,
    ): { device: PairedDevice; credential: string } {
      const credential = randomBytes(32).toString('hex');
      const id = randomUUID();
      const at = now().toISOString();
      insert.run(id, tillName, sha256(credential), at, pairedBy, at, address);
      return { device: deviceOfRow(one.get(id) as DeviceRow), credential };
    },
    /**
     * The paired, unrevoked device a credential stands for, or null; notes when and from where
     * it was last seen (at most once a minute, or when its address changed).
     */
    deviceOf(credential: string, address: string): string | null {
      const row = byCredential.get(sha256(credential));
      if (!row) return null;
      const at = now();
      const last = row.last_seen_at ? Date.parse(row.last_seen_at) : Number.NEGATIVE_INFINITY;
      if (at.getTime() - last >= seenEveryMs || row.last_address !== address) {
        // A database in safe mode is read-only: the counter still reads it, unseen.
        try {
          seen.run(at.toISOString(), address, row.id);
        } catch {}
      }
      return row.id;
    },
    list: (): PairedDevice[] => all.all().map(deviceOfRow),
    /** Whether a device, revoked or not, has this till name (names are told apart without case). */
    hasName: (tillName: string) => named.get(tillName) !== undefined,
    /** Revokes a device at once; a device already revoked stays as it was. */
    revoke(id: string): PairedDevice {
      const row = one.get(id);
      if (!row) throw new ApiError('not_found', `No counter ${id} was paired`);
      if (row.revoked_at) throw new ApiError('conflict', `${row.till_name} is already revoked`);
      revoke.run(now().toISOString(), id);
      return deviceOfRow(one.get(id) as DeviceRow);
    },
  };
}

export type Devices = ReturnType<typeof createDevices>;
