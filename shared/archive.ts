import { z } from 'zod';
import { periodSchema } from './period';

/**
 * An archive of a closed period: one zip file holding the period's receipts, Z reports,
 * closures and audit entries (JSON and CSV), the carrier and shop profiles in force, and this
 * manifest, which names every other file with its SHA-256 and the heads of the chains. It is
 * checked on any machine from the file alone (`comptoir archive verify FILE`).
 */
export const archiveManifestName = 'manifest.json';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const chainHead = z.object({ number: z.number().int().nonnegative(), hash: sha256Hex }).strict();

export const archiveManifestSchema = z
  .object({
    format: z.literal('comptoir-archive'),
    version: z.literal(1),
    period: periodSchema,
    deviceId: z.string(),
    tillName: z.string(),
    shopName: z.string(),
    createdAt: z.string(),
    files: z.array(
      z
        .object({ path: z.string(), sha256: sha256Hex, bytes: z.number().int().nonnegative() })
        .strict(),
    ),
    /** The last record of each chain inside the archive (null when the period has none). */
    chainHeads: z
      .object({
        receipts: chainHead.nullable(),
        zReports: chainHead.nullable(),
        closures: chainHead.nullable(),
        audit: chainHead.nullable(),
      })
      .strict(),
    /**
     * SHA-256 of the manifest's canonical JSON without this member. The manifest is written as
     * that canonical JSON, so no byte of it can change unseen.
     */
    seal: sha256Hex,
  })
  .strict();
export type ArchiveManifest = z.output<typeof archiveManifestSchema>;

/** An archive kept in the archives folder. */
export const archiveFileSchema = z.object({
  name: z.string(),
  file: z.string(),
  period: periodSchema,
  createdAt: z.string(),
  bytes: z.number().int(),
  sha256: sha256Hex,
  /** The day it may be deleted, once the legal period has passed (YYYY-MM-DD). */
  keepUntil: z.iso.date(),
});
export type ArchiveFile = z.output<typeof archiveFileSchema>;

/** What `archive verify` found: every file and chain checked, the first problem named. */
export const archiveCheckSchema = z.object({
  ok: z.boolean(),
  period: periodSchema.nullable(),
  files: z.number().int(),
  problems: z.array(z.object({ path: z.string().nullable(), problem: z.string() })),
});
export type ArchiveCheck = z.output<typeof archiveCheckSchema>;

/**
 * How long archives are kept: years after the end of their period (6 by default, the legal
 * period for the books). Nothing deletes an archive; `keepUntil` says from when one may be.
 */
export const archivePolicySchema = z
  .object({ keepYears: z.number().int().min(1).max(99) })
  .strict();
export type ArchivePolicy = z.output<typeof archivePolicySchema>;
export const defaultArchivePolicy: ArchivePolicy = { keepYears: 6 };
