import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { z } from 'zod';
import { ApiError } from '../../shared/api/errors';
import type { shopSummarySchema } from '../../shared/api/hq-contract/shops';
import type { CurrencyCode } from '../../shared/currencies';
import { zoneMismatch, zoneMismatchMessage } from '../../shared/enrolment-match';
import { type enrolRequestSchema, enrolResponseSchema } from '../../shared/head-office';
import type { HqContext, HqHandlers } from './handlers';
import { enrolmentCodeHash, hashSecret, newEnrolmentCode, newSecret } from './secrets';
import { signedInStaff } from './staff';
import { admitGuess, forgetGuesses, type ThrottleRule } from './throttle';
import { inTransaction, isUniqueViolation } from './transaction';

type ShopHandlers = Pick<HqHandlers, 'shops.list' | 'shops.create' | 'shops.renewCode'>;
type ShopSummary = z.output<typeof shopSummarySchema>;

/** How long an enrolment code may be used: a day to install the shop. */
export const enrolmentCodeHours = 24;

interface ShopRow {
  id: string;
  name: string;
  zone: string;
  currency: CurrencyCode;
  managed: boolean;
  enrolled_at: Date | null;
  last_batch_at: Date | null;
  backlog: number;
  facts_stored: string;
  catalog_version: string;
  open_flags: string;
}

const shopColumns = `shops.id, shops.name, shops.zone, shops.currency, shops.managed,
  shops.enrolled_at, shops.last_batch_at, shops.backlog, shops.facts_stored, shops.catalog_version,
  (SELECT count(*) FROM chain_flags
    WHERE chain_flags.shop_id = shops.id AND acknowledged_at IS NULL) AS open_flags`;

function summaryOf(row: ShopRow): ShopSummary {
  return {
    id: row.id,
    name: row.name,
    zone: row.zone,
    currency: row.currency,
    managed: row.managed,
    enrolledAt: row.enrolled_at?.toISOString() ?? null,
    lastBatchAt: row.last_batch_at?.toISOString() ?? null,
    backlog: row.backlog,
    factsStored: Number(row.facts_stored),
    catalogVersion: Number(row.catalog_version),
    openFlags: Number(row.open_flags),
  };
}

/** Gives a shop a new code, voiding the ones not used yet; the code itself is never stored. */
async function issueCode(client: Pool | PoolClient, shopId: string, at: Date) {
  const code = newEnrolmentCode();
  const expiresAt = new Date(at.getTime() + enrolmentCodeHours * 3_600_000);
  await client.query('DELETE FROM enrolment_codes WHERE shop_id = $1 AND used_at IS NULL', [
    shopId,
  ]);
  await client.query(
    `INSERT INTO enrolment_codes (code_hash, shop_id, created_at, expires_at)
     VALUES ($1, $2, $3, $4)`,
    [enrolmentCodeHash(code), shopId, at, expiresAt],
  );
  return { code, expiresAt: expiresAt.toISOString() };
}

