import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { databaseFileIn, defaultDataDir } from '../paths';
import { backUp, listBackups, type RestoreReport, restoreBackup } from '../store/backups';
import { type Command, UsageError } from './command';

const options = { db: { type: 'string' } } as const;

/** The shop's database (never the demo's: its data is practice) and its backups folder. */
function filesOf(values: Record<string, unknown>) {
  const databaseFile = path.resolve(
    typeof values.db === 'string' ? values.db : databaseFileIn(defaultDataDir(), false),
  );
  return { databaseFile, folder: path.join(path.dirname(databaseFile), 'backups') };
}

const noPositionals = (positionals: string[]) => {
  if (positionals.length > 0) throw new UsageError(`Unexpected "${positionals.join(' ')}"`);
};

/** What a restore did, for the technician: what came over from the replaced file, what did not. */
function describeRestore(backup: string, databaseFile: string, report: RestoreReport): string {
  const lines = [`Restored ${backup} into ${databaseFile}`];
  if (report.setAside) lines.push(`The previous file is kept as ${report.setAside}`);
  const carried = Object.entries(report.carriedOver).filter(([, count]) => count > 0);
  if (carried.length > 0) {
    lines.push(
      `Carried over from it: ${carried.map(([what, count]) => `${what} ${count}`).join(', ')}`,
    );
  }
  if (report.unreadable.length > 0) {
    lines.push(`${report.unreadable.length} rows of it could not be carried over:`);
    for (const row of report.unreadable) {
      const where = row.number === null ? (row.table ?? 'the file') : `${row.table} ${row.number}`;
      lines.push(`  ${where}: ${row.reason}`);
    }
    lines.push(`They are listed in ${report.unreadableCsv}`);
  }
  return lines.join('\n');
}

export const backupListCommand: Command = {
  name: 'backup list',
  usage: 'backup list [--db PATH]',
  summary: "List the shop database's automatic backups, newest first.",
  options,
  async run({ values, positionals, output }) {
    noPositionals(positionals);
    const { folder } = filesOf(values);
    const backups = listBackups(folder);
    output.result(
      { folder, backups },
      backups.length === 0
        ? `No backup in ${folder}`
        : backups.map((b) => `${b.takenAt}  ${b.bytes} bytes  ${b.file}`).join('\n'),
    );
  },
};

export const backupNowCommand: Command = {
  name: 'backup now',
  usage: 'backup now [--db PATH] [--keep N]',
  summary: 'Back the shop database up now (safe while Comptoir runs), keeping the newest N.',
  options: { ...options, keep: { type: 'string', default: '14' } },
  async run({ values, positionals, output }) {
    noPositionals(positionals);
    const keep = Number(values.keep);
    if (!Number.isInteger(keep) || keep < 1 || keep > 1000) {
      throw new UsageError('--keep is a number of backups from 1 to 1000');
    }
    const { databaseFile, folder } = filesOf(values);
    if (!fs.existsSync(databaseFile)) throw new UsageError(`No database at ${databaseFile}`);
    const db = new BetterSqlite3(databaseFile, { readonly: true, fileMustExist: true });
    try {
      const backup = await backUp(db, folder, { now: () => new Date(), keep });
      output.result(backup, `Backed up to ${backup.file}`);
    } finally {
      db.close();
    }
  },
};

export const backupRestoreCommand: Command = {
  name: 'backup restore',
  usage: 'backup restore FILE [--db PATH]',
  summary:
    'Put a backup in place of the shop database (Comptoir stopped), carrying over the sales and books it lacks from the old file, which is kept.',
  options,
  async run({ values, positionals, output }) {
    const [backup, ...extra] = positionals;
    if (backup === undefined || extra.length > 0) throw new UsageError('Give one backup file');
    const { databaseFile } = filesOf(values);
    const report = restoreBackup(path.resolve(backup), databaseFile, () => new Date());
    output.result(
      { restored: path.resolve(backup), database: databaseFile, ...report },
      describeRestore(backup, databaseFile, report),
    );
  },
};
