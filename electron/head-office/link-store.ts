import type { Database } from 'better-sqlite3';
import type { SecretSealer } from '../store/dealer-pins';
import { HeadOfficeError } from './link';

/** The shop's link to its head office, as `head_office` keeps it (one row once enrolled). */
export interface StoredLink {
  url: string;
  shopId: string;
  shopName: string;
  fingerprint: string | null;
  managed: boolean;
  enrolledAt: string;
  enrolledBy: string;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: { at: string; code: string; message: string } | null;
  nextAttemptAt: string | null;
  failures: number;
}

interface Row {
  url: string;
  shop_id: string;
  shop_name: string;
  fingerprint: string | null;
  managed: number;
  enrolled_at: string;
  enrolled_by: string;
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_error_at: string | null;
  last_error_code: string | null;
  last_error_message: string | null;
  next_attempt_at: string | null;
  failures: number;
}

const linkOf = (row: Row): StoredLink => ({
  url: row.url,
  shopId: row.shop_id,
  shopName: row.shop_name,
  fingerprint: row.fingerprint,
  managed: row.managed === 1,
  enrolledAt: row.enrolled_at,
  enrolledBy: row.enrolled_by,
  lastAttemptAt: row.last_attempt_at,
  lastSuccessAt: row.last_success_at,
  lastError:
    row.last_error_at && row.last_error_code
      ? {
          at: row.last_error_at,
          code: row.last_error_code,
          message: row.last_error_message ?? '',
        }
      : null,
  nextAttemptAt: row.next_attempt_at,
  failures: row.failures,
});

/**
 * The `head_office` row: written once at enrolment (the credential sealed with the core's
 * sealer, so neither the database nor its backups hold it in clear), then each attempt's outcome.
 */
export function createLinkStore(db: Database, sealer: SecretSealer) {
  return {
    get(): StoredLink | null {
      const row = db.prepare('SELECT * FROM head_office WHERE id = 1').get() as Row | undefined;
      return row ? linkOf(row) : null;
    },
    /**
     * The shop's credential, opened; null before enrolment. A credential this PC cannot open (a
     * backup restored on another PC, the key lost) is said as such: the shop must enrol again.
     */
    credential(): string | null {
      const sealed = db
        .prepare('SELECT credential_sealed FROM head_office WHERE id = 1')
        .pluck()
        .get() as string | undefined;
      if (sealed === undefined) return null;
      try {
        return sealer.open(sealed);
      } catch (error) {
        throw new HeadOfficeError(
          'credential_unreadable',
          `This PC cannot open the shop’s head office credential (${(error as Error).message}): the shop must be enrolled again`,
        );
      }
    },
    /**
     * Keeps the link, replacing the one before in the same transaction (an enrolment again):
     * its attempts, errors and schedule go with it.
     */
    enrol(link: {
      url: string;
      shopId: string;
      shopName: string;
      fingerprint: string | null;
      managed: boolean;
      credential: string;
      at: string;
      by: string;
    }): void {
      db.transaction(() => {
        db.prepare('DELETE FROM head_office WHERE id = 1').run();
        db.prepare(
          `INSERT INTO head_office (id, url, shop_id, shop_name, credential_sealed, fingerprint,
             managed, enrolled_at, enrolled_by)
           VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          link.url,
          link.shopId,
          link.shopName,
          sealer.seal(link.credential),
          link.fingerprint,
          link.managed ? 1 : 0,
          link.at,
          link.by,
        );
      })();
    },
    attempted(at: string): void {
      db.prepare('UPDATE head_office SET last_attempt_at = ? WHERE id = 1').run(at);
    },
    /** An attempt went through: the last error is over (the manager reads no stale one). */
    succeeded(at: string, nextAttemptAt: string): void {
      db.prepare(
        `UPDATE head_office SET last_success_at = ?, failures = 0, next_attempt_at = ?,
           last_error_at = NULL, last_error_code = NULL, last_error_message = NULL WHERE id = 1`,
      ).run(at, nextAttemptAt);
    },
    /** An attempt failed: why, in words, and when the next one is (later after each failure). */
    failed(error: { at: string; code: string; message: string }, nextAttemptAt: string): void {
      db.prepare(
        `UPDATE head_office SET last_error_at = ?, last_error_code = ?, last_error_message = ?,
           failures = failures + 1, next_attempt_at = ? WHERE id = 1`,
      ).run(error.at, error.code, error.message, nextAttemptAt);
    },
  };
}

export type LinkStore = ReturnType<typeof createLinkStore>;
