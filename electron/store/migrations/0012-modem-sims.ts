import type { Migration } from '../migrate';

/**
 * A configured modem is its dealer SIM, not its port: the ICCID it holds (and the IMEI of the
 * stick it sat in), learnt at its first opening when the manager did not give them. A port that
 * later answers with another ICCID is not used for top-ups until a manager confirms the change;
 * a SIM found on another port after a replug is the same modem.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'modem-sims',
  up(db) {
    db.exec(`
      ALTER TABLE modems ADD COLUMN iccid TEXT
        CHECK (iccid IS NULL OR (iccid NOT GLOB '*[^0-9]*' AND length(iccid) BETWEEN 18 AND 22));
      ALTER TABLE modems ADD COLUMN imei TEXT
        CHECK (imei IS NULL OR (imei NOT GLOB '*[^0-9]*' AND length(imei) BETWEEN 14 AND 17));
      CREATE UNIQUE INDEX modems_iccid ON modems (iccid) WHERE iccid IS NOT NULL;
    `);
  },
};
