import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import {
  type DrawerMode,
  defaultHubPort,
  drawerModeSchema,
  type Till,
} from '../../shared/counters';
import { defaultTillName } from '../../shared/shop';
import type { ShopProfileStore } from '../store/shop-profile';

/**
 * The shop's tills: the hub's own (this database's device, named in the shop profile) and each
 * paired counter. A call from a paired device is made at its till; a call from this machine
 * (the app's window, the loopback browser host, the CLI) at the hub's.
 */
export function createTills(
  db: Database,
  deps: { deviceId: string; shop: ShopProfileStore; now: () => Date },
) {
  const counter = db.prepare<[string], { id: string; till_name: string }>(
    'SELECT id, till_name FROM paired_devices WHERE id = ? AND revoked_at IS NULL',
  );
  const counters = db.prepare<[], { id: string; till_name: string }>(
    // Pairing order: two counters paired in the same millisecond keep theirs.
    'SELECT id, till_name FROM paired_devices ORDER BY paired_at, rowid',
  );
  const drawers = db.prepare<[], { drawers: string }>('SELECT drawers FROM hub_network');
  const openShifts = db
    .prepare<[], number>('SELECT count(*) FROM shifts WHERE closed_at IS NULL')
    .pluck();
  // The network stays closed until a manager opens it: the row may not be there yet.
  const writeDrawers = db.prepare<[number, string, string]>(`INSERT INTO hub_network
    (id, open, address, port, drawers, updated_at) VALUES (1, 0, '127.0.0.1', ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET drawers = excluded.drawers, updated_at = excluded.updated_at`);
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
    /**
     * Sets how cash is counted; refused while any drawer has a shift open, so every shift is
     * counted the way it was opened and no sale falls between two drawers.
     */
    setDrawers(mode: DrawerMode): DrawerMode {
      db.transaction(() => {
        if (openShifts.get() !== 0) {
          throw new ApiError(
            'conflict',
            'A shift is open: close every drawer before changing how cash is counted',
          );
        }
        writeDrawers.run(defaultHubPort, mode, deps.now().toISOString());
      }).immediate();
      return mode;
    },
  };
}

export type Tills = ReturnType<typeof createTills>;

/**
 * The parameters of `till_id IS ? OR till_id = ?`, a till's sales and shifts: the hub's own are
 * stored NULL (everything from before counters) or by its id.
 */
export const tillParams = (till: Till) => [till.kind === 'hub' ? null : till.id, till.id] as const;