export function shopHandlers(context: HqContext): ShopHandlers {
  const { pool, now } = context;
  return {
    async 'shops.list'() {
      const shops = await pool.query<ShopRow>(`SELECT ${shopColumns} FROM shops ORDER BY name`);
      const version = await pool.query<{ version: string }>(
        'SELECT coalesce(max(version), 0) AS version FROM catalog_changes',
      );
      return {
        shops: shops.rows.map(summaryOf),
        catalogVersion: Number(version.rows[0]?.version ?? 0),
      };
    },

    async 'shops.create'(input, caller) {
      const staff = signedInStaff(caller);
      const at = now();
      try {
        return await inTransaction(pool, async (client) => {
          const made = await client.query<{ id: string }>(
            `INSERT INTO shops (id, name, zone, currency, managed, created_at, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
            [randomUUID(), input.name, input.zone, input.currency, input.managed, at, staff.name],
          );
          const id = made.rows[0]?.id as string;
          const enrolment = await issueCode(client, id, at);
          const shop = await client.query<ShopRow>(
            `SELECT ${shopColumns} FROM shops WHERE id = $1`,
            [id],
          );
          return { shop: summaryOf(shop.rows[0] as ShopRow), enrolment };
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ApiError('conflict', `A shop named “${input.name}” exists already`);
        }
        throw error;
      }
    },

    async 'shops.renewCode'(input) {
      return inTransaction(pool, async (client) => {
        const shop = await client.query('SELECT 1 FROM shops WHERE id = $1 FOR UPDATE', [
          input.shopId,
        ]);
        if (shop.rowCount === 0) throw new ApiError('not_found', 'No such shop');
        return issueCode(client, input.shopId, now());
      });
    },
  };
}

const refused = () =>
  new ApiError(
    'enrolment_refused',
    'The head office does not accept this enrolment code: it is wrong, used or more than ' +
      `${enrolmentCodeHours} hours old. Ask the head office for a new one.`,
  );

/**
 * How wrong enrolment codes are slowed down, per client: as wrong passwords are. A code is 60
 * bits and lives a day, but nothing should let a client try them as fast as it can send.
 */
export const enrolmentThrottle: ThrottleRule = {
  freeFailures: 3,
  firstDelayMs: 1000,
  maxDelayMs: 5 * 60_000,
  forgetAfterMs: 15 * 60_000,
};

/**
 * `POST /hq/v1/enrol` from `client`: a shop gives its code once and receives its credential.
 * Each try is counted before its code is checked (`admitGuess`), and a code the head office
 * knows clears the count, even when the enrolment is refused for the shop's zone or currency.
 */
export async function enrolShop(
  context: Pick<HqContext, 'pool' | 'now'>,
  request: z.output<typeof enrolRequestSchema>,
  client: string,
) {
  await admitGuess(
    context,
    'enrol',
    client,
    enrolmentThrottle,
    (seconds) => `Too many wrong enrolment codes from this address: try again in ${seconds} s`,
  );
  try {
    const enrolment = await enrolWithCode(context, request);
    await forgetGuesses(context.pool, 'enrol', client);
    return enrolment;
  } catch (error) {
    if (error instanceof ApiError && error.params?.reason === 'zone_mismatch') {
      await forgetGuesses(context.pool, 'enrol', client);
    }
    throw error;
  }
}

/**
 * The enrolment itself. The code is used up in the same transaction that stores the
 * credential's hash, so two shops racing with one code cannot both enrol; a shop enrolled again
 * (a new code) gets a new credential and the old one stops working.
 */
async function enrolWithCode(
  context: Pick<HqContext, 'pool' | 'now'>,
  request: z.output<typeof enrolRequestSchema>,
) {
  const codeHash = enrolmentCodeHash(request.code);
  if (codeHash === null) throw refused();
  const at = context.now();
  const credential = newSecret();
  return inTransaction(context.pool, async (client) => {
    // The shop's row first, locked with its code: a refusal for its zone or currency leaves the
    // code unused, so the same code enrols once one side is corrected.
    const coded = await client.query<{ zone: string; currency: CurrencyCode }>(
      `SELECT shops.zone, shops.currency FROM enrolment_codes
       JOIN shops ON shops.id = enrolment_codes.shop_id
       WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2
       FOR UPDATE`,
      [codeHash, at],
    );
    const headOffice = coded.rows[0];
    if (headOffice === undefined) throw refused();
    // What the shop did not send (an older shop sends neither) is taken as agreed.
    const mismatch = zoneMismatch(headOffice, {
      zone: request.zone ?? headOffice.zone,
      currency: request.currency ?? headOffice.currency,
    });
    if (mismatch) {
      throw new ApiError('enrolment_refused', zoneMismatchMessage(mismatch), undefined, {
        reason: 'zone_mismatch',
        ...mismatch,
      });
    }
    const used = await client.query<{ shop_id: string }>(
      `UPDATE enrolment_codes SET used_at = $2
       WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2
       RETURNING shop_id`,
      [codeHash, at],
    );
    const shopId = used.rows[0]?.shop_id;
    if (shopId === undefined) throw refused();
    const shop = await client.query<{
      id: string;
      name: string;
      zone: string;
      currency: string;
      managed: boolean;
    }>(
      `UPDATE shops SET credential_hash = $2, enrolled_at = $3, software = $4 WHERE id = $1
       RETURNING id, name, zone, currency, managed`,
      [shopId, hashSecret(credential), at, request.software],
    );
    const row = shop.rows[0];
    if (!row) throw refused();
    return enrolResponseSchema.parse({
      shopId: row.id,
      name: row.name,
      zone: row.zone,
      currency: row.currency,
      managed: row.managed,
      credential,
    });
  });
}

/** The enrolled shop a bearer credential stands for, or null. */
export async function shopOfCredential(
  pool: Pool,
  credential: string | null,
): Promise<{ id: string } | null> {
  if (credential === null) return null;
  const found = await pool.query<{ id: string }>(
    'SELECT id FROM shops WHERE credential_hash = $1',
    [hashSecret(credential)],
  );
  return found.rows[0] ?? null;
}
