import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `This database was written by a newer version of Comptoir (schema version ${found}; this ` +
        `version knows up to ${known}). Update Comptoir, or open another database.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export interface MigrationReport {
  from: number;
  to: number;
  applied: number[];
}

/**
 * Brings the schema up to the newest migration, each in its own transaction, and records what
 * ran. The schema version lives in `PRAGMA user_version`; a database from a newer Comptoir is
 * refused before anything is written to it.
 */
export function migrate(db: Database, migrations: readonly Migration[], now: () => Date) {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration ${migration.name} is numbered ${migration.version}, not ${index + 1}`,
      );
    }
  });
  const known = migrations.length;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > known) throw new DatabaseTooNewError(from, known);

  const applied: number[] = [];
  for (const migration of migrations.slice(from)) {
    // IMMEDIATE takes the write lock first; another process may have migrated meanwhile.
    const ran = db
      .transaction(() => {
        if ((db.pragma('user_version', { simple: true }) as number) >= migration.version) {
          return false;
        }
        db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
          version INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          applied_at TEXT NOT NULL
        ) STRICT`);
        migration.up(db);
        db.prepare(
          'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
        ).run(migration.version, migration.name, now().toISOString());
        db.pragma(`user_version = ${migration.version}`);
        return true;
      })
      .immediate();
    if (ran) applied.push(migration.version);
  }
  return { from, to: known, applied } satisfies MigrationReport;
}
