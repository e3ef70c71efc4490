import type { Pool, PoolClient } from 'pg';
import type { CarrierProfile } from '../../../shared/carrier';
import { type CatalogChange, catalogChangeSchema } from '../../../shared/head-office';

type Querier = Pick<Pool | PoolClient, 'query'>;

interface ChangeRow {
  version: string;
  kind: CatalogChange['kind'];
  change: Record<string, unknown>;
  effective_from: string | null;
  shop_ids: string[] | null;
  created_at: Date;
  created_by: string;
}

/** A stored row as the wire carries it: what changes, its version and when it applies. */
export function changeOf(row: ChangeRow): CatalogChange {
  return catalogChangeSchema.parse({
    ...row.change,
    version: Number(row.version),
    kind: row.kind,
    effectiveFrom: row.effective_from,
  });
}

/** What a change says, without its version (the database numbers it). */
export type ChangeBody =
  | { kind: 'carrierProfile'; profile: CarrierProfile }
  | { kind: 'shopSettings'; settings: { managed: boolean } };

// The advisory lock that publishes take in turn: this class, one key.
const publishLockClass = 0x6863; // "hc"

/**
 * Publishes a change for `shopIds` (null: every managed shop, now and later) under the next
 * version: versions only grow, so a shop asking for what came after its own misses nothing. A
 * version is drawn at the insert but seen at the commit: publishes take a lock held until their
 * transaction ends (`db` is in one), so no version becomes visible before a lower one and a shop
 * pulling in between never steps over one.
 */
export async function publishChange(
  db: PoolClient,
  body: ChangeBody,
  effectiveFrom: string | null,
  shopIds: readonly string[] | null,
  by: { at: Date; name: string },
): Promise<CatalogChange> {
  const { kind, ...change } = body;
  await db.query('SELECT pg_advisory_xact_lock($1, 0)', [publishLockClass]);
  const { rows } = await db.query<ChangeRow>(
    `INSERT INTO catalog_changes (kind, change, effective_from, shop_ids, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [kind, JSON.stringify(change), effectiveFrom, shopIds, by.at, by.name],
  );
  return changeOf(rows[0] as ChangeRow);
}

/** Every change published, newest first, with whom it is for and who published it. */
export async function listChanges(db: Querier, limit: number) {
  const { rows } = await db.query<ChangeRow>(
    'SELECT * FROM catalog_changes ORDER BY version DESC LIMIT $1',
    [limit],
  );
  return rows.map((row) => ({
    change: changeOf(row),
    shopIds: row.shop_ids,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
  }));
}

/** The newest published profile of each carrier id, scheduled ones included. */
export async function latestProfiles(db: Querier): Promise<CarrierProfile[]> {
  const { rows } = await db.query<ChangeRow>(
    `SELECT DISTINCT ON (change -> 'profile' ->> 'id') *
       FROM catalog_changes WHERE kind = 'carrierProfile'
      ORDER BY change -> 'profile' ->> 'id', version DESC`,
  );
  return rows.flatMap((row) => {
    const change = changeOf(row);
    return change.kind === 'carrierProfile' ? [change.profile] : [];
  });
}

/**
 * The head office's catalog, by name: each carrier's newest published profile, else the profile
 * Comptoir ships (`shipped`, the starting point until the head office publishes its own).
 */
export async function catalogProfiles(
  db: Querier,
  shipped: readonly CarrierProfile[],
): Promise<CarrierProfile[]> {
  const published = await latestProfiles(db);
  const ids = new Set(published.map((profile) => profile.id));
  return [...shipped.filter((profile) => !ids.has(profile.id)), ...published].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}

/**
 * Each carrier's name as the head office's catalog knows it, by carrier id (as the Catalog screen
 * lists them). The screens name a carrier so, and by its id only when the catalog has no profile
 * of it.
 */
export async function carrierNames(
  db: Querier,
  shipped: readonly CarrierProfile[],
): Promise<Map<string, string>> {
  return new Map((await catalogProfiles(db, shipped)).map((profile) => [profile.id, profile.name]));
}

/**
 * The changes for a shop after `since`, in version order: those naming it, and those for every
 * managed shop while it is managed (a shop made managed again gets those it missed meanwhile, as
 * its version stopped at the change that let it go). At most `limit`: the shop asks again for the rest.
 */
export async function changesFor(
  db: Querier,
  shopId: string,
  since: number,
  limit: number,
): Promise<CatalogChange[]> {
  const { rows } = await db.query<ChangeRow>(
    `SELECT c.* FROM catalog_changes c, shops s
      WHERE s.id = $1 AND c.version > $2
        AND ($1 = ANY (c.shop_ids) OR (c.shop_ids IS NULL AND s.managed))
      ORDER BY c.version LIMIT $3`,
    [shopId, since, limit],
  );
  // With its publish time: the shop orders an "at once" change after dated ones already due.
  return rows.map((row) => ({ ...changeOf(row), publishedAt: row.created_at.toISOString() }));
}
