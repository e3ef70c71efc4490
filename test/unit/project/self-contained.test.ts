/**
 * A clone of the project has nothing beside it: no test, bench, script or config may read a
 * path above the repository's root (four suites once read ../shared/vectors from there).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathsLeavingRoot } from '../../support/outside-paths';

const root = path.resolve(__dirname, '../../..');
const code = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

function codeFiles(folder: string): string[] {
  return fs
    .readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => code.test(name))
    .map((name) => path.join(root, folder, name));
}

const scanned = [
  ...['test', 'bench', 'scripts', '.ci']
    .filter((f) => fs.existsSync(path.join(root, f)))
    .flatMap(codeFiles),
  ...fs
    .readdirSync(root)
    .filter((name) => code.test(name))
    .map((name) => path.join(root, name)),
];

describe('the suite needs nothing outside the repository', () => {
  it('scans the tests, benches, scripts and configs', () => {
    const names = scanned.map((file) => path.relative(root, file));
    expect(names).toContain(path.join('test', 'unit', 'gsm', 'codecs', 'vectors.ts'));
    expect(names).toContain('vitest.config.mts');
    expect(names).toContain(path.join('scripts', 'test.mjs'));
  });

  it('finds no path that leads above the root', () => {
    const leaving = scanned.flatMap((file) =>
      pathsLeavingRoot(file, fs.readFileSync(file, 'utf8'), root).map(
        (found) => `${path.relative(root, file)}:${found.line} ${found.named} -> ${found.resolved}`,
      ),
    );
    expect(leaving).toEqual([]);
  });

  describe('the check itself', () => {
    const file = path.join(root, 'test', 'unit', 'gsm', 'codecs', 'vectors.ts');
    const leaves = (text: string) => pathsLeavingRoot(file, text, root).map((f) => f.resolved);
    const beside = path.join(path.dirname(root), 'shared', 'vectors', 'modem-vectors.json');

    it('catches the ways the vectors were once read from beside the project', () => {
      expect(
        leaves(
          "const file = path.resolve(__dirname, '../../../../../shared/vectors/modem-vectors.json');",
        ),
      ).toEqual([beside]);
      expect(
        leaves("new URL('../../../../../shared/vectors/modem-vectors.json', import.meta.url);"),
      ).toEqual([beside]);
      expect(
        leaves(
          "path.join(__dirname, '..', '..', '..', '..', '..', 'shared', 'vectors', 'modem-vectors.json');",
        ),
      ).toEqual([beside]);
      expect(leaves("import v from '../../../../../shared/vectors/modem-vectors.json';")).toEqual([
        beside,
      ]);
    });

    it('lets paths inside the repository through, the project’s own shared/ included', () => {
      expect(
        leaves(
          [
            "import { procedures } from '../../../../shared/api/contract';",
            "const v = new URL('../../../fixtures/vectors/modem-vectors.json', import.meta.url);",
            "const carriers = path.resolve(__dirname, '../../../../resources/carriers');",
            "path.join(__dirname, '..', 'at');",
            "// '../../../../../shared' in a comment is not a path",
          ].join('\n'),
        ),
      ).toEqual([]);
    });
  });
});
