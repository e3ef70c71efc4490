import os from 'node:os';
import type { Database } from 'better-sqlite3';
import { defaultHubPort, type HubNetwork, hubNetworkSchema } from '../../shared/counters';

/** This machine's network addresses a manager may open the hub on (loopback left out). */
export function machineAddresses(
  interfaces: ReturnType<typeof os.networkInterfaces> = os.networkInterfaces(),
): string[] {
  return Object.values(interfaces)
    .flatMap((each) => each ?? [])
    .filter((each) => !each.internal)
    .map((each) => each.address);
}

/**
 * Where the hub listens for the shop's counters, as a manager chose it (the one row of
 * `hub_network`, which also keeps the drawers' mode): closed until a manager opens it, on the
 * machine's first address and the default port.
 */
export function createNetworkSetting(db: Database, now: () => Date) {
  const read = db.prepare<[], { open: number; address: string; port: number }>(
    'SELECT open, address, port FROM hub_network WHERE id = 1',
  );
  const write = db.prepare(`INSERT INTO hub_network (id, open, address, port, drawers, updated_at)
    VALUES (1, @open, @address, @port, 'per_till', @at)
    ON CONFLICT (id) DO UPDATE SET open = @open, address = @address, port = @port,
      updated_at = @at`);
  return {
    get(): HubNetwork {
      const row = read.get();
      const saved = row
        ? hubNetworkSchema.safeParse({ open: row.open === 1, address: row.address, port: row.port })
        : null;
      if (saved?.success) return saved.data;
      return { open: false, address: machineAddresses()[0] ?? '127.0.0.1', port: defaultHubPort };
    },
    set(network: HubNetwork) {
      write.run({ ...network, open: network.open ? 1 : 0, at: now().toISOString() });
    },
  };
}
