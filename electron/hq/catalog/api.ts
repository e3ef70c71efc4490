import { ApiError } from '../../../shared/api/errors';
import type { CarrierProfile } from '../../../shared/carrier';
import { readEffectiveFrom } from '../../../shared/catalog-time';
import type { CatalogPull } from '../../../shared/head-office';
import { refuseForeignCurrency } from '../../api/money-inputs';
import { planOfAnotherCarrier } from '../../carriers/book';
import type { HqContext, HqHandlers } from '../handlers';
import { inTransaction } from '../transaction';
import { catalogProfiles, changesFor, listChanges, publishChange } from './changes';

type CatalogHandlers = Pick<HqHandlers, 'catalog.list' | 'catalog.save' | 'catalog.setManaged'>;

/** Changes listed on the Catalog screen, and sent to a shop per pull (it asks again for more). */
const listLimit = 200;
const pullLimit = 200;

const invalid = (path: string, code: string, message: string) =>
  new ApiError('invalid_input', message, [{ path, code, message }]);

/**
 * The chain's catalog, edited by staff: carrier profiles (plans and prices) published under
 * growing versions, each for every managed shop or some, to apply at a local time in each
 * shop's zone; and which shops are managed. `shipped` are the profiles Comptoir ships, the
 * starting point until the head office publishes its own.
 */
export function catalogHandlers(
  context: HqContext,
  shipped: readonly CarrierProfile[] = [],
): CatalogHandlers {
  const { pool, now } = context;

  const profiles = () => catalogProfiles(pool, shipped);

  return {
    async 'catalog.list'() {
      const [version, changes, shops] = await Promise.all([
        pool.query<{ version: string }>(
          'SELECT coalesce(max(version), 0) AS version FROM catalog_changes',
        ),
        listChanges(pool, listLimit),
        pool.query<{ id: string; name: string; catalog_version: string; managed: boolean }>(
          'SELECT id, name, catalog_version, managed FROM shops ORDER BY name',
        ),
      ]);
      return {
        version: Number(version.rows[0]?.version ?? 0),
        profiles: await profiles(),
        changes,
        shops: shops.rows.map((shop) => ({
          id: shop.id,
          name: shop.name,
          version: Number(shop.catalog_version),
          managed: shop.managed,
        })),
      };
    },

    async 'catalog.save'({ profile, effectiveFrom, shopIds }, caller) {
      if (effectiveFrom !== null && !readEffectiveFrom(effectiveFrom)) {
        throw invalid(
          'effectiveFrom',
          'invalid_date',
          `${effectiveFrom} is not a real day and time`,
        );
      }
      const clash = planOfAnotherCarrier(profile, await profiles());
      if (clash) throw invalid(`profile.${clash.path}`, 'plan_of_another_carrier', clash.message);
      const targets = await pool.query<{ id: string; currency: string; managed: boolean }>(
        shopIds === null
          ? 'SELECT id, currency, managed FROM shops WHERE managed'
          : 'SELECT id, currency, managed FROM shops WHERE id = ANY ($1)',
        shopIds === null ? [] : [shopIds],
      );
      for (const [index, id] of (shopIds ?? []).entries()) {
        const shop = targets.rows.find((row) => row.id === id);
        if (!shop) throw invalid(`shopIds.${index}`, 'unknown_shop', `No shop ${id}`);
        // A shop that sets its own prices is sent none: made managed, it gets the chain's.
        if (!shop.managed) {
          throw invalid(`shopIds.${index}`, 'not_managed', `The shop ${id} sets its own prices`);
        }
      }
      // A till counts in one currency: a profile priced in another is refused for every shop.
      for (const shop of targets.rows) {
        refuseForeignCurrency(
          profile.currency,
          shop.currency as CarrierProfile['currency'],
          'profile.currency',
        );
      }
      const by = { at: now(), name: caller.staff?.name ?? 'head office' };
      const change = await inTransaction(pool, (client) =>
        publishChange(client, { kind: 'carrierProfile', profile }, effectiveFrom, shopIds, by),
      );
      return { change };
    },

    async 'catalog.setManaged'({ shopId, managed }, caller) {
      const by = { at: now(), name: caller.staff?.name ?? 'head office' };
      return inTransaction(pool, async (client) => {
        const { rowCount } = await client.query('UPDATE shops SET managed = $2 WHERE id = $1', [
          shopId,
          managed,
        ]);
        if (!rowCount) throw new ApiError('not_found', `No shop ${shopId}`);
        const change = await publishChange(
          client,
          { kind: 'shopSettings', settings: { managed } },
          null,
          [shopId],
          by,
        );
        return { change };
      });
    },
  };
}

/**
 * `GET /hq/v1/catalog?since=V` for an enrolled shop: the changes for it after version V, in
 * order, and the version it then has (V when nothing changed).
 */
export async function catalogPullFor(
  context: HqContext,
  shopId: string,
  since: number,
): Promise<CatalogPull> {
  const changes = await changesFor(context.pool, shopId, since, pullLimit);
  return { changes, version: changes.at(-1)?.version ?? since };
}
