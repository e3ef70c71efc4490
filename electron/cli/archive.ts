import fs from 'node:fs';
import path from 'node:path';
import { parsePeriod } from '../../shared/period';
import { createArchive } from '../archives/create';
import { type ArchiveVerification, verifyArchive } from '../archives/verify';
import { loadCarrierProfiles } from '../carriers/load';
import { archivesFolderOf } from '../paths';
import { shopProfileStore } from '../store/shop-profile';
import { findDeviceId } from '../store/users';
import { type Command, UsageError } from './command';
import { openShopDatabaseReadOnly } from './shop-database';

/** What the check read and the first problem it met, for the technician. */
function describeCheck(file: string, check: ArchiveVerification): string {
  const lines = [
    `Archive ${file}`,
    `Period: ${check.period?.period ?? 'unknown'}`,
    `Files: ${check.files}, each against the manifest's SHA-256 and size`,
    `Receipts: ${check.chains.receipts}, Z reports: ${check.chains.zReports}, closures: ${check.chains.closures}, audit entries: ${check.chains.audit}`,
  ];
  const [first] = check.problems;
  lines.push(
    first
      ? `BROKEN: ${first.path ?? 'the file'}: ${first.problem}${check.problems.length > 1 ? ` (and ${check.problems.length - 1} more)` : ''}`
      : 'Every file and chain holds',
  );
  return lines.join('\n');
}

export const archiveVerifyCommand: Command = {
  name: 'archive verify',
  usage: 'archive verify FILE',
  summary:
    "Check an archive on any machine, without the shop's database: every file against its manifest, and the chains of its receipts, Z reports, closures and audit entries. Exits 1 at the first problem.",
  options: {},
  async run({ positionals, output }) {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) throw new UsageError('Give one archive file');
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(path.resolve(file));
    } catch (error) {
      throw new UsageError(`Cannot read ${file} (${(error as Error).message})`);
    }
    const check = verifyArchive(bytes);
    output.result({ file: path.resolve(file), ...check }, describeCheck(file, check));
    if (!check.ok) throw new Error(`The archive ${file} does not verify`);
  },
};

export const archiveCommand: Command = {
  name: 'archive',
  usage: 'archive --period YYYY-MM|YYYY [--db PATH]',
  summary:
    'Write the archive of a closed month or year into the archives folder beside the database: its receipts, Z reports, closures and audit entries, the profiles in force, and a manifest of SHA-256 sums. Reads the database without changing it; never overwrites an archive.',
  options: { db: { type: 'string' }, period: { type: 'string' } },
  async run({ values, positionals, output, carriersDir }) {
    if (positionals.length > 0) throw new UsageError(`Unexpected "${positionals.join(' ')}"`);
    const period = typeof values.period === 'string' ? parsePeriod(values.period) : null;
    if (!period) throw new UsageError('--period is a month (YYYY-MM) or a year (YYYY)');
    const { file, db } = openShopDatabaseReadOnly(values.db);
    try {
      const deviceId = findDeviceId(db);
      const shop = shopProfileStore(db, () => new Date()).get();
      if (deviceId === null || shop === null) throw new Error(`${file} has no books yet`);
      // The profiles in force: the shipped ones, then the shop's own edits, as `serve` loads them.
      const carriers = await loadCarrierProfiles([
        carriersDir,
        path.join(path.dirname(file), 'carriers'),
      ]);
      const archive = createArchive(
        db,
        {
          deviceId,
          shop,
          carriers: carriers.profiles.map((loaded) => loaded.profile),
          folder: archivesFolderOf(file),
          now: () => new Date(),
        },
        period,
      );
      output.result(
        archive,
        `Archived ${period.period} to ${archive.file} (keep until ${archive.keepUntil})`,
      );
    } finally {
      db.close();
    }
  },
};
