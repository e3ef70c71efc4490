import type { Migration } from '../migrate';

/**
 * Each time a Z report was printed: the first print is the original, every later one a COPY,
 * as receipts have kept their copies since version 2. Append-only, like the Z reports.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'z-report-prints',
  up(db) {
    db.exec(`
      CREATE TABLE z_report_prints (
        device_id TEXT NOT NULL,
        number INTEGER NOT NULL,
        print INTEGER NOT NULL CHECK (print > 0),
        printed_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        printer TEXT NOT NULL,
        PRIMARY KEY (device_id, number, print),
        FOREIGN KEY (device_id, number) REFERENCES z_reports (device_id, number)
      ) STRICT;
      CREATE TRIGGER z_report_prints_are_append_only_update BEFORE UPDATE ON z_report_prints
      BEGIN SELECT RAISE(ABORT, 'z_report_prints are append-only'); END;
      CREATE TRIGGER z_report_prints_are_append_only_delete BEFORE DELETE ON z_report_prints
      BEGIN SELECT RAISE(ABORT, 'z_report_prints are append-only'); END;
    `);
  },
};
