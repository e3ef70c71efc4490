import fs from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { sealedManifest, sha256 } from '../../../electron/archives/contents';
import { verifyArchive } from '../../../electron/archives/verify';
import type { ArchiveManifest } from '../../../shared/archive';
import { closedNovember } from '../../support/closures';
import { withTestHosts } from '../../support/host';

const startTestHost = withTestHosts();
let archive: Uint8Array;

beforeAll(async () => {
  const { manager } = await closedNovember(startTestHost);
  archive = fs.readFileSync(
    (await manager.call('archives.create', { period: '2026-11' })).archive.file,
  );
}, 60_000);

type Files = Record<string, Uint8Array>;
const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const manifestOf = (files: Files) => JSON.parse(decode(files['manifest.json'])) as ArchiveManifest;

/** The archive with its files changed by `change`, zipped again. */
function altered(change: (files: Files) => void): Uint8Array {
  const files = unzipSync(archive);
  change(files);
  return zipSync(files);
}

/** As someone covering their tracks would: the manifest's sums and seal written anew. */
function resummed(change: (files: Files) => void): Uint8Array {
  return altered((files) => {
    change(files);
    const { seal: _seal, ...manifest } = manifestOf(files);
    manifest.files = manifest.files.map(({ path }) => {
      const bytes = files[path] ?? new Uint8Array();
      return { path, sha256: sha256(bytes), bytes: bytes.length };
    });
    files['manifest.json'] = encode(sealedManifest(manifest));
  });
}

/** Changes one JSON file's records. */
const editJson =
  (path: string, edit: (records: Record<string, unknown>[]) => void) => (files: Files) => {
    const records = JSON.parse(decode(files[path])) as Record<string, unknown>[];
    edit(records);
    files[path] = encode(`${JSON.stringify(records, null, 2)}\n`);
  };

const firstProblem = (bytes: Uint8Array) => {
  const check = verifyArchive(bytes);
  expect(check.ok).toBe(false);
  return check.problems[0];
};

describe('archive verify: tampering found from the file alone', () => {
  it('holds as written', () => {
    expect(verifyArchive(archive)).toMatchObject({ ok: true, problems: [] });
  });

  it('names a JSON file with one byte changed', () => {
    const bytes = altered((files) => {
      const receipts = files['receipts.json'] as Uint8Array;
      receipts[100] = (receipts[100] as number) ^ 1;
    });
    expect(firstProblem(bytes)).toEqual({
      path: 'receipts.json',
      problem: 'its SHA-256 is not the manifest’s',
    });
  });

  it('names a CSV file with a byte added', () => {
    const bytes = altered((files) => {
      files['z-reports.csv'] = encode(`${decode(files['z-reports.csv'])} `);
    });
    expect(firstProblem(bytes)?.path).toBe('z-reports.csv');
  });

  it('names the manifest with one byte changed', () => {
    const bytes = altered((files) => {
      files['manifest.json'] = encode(
        decode(files['manifest.json']).replace('"tillName":"1"', '"tillName":"2"'),
      );
    });
    expect(firstProblem(bytes)).toEqual({
      path: 'manifest.json',
      problem: 'its seal does not match its content: it was changed',
    });
  });

  it('names a file removed and a file added', () => {
    const removed = altered((files) => {
      delete files['audit.csv'];
    });
    expect(firstProblem(removed)).toEqual({
      path: 'audit.csv',
      problem: 'listed in the manifest but missing',
    });
    const added = altered((files) => {
      files['notes.txt'] = encode('nothing to see');
    });
    expect(firstProblem(added)).toEqual({
      path: 'notes.txt',
      problem: 'not listed in the manifest',
    });
  });

  it('names a file that is not a zip', () => {
    expect(firstProblem(encode('PK but not really'))?.path).toBeNull();
  });

  it.each([
    [
      'a receipt altered',
      editJson('receipts.json', (receipts) => {
        (receipts[1]?.price as { amount: number }).amount = 1400;
      }),
      'receipt 2 breaks the chain (hash_mismatch)',
      'receipts.json',
    ],
    [
      'a receipt removed',
      editJson('receipts.json', (receipts) => {
        receipts.splice(1, 1);
      }),
      "ends at 1, not at the manifest's head (2)",
      'receipts.json',
    ],
    [
      'a Z report altered',
      editJson('z-reports.json', (zs) => {
        (zs[0] as { issuedAt: string }).issuedAt = '2026-11-20T08:00:00.000Z';
      }),
      'Z report 1 breaks the chain (hash_mismatch)',
      'z-reports.json',
    ],
    [
      'the last Z report removed, its head moved back',
      (files: Files) => {
        editJson('z-reports.json', (zs) => {
          zs.pop();
        })(files);
        const { seal: _seal, ...manifest } = manifestOf(files);
        const [first] = JSON.parse(decode(files['z-reports.json'])) as { hash: string }[];
        manifest.chainHeads.zReports = { number: 1, hash: first?.hash ?? '' };
        files['manifest.json'] = encode(sealedManifest(manifest));
      },
      'holds 1 Z reports where the closure sums up 2 (1 to 2)',
      'z-reports.json',
    ],
    [
      'a closure altered',
      editJson('closures.json', (closures) => {
        (closures[0] as { closedBy: string }).closedBy = 'someone else';
      }),
      'month closure 1 breaks the chain (hash_mismatch)',
      'closures.json',
    ],
    [
      'an audit entry altered',
      editJson('audit.json', (entries) => {
        (entries[1] as { actorName: string }).actorName = 'clerk';
      }),
      'audit entry 2 breaks the chain (hash_mismatch)',
      'audit.json',
    ],
  ])('names %s even with the manifest re-summed', (_what, change, problem, path) => {
    expect(verifyArchive(resummed(change)).problems).toEqual([{ path, problem }]);
  });

  it('says records of a shape no version wrote are damage, re-summed or not, and never crashes', () => {
    for (const [path, records] of [
      ['receipts.json', '[null]'],
      ['closures.json', '[1, 2]'],
      ['audit.json', '[[]]'],
      ['z-reports.json', '[{"number": "one"}]'],
    ] as const) {
      const bytes = resummed((files) => {
        files[path] = encode(records);
      });
      const check = verifyArchive(bytes);
      expect(check.ok, path).toBe(false);
      expect(check.problems.length, path).toBeGreaterThan(0);
    }
  });
});
