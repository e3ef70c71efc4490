/**
 * Where code may run is checked by the linter, not by a reviewer: only the Electron glue imports
 * `electron`, and the renderer and shared/ (a browser page, environment-free code) import no
 * Node built-in. Biome runs with the project's own biome.json on probe files laid out like the
 * project in a temporary folder, so the working tree is never touched.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTempDirs } from '../../support/temp';

const root = path.resolve(__dirname, '../../..');
const tempDir = withTempDirs('comptoir-lint-');

const electronImport = "import { app } from 'electron';\nexport const name = app.getName();\n";
const nodeImport = "import fs from 'node:fs';\nexport const here = fs.existsSync('x');\n";
const bareNodeImport = "import path from 'path';\nexport const joined = path.join('a', 'b');\n";
const typeOnlyNodeImport =
  "import type { Stats } from 'node:fs';\nexport type Size = Stats['size'];\n";

const probes: Record<string, string> = {
  'electron/sales/probe.ts': electronImport,
  'electron/store/probe.ts': "export const electron = require('electron');\n",
  'electron/day/probe.ts':
    "import { app } from 'electron/main';\nexport const name = app.getName();\n",
  'renderer/day/probe.ts':
    "import { ipcRenderer } from 'electron/renderer';\nexport const send = ipcRenderer.send;\n",
  'renderer/probe.ts': electronImport,
  'electron/shell/probe.ts': electronImport,
  'electron/shell/deeper/probe.ts': electronImport,
  'renderer/sales/probe.tsx': nodeImport,
  'shared/probe.ts': bareNodeImport,
  'renderer/types-probe.ts': typeOnlyNodeImport,
  'electron/gsm/probe.ts': nodeImport,
};

interface Diagnostic {
  category: string;
  message: string;
  location: { path: string };
}

let diagnostics: Diagnostic[] = [];

/** The import rules' diagnostics for one probe file. */
function ruled(file: string): string[] {
  return diagnostics
    .filter(
      (d) => d.location.path === file && /noRestrictedImports|noNodejsModules/.test(d.category),
    )
    .map((d) => d.category);
}

describe('the import rules', () => {
  beforeAll(() => {
    const dir = tempDir();
    fs.copyFileSync(path.join(root, 'biome.json'), path.join(dir, 'biome.json'));
    fs.copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
    for (const [file, text] of Object.entries(probes)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    // Biome's own launcher, run by this Node: the same command on every system.
    const biome = path.join(root, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');
    const lint = spawnSync(
      process.execPath,
      [biome, 'lint', '--reporter=json', ...Object.keys(probes)],
      { cwd: dir, encoding: 'utf8' },
    );
    // Paths as written on the command line, whatever the system's separator.
    diagnostics = (JSON.parse(lint.stdout) as { diagnostics: Diagnostic[] }).diagnostics.map(
      (d) => ({ ...d, location: { path: d.location.path.split(path.sep).join('/') } }),
    );
  });

  it('refuse an electron import in electron/sales/, naming the files that may', () => {
    expect(ruled('electron/sales/probe.ts')).toEqual(['lint/style/noRestrictedImports']);
    const [diagnostic] = diagnostics.filter((d) => d.location.path === 'electron/sales/probe.ts');
    expect(diagnostic?.message).toMatch(
      /electron\/main\.ts, electron\/preload\.ts and electron\/shell\//,
    );
  });

  it('refuse electron by require, by its process entry points, and in the renderer', () => {
    expect(ruled('electron/store/probe.ts')).toEqual(['lint/style/noRestrictedImports']);
    expect(ruled('electron/day/probe.ts')).toEqual(['lint/style/noRestrictedImports']);
    expect(ruled('renderer/day/probe.ts')).toEqual(['lint/style/noRestrictedImports']);
    expect(ruled('renderer/probe.ts')).toEqual(['lint/style/noRestrictedImports']);
  });

  it('let electron/shell/ import electron, at any depth', () => {
    expect(ruled('electron/shell/probe.ts')).toEqual([]);
    expect(ruled('electron/shell/deeper/probe.ts')).toEqual([]);
  });

  it('refuse a Node built-in in the renderer and in shared/, with or without node:', () => {
    expect(ruled('renderer/sales/probe.tsx')).toEqual(['lint/correctness/noNodejsModules']);
    expect(ruled('shared/probe.ts')).toEqual(['lint/correctness/noNodejsModules']);
  });

  it('let the renderer name a Node type, and the plain-Node core use Node', () => {
    expect(ruled('renderer/types-probe.ts')).toEqual([]);
    expect(ruled('electron/gsm/probe.ts')).toEqual([]);
  });
});
