import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { zipSync } from 'fflate';
import type { ArchiveManifest } from '../../shared/archive';
import { archiveManifestName } from '../../shared/archive';
import type { AuditEvent } from '../../shared/audit';
import type { CarrierProfile } from '../../shared/carrier';
import type { ZReport } from '../../shared/day';
import type { Period, PeriodClosure } from '../../shared/period';
import type { IssuedReceipt } from '../../shared/receipt';
import type { ShopProfile } from '../../shared/shop';
import { canonicalJson } from '../store/canonical-json';

/**
 * What an archive of a closed period holds, and the zip made of it. Pure: the records are read
 * by the caller (records.ts), the file is written by another (folder.ts).
 */

export interface ArchiveRecords {
  period: Period;
  deviceId: string;
  tillName: string;
  shopName: string;
  createdAt: string;
  /** The receipts issued within the closure's bounds, in number order. */
  receipts: IssuedReceipt[];
  /**
   * The paired counters' receipts within the bounds, by till then number: each till numbers and
   * chains its own, and names itself in each receipt (`deviceId`, `tillName`).
   */
  counterReceipts: IssuedReceipt[];
  /** The Z reports the closure sums up, in number order. */
  zReports: ZReport[];
  /** For a year its month closures first (in number order), then the closure of the period. */
  closures: PeriodClosure[];
  /** The audit entries within the closure's bounds, in order. */
  audit: AuditEvent[];
  carriers: CarrierProfile[];
  shop: ShopProfile;
}

/** Each chained table of the archive, by file (JSON, with the same records as CSV beside it). */
export const archiveTables = {
  receipts: 'receipts.json',
  zReports: 'z-reports.json',
  closures: 'closures.json',
  audit: 'audit.json',
} as const;

export const profileFiles = { carriers: 'carrier-profiles.json', shop: 'shop-profile.json' };

/**
 * The counters' receipts (JSON, and CSV beside it), in an archive of a period counters sold in:
 * archives of a shop with one till stay as they were.
 */
export const counterReceiptsFile = 'counter-receipts.json';

const utf8 = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => utf8(`${JSON.stringify(value, null, 2)}\n`);
export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Nested objects become dotted columns (`price.amount`); arrays stay JSON in one cell. */
function flatten(value: unknown, prefix: string, into: Record<string, unknown>) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, member] of Object.entries(value)) {
      flatten(member, prefix ? `${prefix}.${key}` : key, into);
    }
  } else {
    into[prefix] = Array.isArray(value) ? JSON.stringify(value) : value;
  }
  return into;
}

/** The records as a spreadsheet reads them: UTF-8 with a BOM, one column per field seen. */
export function recordsCsv(records: readonly unknown[]): Uint8Array {
  const rows = records.map((record) => flatten(record, '', {}));
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const text = stringify(rows, {
    header: true,
    columns,
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
  return utf8(`\uFEFF${text}`);
}

const headOf = (records: readonly { number: number; hash: string }[]) => {
  const last = records.at(-1);
  return last ? { number: last.number, hash: last.hash } : null;
};

/** The manifest as written: canonical JSON (one text per content) with its seal. */
export function sealedManifest(manifest: Omit<ArchiveManifest, 'seal'>): string {
  const seal = sha256(utf8(canonicalJson(manifest, 'manifest')));
  return canonicalJson({ ...manifest, seal }, 'manifest');
}

/** The files of the archive, manifest last, by path. */
export function archiveFiles(records: ArchiveRecords): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const tables = {
    receipts: records.receipts,
    zReports: records.zReports,
    closures: records.closures,
    audit: records.audit,
  };
  for (const [table, path] of Object.entries(archiveTables)) {
    const rows: readonly unknown[] = tables[table as keyof typeof tables];
    files.set(path, json(rows));
    files.set(path.replace(/\.json$/, '.csv'), recordsCsv(rows));
  }
  if (records.counterReceipts.length > 0) {
    files.set(counterReceiptsFile, json(records.counterReceipts));
    files.set(counterReceiptsFile.replace(/\.json$/, '.csv'), recordsCsv(records.counterReceipts));
  }
  files.set(profileFiles.carriers, json(records.carriers));
  files.set(profileFiles.shop, json(records.shop));
  const closuresOfPeriod = records.closures.filter(
    (closure) => closure.kind === records.period.kind,
  );
  const manifest: Omit<ArchiveManifest, 'seal'> = {
    format: 'comptoir-archive',
    version: 1,
    period: records.period,
    deviceId: records.deviceId,
    tillName: records.tillName,
    shopName: records.shopName,
    createdAt: records.createdAt,
    files: [...files].map(([path, bytes]) => ({
      path,
      sha256: sha256(bytes),
      bytes: bytes.length,
    })),
    chainHeads: {
      receipts: headOf(records.receipts),
      zReports: headOf(records.zReports),
      closures: headOf(closuresOfPeriod),
      audit: headOf(records.audit.map((entry) => ({ number: entry.seq, hash: entry.hash }))),
    },
  };
  files.set(archiveManifestName, utf8(sealedManifest(manifest)));
  return files;
}

/**
 * The zip of the files. Entries carry the archive's own creation time, so the same records make
 * the same bytes.
 */
export function zipArchive(files: Map<string, Uint8Array>, createdAt: string): Uint8Array {
  const mtime = new Date(createdAt);
  return zipSync(
    Object.fromEntries([...files].map(([path, bytes]) => [path, [bytes, { mtime }]])),
    {
      level: 9,
    },
  );
}
