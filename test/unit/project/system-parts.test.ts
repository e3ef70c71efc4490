/**
 * `npm test` and `.ci/run` ask one list what the machine lacks. Checked against real folders
 * standing for PATH: a program is there when an executable file of its name is.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  missingLine,
  missingParts,
  postgresBinFolder,
  systemParts,
} from '../../../scripts/system-parts.mjs';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs('comptoir-path-');

function folderWith(programs: string[], mode = 0o755): string {
  const dir = tempDir();
  for (const program of programs)
    fs.writeFileSync(path.join(dir, program), '#!/bin/sh\n', { mode });
  return dir;
}

/** A folder standing for /usr/lib/postgresql, with PostgreSQL 15's initdb in it. */
function postgresRoot(): string {
  const root = tempDir();
  fs.mkdirSync(path.join(root, '15', 'bin'), { recursive: true });
  fs.writeFileSync(path.join(root, '15', 'bin', 'initdb'), '#!/bin/sh\n', { mode: 0o755 });
  return root;
}

const chineseFont = () => ['Noto Sans CJK SC'];
const noFont = () => [];
const names = (parts: Array<{ name: string }>) => parts.map((part) => part.name);

describe('the system parts the suite needs', () => {
  it('finds nothing missing when every program is on PATH, Chromium where it is said to be and a CJK font', () => {
    const bin = folderWith(['socat', 'gammu', 'chromium', 'pdftotext', 'fc-list']);
    const env = {
      PATH: bin,
      CHROMIUM_PATH: path.join(bin, 'chromium'),
      COMPTOIR_PG_ROOT: postgresRoot(),
    };
    expect(missingParts({ env, listFonts: chineseFont })).toEqual([]);
  });

  it('names each part that is absent, looking through every folder of PATH', () => {
    const one = folderWith(['socat']);
    const two = folderWith(['pdftotext', 'fc-list']);
    const env = {
      PATH: [one, path.join(one, 'absent'), two].join(path.delimiter),
      CHROMIUM_PATH: path.join(two, 'chromium'),
      COMPTOIR_PG_ROOT: postgresRoot(),
    };
    expect(names(missingParts({ env, listFonts: chineseFont }))).toEqual(['gammu', 'chromium']);
  });

  it('does not take a file that cannot be run, or a folder, for a program', () => {
    const bin = folderWith(['socat', 'gammu', 'pdftotext', 'fc-list', 'chromium'], 0o644);
    fs.mkdirSync(path.join(bin, 'chromium-folder'));
    const env = {
      PATH: bin,
      CHROMIUM_PATH: path.join(bin, 'chromium-folder'),
      COMPTOIR_PG_ROOT: postgresRoot(),
    };
    expect(names(missingParts({ env, listFonts: chineseFont }))).toEqual([
      'socat',
      'gammu',
      'chromium',
      'pdftotext',
      'fc-list',
    ]);
  });

  it('asks the font lister for Chinese, and an empty answer is a missing font', () => {
    const bin = folderWith(['socat', 'gammu', 'chromium', 'pdftotext', 'fc-list']);
    const asked: string[] = [];
    const missing = missingParts({
      env: {
        PATH: bin,
        CHROMIUM_PATH: path.join(bin, 'chromium'),
        COMPTOIR_PG_ROOT: postgresRoot(),
      },
      listFonts: (language) => {
        asked.push(language);
        return noFont();
      },
    });
    expect(asked).toEqual(['zh']);
    expect(names(missing)).toEqual(['a CJK font']);
  });

  it('says it in one line with the command that installs the Debian packages', () => {
    const bin = folderWith(['gammu', 'pdftotext', 'fc-list']);
    const missing = missingParts({
      env: { PATH: bin, CHROMIUM_PATH: path.join(bin, 'chromium'), COMPTOIR_PG_ROOT: tempDir() },
      listFonts: noFont,
    });
    expect(missingLine(missing)).toBe(
      'Missing: socat, chromium, a CJK font, PostgreSQL. Install them with: apt-get install -y socat chromium fonts-noto-cjk postgresql',
    );
  });

  it('finds PostgreSQL’s newest version under its root, and none where no initdb can run', () => {
    const root = postgresRoot();
    fs.mkdirSync(path.join(root, '17', 'bin'), { recursive: true });
    fs.writeFileSync(path.join(root, '17', 'bin', 'initdb'), 'not a program', { mode: 0o644 });
    expect(postgresBinFolder({ COMPTOIR_PG_ROOT: root })).toBe(path.join(root, '15', 'bin'));
    fs.chmodSync(path.join(root, '17', 'bin', 'initdb'), 0o755);
    expect(postgresBinFolder({ COMPTOIR_PG_ROOT: root })).toBe(path.join(root, '17', 'bin'));
    expect(postgresBinFolder({ COMPTOIR_PG_ROOT: path.join(root, 'absent') })).toBeNull();
  });

  it('gives every part a Debian package, each once', () => {
    const packages = systemParts.map((part) => part.debian);
    expect(new Set(packages).size).toBe(packages.length);
    expect(packages).toEqual(
      expect.arrayContaining([
        'socat',
        'gammu',
        'chromium',
        'poppler-utils',
        'fonts-noto-cjk',
        'postgresql',
      ]),
    );
  });

  it('tells .ci/run the Debian packages to install, on one line', () => {
    const bin = folderWith(['socat', 'pdftotext']);
    const script = path.resolve(__dirname, '../../../scripts/system-parts.mjs');
    const run = spawnSync(process.execPath, [script], {
      env: { PATH: bin, CHROMIUM_PATH: path.join(bin, 'chromium'), COMPTOIR_PG_ROOT: tempDir() },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    // No fc-list on this PATH: the font cannot be found either.
    expect(run.stdout).toBe('gammu chromium fontconfig fonts-noto-cjk postgresql\n');
  });
});
