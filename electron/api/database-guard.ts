import type { ProcedureName } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { isDatabaseDamage } from '../store/database-check';
import type { Handlers } from './dispatcher';

/**
 * What a damaged database still answers (safe mode): reads, signing in and out, and the way out
 * (a restore). Everything else writes or sends, and a procedure added later is refused until it
 * is listed here.
 */
const answeredWhileDamaged: ReadonlySet<ProcedureName> = new Set<ProcedureName>([
  'app.get',
  'auth.login',
  'auth.logout',
  'auth.renew',
  // Locks on names live in memory: a manager locked out must still get in to restore.
  'users.listLocked',
  'users.unlock',
  'shop.get',
  'users.list',
  'catalog.list',
  'sales.get',
  'sales.list',
  'sales.listCarrierReplies',
  'receipts.get',
  'receipts.verify',
  'receipts.getStartCheck',
  'cards.get',
  'cards.getUpgradeAdvice',
  'printers.list',
  'carriers.list',
  'carriers.get',
  'modems.list',
  'modems.listSettings',
  'modems.timeline',
  'modems.getPowerCycle',
  'modems.listFloats',
  'modems.getFloatAlerts',
  'modems.getActivity',
  'shifts.getCurrent',
  'counters.get',
  'counters.listDevices',
  'tills.list',
  'day.getReport',
  'day.list',
  'day.get',
  'day.export',
  'day.getShopTotal',
  'accountant.export',
  'periods.list',
  'periods.get',
  'backups.list',
  'backups.restore',
  'archives.list',
  'archives.getPolicy',
  'audit.list',
  'audit.verify',
  'audit.export',
  'permissions.get',
  'sync.getStatus',
]);

export const damagedRefusal = () =>
  new ApiError(
    'database_damaged',
    'The shop database is damaged: it can be read but nothing is sold or written until a manager restores a backup',
  );

interface DatabaseState {
  /** Whether the shop is in safe mode (the database was found damaged). */
  damaged(): boolean;
  /** A read hit a damaged page: the shop goes to safe mode. */
  found(problem: string): void;
}

/**
 * Every handler behind the database's state: in safe mode only what reads runs, and a read that
 * hits a damaged page (at any time) answers `database_damaged` instead of failing as internal.
 */
export function guardHandlers(handlers: Handlers, state: DatabaseState): Handlers {
  const guarded = Object.entries(handlers).map(([name, handler]) => {
    const run = handler as (...args: unknown[]) => unknown;
    const wrapped = async (...args: unknown[]) => {
      if (state.damaged() && !answeredWhileDamaged.has(name as ProcedureName)) {
        throw damagedRefusal();
      }
      try {
        return await run(...args);
      } catch (error) {
        if (!isDatabaseDamage(error)) throw error;
        state.found((error as Error).message);
        throw damagedRefusal();
      }
    };
    return [name, wrapped];
  });
  return Object.fromEntries(guarded) as Handlers;
}
