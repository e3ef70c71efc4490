import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import {
  type ArchiveFile,
  type ArchivePolicy,
  archiveManifestName,
  archiveManifestSchema,
  archivePolicySchema,
  defaultArchivePolicy,
} from '../../shared/archive';
import type { Period } from '../../shared/period';
import { makePrivateFolder, privateFileMode } from '../private-files';
import { sha256 } from './contents';

/**
 * The archives folder: one zip per archive, written whole then linked into place under a name
 * never taken before (a second archive of a period gets `-2`, `-3`…: an archive is never
 * overwritten), and listed from the files themselves, so a folder copied to another machine
 * lists the same. Nothing here deletes an archive.
 */

const ARCHIVE = /^comptoir-.+\.zip$/;
const policyFile = 'policy.json';

/** The day after a period, in the shop's calendar: `2026-11` → 2026-12-01, `2026` → 2027-01-01. */
export function dayAfter(period: Period): { year: number; month: number } {
  const [year, month] = period.period.split('-').map(Number) as [number, number?];
  if (period.kind === 'year' || month === 12) return { year: year + 1, month: 1 };
  return { year, month: (month ?? 0) + 1 };
}

/** The first day an archive may be deleted: the legal period counted from its period's end. */
export function keepUntil(period: Period, policy: ArchivePolicy): string {
  const { year, month } = dayAfter(period);
  return `${String(year + policy.keepYears).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

/**
 * A till's name as a file name keeps it: ASCII letters and digits, the rest as dashes; a name
 * with none of them (收银台) gives way to the till's id.
 */
export function archiveBaseName(tillName: string, deviceId: string, period: Period): string {
  const till =
    tillName
      .normalize('NFKD')
      // Accents come apart from their letters and are left out: Nouméa → noumea.
      .replace(/\p{M}/gu, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || deviceId;
  return `comptoir-${till}-${period.period}`;
}

/**
 * Writes the zip under `<base>.zip`, or `<base>-2.zip`… when taken, atomically: a stop halfway
 * leaves only a `.partial` file that is never listed. Returns the file written.
 */
export function writeArchive(folder: string, base: string, bytes: Uint8Array): string {
  makePrivateFolder(folder);
  const partial = path.join(folder, `${base}.${process.pid}.partial`);
  try {
    const fd = fs.openSync(partial, 'w', privateFileMode);
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    for (let suffix = 1; ; suffix += 1) {
      const file = path.join(folder, `${base}${suffix === 1 ? '' : `-${suffix}`}.zip`);
      try {
        // A hard link fails where a file is: the one existing is never replaced.
        fs.linkSync(partial, file);
        return file;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** What the folder's file is, from its manifest; null for a file that is not an archive. */
export function describeArchive(file: string, policy: ArchivePolicy): ArchiveFile | null {
  try {
    const bytes = fs.readFileSync(file);
    const entries = unzipSync(bytes, { filter: (entry) => entry.name === archiveManifestName });
    const manifest = archiveManifestSchema.parse(
      JSON.parse(new TextDecoder().decode(entries[archiveManifestName])),
    );
    return {
      name: path.basename(file),
      file,
      period: manifest.period,
      createdAt: manifest.createdAt,
      bytes: bytes.length,
      sha256: sha256(bytes),
      keepUntil: keepUntil(manifest.period, policy),
    };
  } catch {
    return null;
  }
}

/** The archives kept in the folder, newest first. */
export function listArchives(folder: string, policy: ArchivePolicy): ArchiveFile[] {
  const names = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
  return names
    .filter((name) => ARCHIVE.test(name))
    .flatMap((name) => describeArchive(path.join(folder, name), policy) ?? [])
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** How long the shop keeps its archives: a small file in the folder, beside what it governs. */
export function readPolicy(folder: string): ArchivePolicy {
  try {
    return archivePolicySchema.parse(
      JSON.parse(fs.readFileSync(path.join(folder, policyFile), 'utf8')),
    );
  } catch {
    return defaultArchivePolicy;
  }
}

export function writePolicy(folder: string, policy: ArchivePolicy): void {
  makePrivateFolder(folder);
  const file = path.join(folder, policyFile);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(policy)}\n`, { mode: privateFileMode });
  fs.renameSync(temporary, file);
}
