import { unzipSync } from 'fflate';
import {
  type ArchiveCheck,
  type ArchiveManifest,
  archiveManifestName,
  archiveManifestSchema,
} from '../../shared/archive';
import type { AuditEvent } from '../../shared/audit';
import type { ZReport } from '../../shared/day';
import type { PeriodClosure } from '../../shared/period';
import type { IssuedReceipt } from '../../shared/receipt';
import { verifyZReports } from '../day/shifts';
import { verifyReceiptChain } from '../sales/receipt-chain';
import { type ChainedRecord, verifyChain } from '../store/hash-chain';
import { archiveTables, counterReceiptsFile, sealedManifest, sha256 } from './contents';

/**
 * Checks an archive from its bytes alone, on any machine: the zip reads, the manifest parses,
 * every file it lists is there with its SHA-256 and size and nothing else is, each chain inside
 * holds from its first record's own link, and the chains end where the manifest says. Pure.
 */

type ChainName = keyof typeof archiveTables;
type Head = { number: number; hash: string } | null;

export type ArchiveVerification = ArchiveCheck & {
  /** How many records of each chain were checked. */
  chains: Record<ChainName, number>;
};

interface Problem {
  path: string | null;
  problem: string;
}

function readJsonArray(bytes: Uint8Array | undefined): unknown[] | null {
  if (!bytes) return null;
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** Where a run of records starts: after the one its first record links to. */
const anchorOf = (first: { number: number; prevHash: string } | undefined) =>
  first ? { number: first.number - 1, hash: first.prevHash } : undefined;

function checkFiles(entries: Record<string, Uint8Array>, manifest: ArchiveManifest): Problem[] {
  const problems: Problem[] = [];
  const listed = new Set(manifest.files.map((file) => file.path));
  for (const file of manifest.files) {
    const bytes = entries[file.path];
    if (!bytes) problems.push({ path: file.path, problem: 'listed in the manifest but missing' });
    else if (bytes.length !== file.bytes) {
      problems.push({
        path: file.path,
        problem: `${bytes.length} bytes where the manifest says ${file.bytes}`,
      });
    } else if (sha256(bytes) !== file.sha256) {
      problems.push({ path: file.path, problem: 'its SHA-256 is not the manifest’s' });
    }
  }
  for (const path of Object.keys(entries)) {
    if (path !== archiveManifestName && !listed.has(path)) {
      problems.push({ path, problem: 'not listed in the manifest' });
    }
  }
  return problems;
}

/** Each chain's finding, worded, and its last record as read. */
function checkChains(entries: Record<string, Uint8Array>, manifest: ArchiveManifest) {
  const problems: Problem[] = [];
  const counts: Record<ChainName, number> = { receipts: 0, zReports: 0, closures: 0, audit: 0 };
  const heads: Record<ChainName, Head> = {
    receipts: null,
    zReports: null,
    closures: null,
    audit: null,
  };
  const read = <T>(chain: ChainName): T[] | null => {
    const path = archiveTables[chain];
    const read = readJsonArray(entries[path]);
    // Every record an object: a `null` or a number among them is damage, not a record to check.
    const rows = read?.every(
      (row) => typeof row === 'object' && row !== null && !Array.isArray(row),
    )
      ? read
      : null;
    if (rows === null) problems.push({ path, problem: 'not a list of records in JSON' });
    else counts[chain] = rows.length;
    return rows as T[] | null;
  };
  const broken = (chain: ChainName, what: string, at: number, reason: string) =>
    problems.push({
      path: archiveTables[chain],
      problem: `${what} ${at} breaks the chain (${reason})`,
    });
  const lastOf = (records: readonly { number: number; hash: string }[]): Head => {
    const last = records.at(-1);
    return last ? { number: last.number, hash: last.hash } : null;
  };

  const receipts = read<IssuedReceipt>('receipts');
  if (receipts) {
    const from = anchorOf(receipts[0]);
    const found = verifyReceiptChain(receipts, from ? { from } : {});
    if (!found.ok) {
      const at = receipts[found.brokenAt]?.number ?? (from?.number ?? 0) + found.brokenAt + 1;
      broken('receipts', 'receipt', at, found.reason);
    }
    heads.receipts = lastOf(receipts);
  }

  problems.push(...counterChainProblems(entries));

  const zReports = read<ZReport>('zReports');
  if (zReports) {
    const found = verifyZReports(zReports, anchorOf(zReports[0]));
    if (!found.ok) broken('zReports', 'Z report', found.brokenAt, found.reason);
    heads.zReports = lastOf(zReports);
  }

  const closures = read<PeriodClosure>('closures');
  if (closures) {
    // A year's archive holds two chains: its month closures and the year's own.
    for (const kind of ['month', 'year'] as const) {
      const ofKind = closures.filter((closure) => closure.kind === kind);
      const records: ChainedRecord[] = ofKind.map(({ hash, prevHash, ...content }) => ({
        number: content.number,
        content,
        hash,
        prevHash,
      }));
      const found = verifyChain(records, 'closure', anchorOf(records[0]));
      if (!found.ok) broken('closures', `${kind} closure`, found.brokenAt, found.reason);
      if (kind === manifest.period.kind) heads.closures = lastOf(ofKind);
    }
    const own = closures.find(
      (closure) =>
        closure.kind === manifest.period.kind && closure.period === manifest.period.period,
    );
    if (!own) {
      problems.push({
        path: archiveTables.closures,
        problem: `no closure of ${manifest.period.period}`,
      });
    } else if (zReports) {
      // The closure's hash covers which Z reports it sums up: the archive must hold those.
      const { first, last, count } = own.zReports;
      const held = zReports.map((z) => z.number);
      if (held.length !== count || (count > 0 && (held[0] !== first || held.at(-1) !== last))) {
        problems.push({
          path: archiveTables.zReports,
          problem: `holds ${held.length} Z reports where the closure sums up ${count} (${first ?? '-'} to ${last ?? '-'})`,
        });
      }
    }
  }

  const audit = read<AuditEvent>('audit');
  if (audit) {
    const records: ChainedRecord[] = audit.map(({ hash, prevHash, ...content }) => ({
      number: content.seq,
      content,
      hash,
      prevHash,
    }));
    const found = verifyChain(records, 'audit', anchorOf(records[0]));
    if (!found.ok) broken('audit', 'audit entry', found.brokenAt, found.reason);
    heads.audit = lastOf(records);
  }

  for (const chain of Object.keys(heads) as ChainName[]) {
    const path = archiveTables[chain];
    if (problems.some((problem) => problem.path === path)) continue;
    const expected = manifest.chainHeads[chain];
    const head = heads[chain];
    if (head?.number !== expected?.number || head?.hash !== expected?.hash) {
      problems.push({
        path,
        problem: `ends at ${head?.number ?? 'nothing'}, not at the manifest's head (${expected?.number ?? 'nothing'})`,
      });
    }
  }
  return { problems, counts };
}

/** Each counter's receipts checked as its own chain, when the archive holds counters' receipts. */
function counterChainProblems(entries: Record<string, Uint8Array>): Problem[] {
  const bytes = entries[counterReceiptsFile];
  if (bytes === undefined) return [];
  const rows = readJsonArray(bytes);
  if (!rows?.every((row) => typeof row === 'object' && row !== null && 'deviceId' in row)) {
    return [{ path: counterReceiptsFile, problem: 'not a list of records in JSON' }];
  }
  const byTill = new Map<string, IssuedReceipt[]>();
  for (const receipt of rows as IssuedReceipt[]) {
    const ofTill = byTill.get(receipt.deviceId);
    if (ofTill) ofTill.push(receipt);
    else byTill.set(receipt.deviceId, [receipt]);
  }
  return [...byTill].flatMap(([tillId, receipts]) => {
    const from = anchorOf(receipts[0]);
    const found = verifyReceiptChain(receipts, from ? { from } : {});
    if (found.ok) return [];
    const at = receipts[found.brokenAt]?.number ?? (from?.number ?? 0) + found.brokenAt + 1;
    const till = receipts[0]?.tillName ?? tillId;
    return [
      {
        path: counterReceiptsFile,
        problem: `receipt ${at} of ${till} breaks the chain (${found.reason})`,
      },
    ];
  });
}

export function verifyArchive(bytes: Uint8Array): ArchiveVerification {
  const none = { receipts: 0, zReports: 0, closures: 0, audit: 0 };
  const fail = (problem: Problem, files = 0): ArchiveVerification => ({
    ok: false,
    period: null,
    files,
    problems: [problem],
    chains: none,
  });
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    return fail({ path: null, problem: `not a readable zip (${(error as Error).message})` });
  }
  const fileCount = Object.keys(entries).length;
  const manifestBytes = entries[archiveManifestName];
  if (!manifestBytes) {
    return fail({ path: archiveManifestName, problem: 'missing' }, fileCount);
  }
  let manifest: ArchiveManifest;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes);
    manifest = archiveManifestSchema.parse(JSON.parse(text));
  } catch {
    return fail({ path: archiveManifestName, problem: 'not a manifest of an archive' }, fileCount);
  }
  const { seal: _seal, ...unsealed } = manifest;
  if (sealedManifest(unsealed) !== text) {
    return fail(
      { path: archiveManifestName, problem: 'its seal does not match its content: it was changed' },
      fileCount,
    );
  }
  const fileProblems = checkFiles(entries, manifest);
  let chains: ReturnType<typeof checkChains>;
  try {
    chains = checkChains(entries, manifest);
  } catch (error) {
    // Records of a shape no version wrote: said as such, never a crash of the check.
    const problem = `records that cannot be checked (${(error as Error).message})`;
    chains = { problems: [{ path: null, problem }], counts: none };
  }
  const problems = [...fileProblems, ...chains.problems];
  return {
    ok: problems.length === 0,
    period: manifest.period,
    files: fileCount,
    problems,
    chains: chains.counts,
  };
}
