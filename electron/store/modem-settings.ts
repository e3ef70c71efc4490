import type { Database } from 'better-sqlite3';
import type { ModemSettings } from '../../shared/modem-bank';

interface ModemRow {
  id: string;
  carrier_id: string;
  port_path: string;
  baud_rate: number | null;
  rtscts: 0 | 1;
  iccid: string | null;
  imei: string | null;
}

const settingsOf = (row: ModemRow): ModemSettings => ({
  id: row.id,
  carrierId: row.carrier_id,
  path: row.port_path,
  baudRate: row.baud_rate as ModemSettings['baudRate'],
  hardwareFlowControl: row.rtscts === 1,
  iccid: row.iccid,
  imei: row.imei,
});

/** The shop's real modems as configured by a manager (validated by the caller). */
export function createModemSettingsStore(db: Database, now: () => Date) {
  const all = db.prepare<[], ModemRow>(
    'SELECT id, carrier_id, port_path, baud_rate, rtscts, iccid, imei FROM modems ORDER BY id',
  );
  const upsert = db.prepare(`
    INSERT INTO modems (id, carrier_id, port_path, baud_rate, rtscts, iccid, imei, updated_at)
    VALUES (@id, @carrierId, @path, @baudRate, @rtscts, @iccid, @imei, @updatedAt)
    ON CONFLICT (id) DO UPDATE SET carrier_id = excluded.carrier_id,
      port_path = excluded.port_path, baud_rate = excluded.baud_rate, rtscts = excluded.rtscts,
      iccid = coalesce(excluded.iccid, modems.iccid), imei = coalesce(excluded.imei, modems.imei),
      updated_at = excluded.updated_at`);
  const bind = db.prepare(
    'UPDATE modems SET iccid = @iccid, imei = coalesce(@imei, imei), updated_at = @updatedAt WHERE id = @id',
  );
  const simOwner = db.prepare<[string], string>('SELECT id FROM modems WHERE iccid = ?').pluck();
  const pathOwner = db
    .prepare<[string], string>('SELECT id FROM modems WHERE port_path = ?')
    .pluck();
  const remove = db.prepare('DELETE FROM modems WHERE id = ?');
  return {
    list: (): ModemSettings[] => all.all().map(settingsOf),
    /** The modem already using this port, if any: one port is one modem. */
    onPort: (path: string): string | null => pathOwner.get(path) ?? null,
    /** The modem that is this dealer SIM, if any: one SIM is one modem. */
    onSim: (iccid: string): string | null => simOwner.get(iccid) ?? null,
    /**
     * Binds a modem to the dealer SIM it holds (learnt at its first opening, or a change a
     * manager confirmed); a null IMEI keeps the one known. False when there is no such modem.
     */
    bindSim(id: string, sim: { iccid: string; imei: string | null }): boolean {
      return bind.run({ id, ...sim, updatedAt: now().toISOString() }).changes > 0;
    },
    /** Saves a modem; an ICCID or IMEI left null keeps the one learnt before. */
    save(settings: ModemSettings) {
      upsert.run({
        id: settings.id,
        carrierId: settings.carrierId,
        path: settings.path,
        baudRate: settings.baudRate,
        rtscts: settings.hardwareFlowControl ? 1 : 0,
        iccid: settings.iccid,
        imei: settings.imei,
        updatedAt: now().toISOString(),
      });
    },
    remove: (id: string): boolean => remove.run(id).changes > 0,
  };
}
