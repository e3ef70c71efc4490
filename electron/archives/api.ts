import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import { parsePeriod } from '../../shared/period';
import type { Handlers } from '../api/dispatcher';
import type { Permit } from '../auth/permissions';
import type { CarrierBook } from '../carriers/book';
import type { ShopProfileStore } from '../store/shop-profile';
import { createArchive } from './create';
import { listArchives, readPolicy, writePolicy } from './folder';

/** Archives of closed periods, in the folder beside the database. */
export function archivesHandlers(deps: {
  db: Database;
  deviceId: string;
  shop: ShopProfileStore;
  carriers: CarrierBook;
  folder: string;
  now: () => Date;
  permit: Permit;
}): Pick<
  Handlers,
  'archives.create' | 'archives.list' | 'archives.getPolicy' | 'archives.setPolicy'
> {
  const { folder } = deps;
  return {
    'archives.create': ({ period: name, manager }, caller) => {
      deps.permit('export', caller, manager);
      const period = parsePeriod(name);
      if (!period) {
        throw new ApiError('invalid_input', 'A period is a month (YYYY-MM) or a year (YYYY)', [
          { path: 'period', code: 'period_format', message: 'A month is YYYY-MM, a year YYYY' },
        ]);
      }
      const shop = deps.shop.get();
      if (!shop) throw new ApiError('conflict', 'The shop is not set up: it has no books yet');
      const archive = createArchive(
        deps.db,
        { ...deps, shop, carriers: deps.carriers.list() },
        period,
      );
      return { archive };
    },
    'archives.list': () => ({ folder, archives: listArchives(folder, readPolicy(folder)) }),
    'archives.getPolicy': () => readPolicy(folder),
    'archives.setPolicy': (policy) => {
      writePolicy(folder, policy);
      return readPolicy(folder);
    },
  };
}
