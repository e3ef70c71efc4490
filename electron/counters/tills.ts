import type { Database } from 'better-sqlite3';
import { type DrawerMode, drawerModeSchema, type Till } from '../../shared/counters';
import { defaultTillName } from '../../shared/shop';
import type { ShopProfileStore } from '../store/shop-profile';

/**
 * The shop's tills: the hub's own (this database's device, named in the shop profile) and each
 * paired counter. A call from a paired device is made at its till; a call from this machine
 * (the app's window, the loopback browser host, the CLI) at the hub's.
 */
export function createTills(db: Database, deps: { deviceId: string; shop: ShopProfileStore }) {
  const counter = db.prepare<[string], { id: string; till_name: string }>(
    'SELECT id, till_name FROM paired_devices WHERE id = ? AND revoked_at IS NULL',
  );
  const counters = db.prepare<[], { id: string; till_name: string }>(
    'SELECT id, till_name FROM paired_devices ORDER BY paired_at, id',
  );
  const drawers = db.prepare<[], { drawers: string }>('SELECT drawers FROM hub_network');
  const hub = (): Till => ({
    id: deps.deviceId,
    name: deps.shop.get()?.tillName ?? defaultTillName,
    kind: 'hub',
  });
  return {
    hub,
    /** The till of a call: the hub's for none, null for a device unknown or revoked. */
    of(device: string | null): Till | null {
      if (device === null) return hub();
      const row = counter.get(device);
      return row ? { id: row.id, name: row.till_name, kind: 'counter' } : null;
    },
    /** Every till that ever sold here, revoked counters included (their books remain). */
    list(): Till[] {
      return [
        hub(),
        ...counters
          .all()
          .map((row): Till => ({ id: row.id, name: row.till_name, kind: 'counter' })),
      ];
    },
    /** How cash is counted at the close: a drawer per till until the manager says otherwise. */
    drawers(): DrawerMode {
      return drawerModeSchema.catch('per_till').parse(drawers.get()?.drawers);
    },
  };
}

export type Tills = ReturnType<typeof createTills>;
