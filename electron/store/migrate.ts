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

/** The versions recorded as applied; none before the first migration ran. */
function appliedVersions(db: Database): Set<number> {
  const recorded = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!recorded) return new Set();
  return new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
}

/**
 * Brings the schema up to date, each migration in its own transaction, and records what ran.
 * Numbers increase but may have gaps: numbers are reserved for work in progress, and a migration
 * that arrives later in a gap runs then, so migrations are written independent of each other.
 * What ran is the `schema_migrations` table; `PRAGMA user_version` holds the highest number. A
 * database with a migration this version does not know is refused before anything is written.
 */
export function migrate(db: Database, migrations: readonly Migration[], now: () => Date) {
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1]?.version ?? 0;
    if (!Number.isInteger(migration.version) || migration.version <= previous) {
      throw new Error(
        `Migration ${migration.name} is numbered ${migration.version}, not above ${previous}`,
      );
    }
  });
  const known = migrations.at(-1)?.version ?? 0;
  const from = db.pragma('user_version', { simple: true }) as number;
  const done = appliedVersions(db);
  const unknown = [...done].filter(
    (version) => !migrations.some((migration) => migration.version === version),
  );
  if (from > known || unknown.length > 0) {
    throw new DatabaseTooNewError(Math.max(from, ...unknown), known);
  }

  const applied: number[] = [];
  for (const migration of migrations.filter(({ version }) => !done.has(version))) {
    // IMMEDIATE takes the write lock first; another process may have migrated meanwhile.
    const ran = db
      .transaction(() => {
        if (appliedVersions(db).has(migration.version)) return false;
        db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
          version INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          applied_at TEXT NOT NULL
        ) STRICT`);
        migration.up(db);
        db.prepare(
          'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
        ).run(migration.version, migration.name, now().toISOString());
        const highest = db.pragma('user_version', { simple: true }) as number;
        db.pragma(`user_version = ${Math.max(highest, migration.version)}`);
        return true;
      })
      .immediate();
    if (ran) applied.push(migration.version);
  }
  return { from, to: known, applied } satisfies MigrationReport;
}
