import type { z } from 'zod';
import { ApiError } from '../../shared/api/errors';
import type { chainFlagSchema } from '../../shared/api/hq-contract/shops';
import type { HqContext, HqHandlers } from './handlers';
import { signedInStaff } from './staff';

type CheckHandlers = Pick<HqHandlers, 'checks.list' | 'checks.acknowledge'>;
type ChainFlag = z.output<typeof chainFlagSchema>;

interface FlagRow {
  id: string;
  shop_id: string;
  shop_name: string;
  chain: ChainFlag['chain'];
  till_id: string;
  kind: ChainFlag['kind'];
  // bigint columns (a sale id), read back as text.
  number: string;
  last_number: string;
  details: Record<string, unknown>;
  flagged_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
}

const flagColumns = `chain_flags.id, chain_flags.shop_id, shops.name AS shop_name, chain,
  till_id, kind, number, last_number, details, flagged_at, acknowledged_at, acknowledged_by`;

function flagOf(row: FlagRow): ChainFlag {
  return {
    id: Number(row.id),
    shopId: row.shop_id,
    shopName: row.shop_name,
    chain: row.chain,
    tillId: row.till_id,
    kind: row.kind,
    number: Number(row.number),
    lastNumber: Number(row.last_number),
    details: row.details,
    flaggedAt: row.flagged_at.toISOString(),
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: row.acknowledged_by,
  };
}

/** What the checks on arrival found, for the staff who look into it. */
export function checkHandlers(context: HqContext): CheckHandlers {
  const { pool, now } = context;
  return {
    async 'checks.list'(input) {
      const found = await pool.query<FlagRow>(
        `SELECT ${flagColumns} FROM chain_flags JOIN shops ON shops.id = chain_flags.shop_id
         WHERE ($1::uuid IS NULL OR chain_flags.shop_id = $1)
           AND (NOT $2 OR acknowledged_at IS NULL)
         ORDER BY flagged_at DESC, chain_flags.id DESC LIMIT 1000`,
        [input.shopId, input.open],
      );
      return { flags: found.rows.map(flagOf) };
    },

    async 'checks.acknowledge'(input, caller) {
      const staff = signedInStaff(caller);
      // Acknowledged once: a second look keeps the first one's name and time.
      const found = await pool.query<FlagRow>(
        `WITH marked AS (
           UPDATE chain_flags SET acknowledged_at = coalesce(acknowledged_at, $2),
             acknowledged_by = coalesce(acknowledged_by, $3)
           WHERE id = $1 RETURNING *)
         SELECT ${flagColumns.replaceAll('chain_flags.', 'marked.')}
         FROM marked JOIN shops ON shops.id = marked.shop_id`,
        [input.id, now(), staff.name],
      );
      const row = found.rows[0];
      if (!row) throw new ApiError('not_found', 'No such finding');
      return flagOf(row);
    },
  };
}
