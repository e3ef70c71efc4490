import type { Database } from 'better-sqlite3';
import { type PowerCycleCommand, powerCycleCommandSchema } from '../../shared/modem-bank';

interface CareRow {
  held_out_since: string | null;
  power_cycle: string | null;
}

/**
 * What a manager decided about a modem's care: taken out of service (it stays out across
 * restarts until put back) and the shop's power-cycle command for it.
 */
export function createModemCareStore(db: Database, now: () => Date) {
  const read = db.prepare<[string], CareRow>(
    'SELECT held_out_since, power_cycle FROM modem_care WHERE modem_id = ?',
  );
  const setHeldOut = db.prepare(`INSERT INTO modem_care (modem_id, held_out_since, updated_at)
    VALUES (@modemId, @since, @at)
    ON CONFLICT (modem_id) DO UPDATE SET held_out_since = excluded.held_out_since,
      updated_at = excluded.updated_at`);
  const setPowerCycle = db.prepare(`INSERT INTO modem_care (modem_id, power_cycle, updated_at)
    VALUES (@modemId, @command, @at)
    ON CONFLICT (modem_id) DO UPDATE SET power_cycle = excluded.power_cycle,
      updated_at = excluded.updated_at`);
  return {
    heldOut: (modemId: string): boolean => (read.get(modemId)?.held_out_since ?? null) !== null,
    setHeldOut(modemId: string, heldOut: boolean) {
      const at = now().toISOString();
      setHeldOut.run({ modemId, since: heldOut ? at : null, at });
    },
    /** Null when none is set (or the stored one no longer passes the checks). */
    powerCycle(modemId: string): PowerCycleCommand | null {
      const stored = read.get(modemId)?.power_cycle ?? null;
      if (stored === null) return null;
      const command = powerCycleCommandSchema.safeParse(JSON.parse(stored));
      return command.success ? command.data : null;
    },
    setPowerCycle(modemId: string, command: PowerCycleCommand | null) {
      setPowerCycle.run({
        modemId,
        command: command === null ? null : JSON.stringify(command),
        at: now().toISOString(),
      });
    },
  };
}

export type ModemCareStore = ReturnType<typeof createModemCareStore>;
