import type { Migration } from '../migrate';

/**
 * What happened to each modem (openings, time-outs, each healing step, out of service and back),
 * the last few hundred entries per modem for its timeline on the health screen; and what a
 * manager decided about a modem's care: taken out of service (until put back, across restarts)
 * and the shop's power-cycle command for it (a program and its arguments, run without a shell).
 * Keyed by the shop's name of the modem, as sales are: the demo's modems have no settings row.
 */
export const migration0013: Migration = {
  // 13 once merged after 0012 (modem SIMs); numbered in order on this branch.
  version: 13,
  name: 'modem-timeline',
  up(db) {
    db.exec(`
      CREATE TABLE modem_timeline (
        id INTEGER PRIMARY KEY,
        modem_id TEXT NOT NULL CHECK (length(modem_id) BETWEEN 1 AND 32),
        at TEXT NOT NULL,
        event TEXT NOT NULL CHECK (length(event) BETWEEN 1 AND 40),
        detail TEXT CHECK (detail IS NULL OR length(detail) <= 1000)
      ) STRICT;
      CREATE INDEX modem_timeline_by_modem ON modem_timeline (modem_id, id);
      CREATE TABLE modem_care (
        modem_id TEXT PRIMARY KEY CHECK (length(modem_id) BETWEEN 1 AND 32),
        held_out_since TEXT,
        power_cycle TEXT CHECK (power_cycle IS NULL OR json_valid(power_cycle)),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
