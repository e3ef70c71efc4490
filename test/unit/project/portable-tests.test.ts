/**
 * The release workflow runs the portable tests on Windows and macOS too. A test that uses a
 * Linux-only part must be listed in vitest.portable.config.mts, or it fails there, far from
 * here; and the list names only files that exist.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linuxOnly } from '../../../vitest.portable.config.mjs';

const root = path.resolve(__dirname, '../../..');
// The marks below would give this file away.
const thisFile = 'test/unit/project/portable-tests.test.ts';

/** What gives a Linux-only part away in a test file. */
const linuxOnlyMarks: Array<[string, RegExp]> = [
  ['pseudo-terminal', /gsm\/simulator\/pty'|gsm\/link\/pty-pair'|'--link'/],
  ['pdftotext', /\bpdftotext\b/],
  ['gammu', /'gammu'/],
  ['Chromium', /\bhostDocuments\(|\/usr\/bin\/chromium/],
  ['sysfs', /\bsysfs\b|'\/sys\//],
  ['executable bits', /\bmode: 0o[0-7]*[1357]\b|0o755/],
  ['PostgreSQL', /inject\('postgresUrl'\)|\bstartPostgres\(|support\/head-office'/],
];

function testFiles(): string[] {
  return ['test/unit', 'test/integration'].flatMap((folder) =>
    fs
      .readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.test.ts'))
      .map((name) => path.posix.join(folder, name.split(path.sep).join('/'))),
  );
}

function matches(entry: string, file: string): boolean {
  return entry.endsWith('/**') ? file.startsWith(entry.slice(0, -2)) : file === entry;
}

function listed(file: string): boolean {
  return linuxOnly.some((entry) => matches(entry, file));
}

function marks(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return linuxOnlyMarks.filter(([, mark]) => mark.test(text)).map(([part]) => part);
}

describe('the portable tests', () => {
  it('leave out every test that uses a Linux-only part', () => {
    const unlisted = testFiles()
      .filter((file) => file !== thisFile && !listed(file) && marks(file).length > 0)
      .map((file) => `${file} (${marks(file).join(', ')})`);
    expect(unlisted).toEqual([]);
  });

  it('leave out only files that exist', () => {
    const files = testFiles();
    expect(linuxOnly.filter((entry) => !files.some((file) => matches(entry, file)))).toEqual([]);
  });

  it('keep the codecs, the in-process simulator, the store and the host', () => {
    const portable = testFiles().filter((file) => !listed(file));
    expect(portable).toEqual(
      expect.arrayContaining([
        'test/unit/gsm/codecs/vectors.test.ts',
        'test/unit/gsm/simulator/topup.test.ts',
        'test/integration/api/demo.test.ts',
        'test/integration/store/migrate.test.ts',
        'test/integration/host/server.test.ts',
        'test/unit/project/electron-fuses.test.ts',
      ]),
    );
  });
});
