/**
 * The profile folders ship where the app looks for them: electron-builder copies each one
 * beside the packaged app, the desktop app reads it there (or from the checkout), and the
 * command line (and so the browser host) from the checkout beside its build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe.each(['carriers', 'modems'])('the %s profiles', (folder) => {
  it('are packaged beside the app, under the name the desktop app reads', () => {
    expect(read('electron-builder.yml')).toMatch(
      new RegExp(`- from: resources/${folder}\\n\\s+to: ${folder}\\n`),
    );
    expect(read('electron/main.ts')).toContain(`path.join(process.resourcesPath, '${folder}')`);
    expect(read('electron/main.ts')).toContain(`'../../resources/${folder}'`);
  });

  it('are found by the command line and the browser host beside their build', () => {
    expect(read('electron/cli/main.ts')).toContain(`'../../resources/${folder}'`);
  });
});
