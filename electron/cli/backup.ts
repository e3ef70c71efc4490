import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { databaseFileIn, defaultDataDir } from '../paths';
import { backUp, listBackups, restoreBackup } from '../store/backups';
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
  summary: 'Put a backup in place of the shop database (Comptoir stopped); the old file is kept.',
  options,
  async run({ values, positionals, output }) {
    const [backup, ...extra] = positionals;
    if (backup === undefined || extra.length > 0) throw new UsageError('Give one backup file');
    const { databaseFile } = filesOf(values);
    const { setAside } = restoreBackup(path.resolve(backup), databaseFile, () => new Date());
    output.result(
      { restored: path.resolve(backup), database: databaseFile, setAside },
      `Restored ${backup} into ${databaseFile}${setAside ? `\nThe previous file is kept as ${setAside}` : ''}`,
    );
  },
};
