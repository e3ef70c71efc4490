import type { Database } from 'better-sqlite3';
import type { ModemSettings } from '../../shared/modem-bank';

interface ModemRow {
  id: string;
  carrier_id: string;
  port_path: string;
  baud_rate: number | null;
  rtscts: 0 | 1;
}

const settingsOf = (row: ModemRow): ModemSettings => ({
  id: row.id,
  carrierId: row.carrier_id,
  path: row.port_path,
  baudRate: row.baud_rate as ModemSettings['baudRate'],
  hardwareFlowControl: row.rtscts === 1,
});

/** The shop's real modems as configured by a manager (validated by the caller). */
export function createModemSettingsStore(db: Database, now: () => Date) {
  const all = db.prepare<[], ModemRow>(
    'SELECT id, carrier_id, port_path, baud_rate, rtscts FROM modems ORDER BY id',
  );
  const upsert = db.prepare(`
    INSERT INTO modems (id, carrier_id, port_path, baud_rate, rtscts, updated_at)
    VALUES (@id, @carrierId, @path, @baudRate, @rtscts, @updatedAt)
    ON CONFLICT (id) DO UPDATE SET carrier_id = excluded.carrier_id,
      port_path = excluded.port_path, baud_rate = excluded.baud_rate, rtscts = excluded.rtscts,
      updated_at = excluded.updated_at`);
  const pathOwner = db
    .prepare<[string], string>('SELECT id FROM modems WHERE port_path = ?')
    .pluck();
  const remove = db.prepare('DELETE FROM modems WHERE id = ?');
  return {
    list: (): ModemSettings[] => all.all().map(settingsOf),
    /** The modem already using this port, if any: one port is one modem. */
    onPort: (path: string): string | null => pathOwner.get(path) ?? null,
    save(settings: ModemSettings) {
      upsert.run({
        id: settings.id,
        carrierId: settings.carrierId,
        path: settings.path,
        baudRate: settings.baudRate,
        rtscts: settings.hardwareFlowControl ? 1 : 0,
        updatedAt: now().toISOString(),
      });
    },
    remove: (id: string): boolean => remove.run(id).changes > 0,
  };
}
