import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import type { ArchiveFile } from '../../shared/archive';
import type { CarrierProfile } from '../../shared/carrier';
import type { Period } from '../../shared/period';
import type { ShopProfile } from '../../shared/shop';
import { archiveFiles, zipArchive } from './contents';
import { archiveBaseName, describeArchive, readPolicy, writeArchive } from './folder';
import { readPeriodRecords } from './records';

/**
 * Writes the archive of a closed period into the folder: one for `archives.create` and for
 * `comptoir archive`. A period without its closure is refused (conflict): an archive holds
 * books that can no longer change.
 */
export function createArchive(
  db: Database,
  deps: {
    deviceId: string;
    shop: ShopProfile;
    carriers: readonly CarrierProfile[];
    folder: string;
    now: () => Date;
  },
  period: Period,
): ArchiveFile {
  const records = readPeriodRecords(db, deps.deviceId, period);
  if (!records) {
    throw new ApiError(
      'conflict',
      `The ${period.kind} ${period.period} is not closed: close it before archiving it`,
      undefined,
      { reason: 'not_closed', period: period.period },
    );
  }
  const createdAt = deps.now().toISOString();
  const files = archiveFiles({
    ...records,
    period,
    deviceId: deps.deviceId,
    tillName: deps.shop.tillName,
    shopName: deps.shop.name,
    createdAt,
    carriers: [...deps.carriers],
    shop: deps.shop,
  });
  const file = writeArchive(
    deps.folder,
    archiveBaseName(deps.shop.tillName, deps.deviceId, period),
    zipArchive(files, createdAt),
  );
  const written = describeArchive(file, readPolicy(deps.folder));
  if (!written) throw new Error(`The archive ${file} cannot be read back`);
  return written;
}
