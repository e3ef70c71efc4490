import { ApiError } from '../../../shared/api/errors';
import type { CatalogPull } from '../../../shared/head-office';
import type { HqContext, HqHandlers } from '../handlers';

type CatalogHandlers = Pick<HqHandlers, 'catalog.list' | 'catalog.save' | 'catalog.setManaged'>;

const notBuilt = () => {
  throw new ApiError('internal', 'The head office’s catalog is not built yet');
};

/** The chain's catalog, edited by staff (placeholder until it lands). */
export function catalogHandlers(_context: HqContext): CatalogHandlers {
  return {
    'catalog.list': notBuilt,
    'catalog.save': notBuilt,
    'catalog.setManaged': notBuilt,
  };
}

/**
 * `GET /hq/v1/catalog?since=V` for an enrolled shop: the changes for it after version V, in
 * order (placeholder until it lands).
 */
export async function catalogPullFor(
  _context: HqContext,
  _shopId: string,
  _since: number,
): Promise<CatalogPull> {
  throw new ApiError('internal', 'The head office’s catalog is not built yet');
}
